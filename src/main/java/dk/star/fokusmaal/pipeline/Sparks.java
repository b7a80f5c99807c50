package dk.star.fokusmaal.pipeline;

import dk.star.fokusmaal.lake.LocalFiles;
import dk.star.fokusmaal.rules.Months;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session every job uses: Delta enabled, Danish local time. */
public final class Sparks {
  private Sparks() {}

  /**
   * Delta settings every session gets unless the environment sets them. With a session time zone
   * other than UTC (ours is Danish), Delta re-lists every file of a table after each commit to
   * verify the file list it keeps in the checksum: a Spark job per commit, a fifth of a small
   * build. The verification guards timestamp partition values; our tables are partitioned by a
   * date (the month) or not at all.
   */
  public static final Map<String, String> DELTA =
      Map.of("spark.databricks.delta.allFilesInCrc.verificationMode.forceOnNonUTC.enabled", "false");

  public static SparkSession session(Settings settings, String appName) {
    SparkSession.Builder b =
        SparkSession.builder()
            .appName(appName)
            .master(settings.get(Settings.MASTER))
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.session.timeZone", Months.TIME_ZONE)
            .config("spark.ui.enabled", "false");
    for (Map.Entry<String, String> e : settings.sparkConf().entrySet()) {
      b = b.config(e.getKey(), e.getValue());
    }
    b = unlessSet(b, settings, DELTA);
    // Hadoop's local file system forks a process per chmod, readlink and permission lookup.
    if (local(settings.get(Settings.MASTER))) b = unlessSet(b, settings, LocalFiles.SPARK_CONF);
    String jar = applicationJar(settings.get(Settings.MASTER), settings.sparkConf());
    if (jar != null) b = b.config("spark.jars", jar);
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel(settings.get("log.level", "WARN"));
    return spark;
  }

  /**
   * The jar executors need on a cluster: the one this code runs from, so that {@code jobs/fokusmaal
   * --master spark://…} (or yarn, k8s://…) ships the project's classes and Delta to the executors
   * as spark-submit does. None when the master is local (the driver is the executor), when
   * spark.jars is already given (spark-submit sets it to the application jar, or the environment
   * names the jars), or when the classes are not in a jar (a build folder).
   */
  static String applicationJar(String master, Map<String, String> sparkConf) {
    if (local(master)) return null;
    if (sparkConf.containsKey("spark.jars") || System.getProperty("spark.jars") != null) return null;
    try {
      CodeSource source = Sparks.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) return null;
      Path p = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p.toAbsolutePath().toUri().toString() : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code b} with the settings of {@code conf} that the environment does not set itself. */
  private static SparkSession.Builder unlessSet(SparkSession.Builder b, Settings settings, Map<String, String> conf) {
    for (Map.Entry<String, String> e : conf.entrySet()) {
      if (!settings.sparkConf().containsKey(e.getKey())) b = b.config(e.getKey(), e.getValue());
    }
    return b;
  }

  static boolean local(String master) {
    return master == null || master.startsWith("local");
  }

  /**
   * A Hadoop configuration with the environment's {@code spark.hadoop.*} settings, for checks made
   * before the session starts (does the lake exist?).
   */
  public static Configuration hadoopConf(Settings settings) {
    Configuration c = new Configuration();
    settings.sparkConf().forEach((k, v) -> {
      if (k.startsWith("spark.hadoop.")) c.set(k.substring("spark.hadoop.".length()), v);
    });
    return c;
  }
}
