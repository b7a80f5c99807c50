package dk.star.fokusmaal.pipeline;

import dk.star.fokusmaal.rules.Months;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session every job uses: Delta enabled, Danish local time. */
public final class Sparks {
  private Sparks() {}

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
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel(settings.get("log.level", "WARN"));
    return spark;
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
