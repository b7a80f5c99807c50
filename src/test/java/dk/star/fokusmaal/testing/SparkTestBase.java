package dk.star.fokusmaal.testing;

import dk.star.fokusmaal.lake.LocalFiles;
import dk.star.fokusmaal.pipeline.Sparks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TimeZone;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;

/**
 * One Spark session for the whole test JVM, created through spark-testing-base's JUnit 4 hook
 * ({@code runBefore}, called here from Jupiter). Delta enabled, one shuffle partition, no UI, no
 * code generation, fork-free local files ({@link LocalFiles}), Danish local time.
 *
 * <p>The suite base is held, not extended: its class names Hive types that are not on our class
 * path, and Jupiter's reflection over a test class's methods would fail on them.
 */
public abstract class SparkTestBase {
  static {
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Copenhagen"));
  }

  /** spark-testing-base's Java suite base, configured for Delta. */
  protected static final SuiteBase BASE = new SuiteBase();

  /** spark-testing-base's suite, with our session settings. */
  public static final class SuiteBase extends com.holdenkarau.spark.testing.JavaDataFrameSuiteBase {
  @Override
  public SparkConf conf() {
    return new SparkConf()
        .setMaster("local[2]")
        .setAppName("fokusmaal-tests")
        .set("spark.ui.enabled", "false")
        .set("spark.sql.ui.explainMode", "simple")
        .set("spark.sql.shuffle.partitions", "1")
        .set("spark.default.parallelism", "2")
        .set("spark.sql.adaptive.enabled", "false")
        // Test tables hold a handful of rows: compiling generated code for every query cost more
        // CPU than running it (a fifth of a build's driver time). Interpreted evaluation here and in
        // the crash and cluster tests' drivers; serve's child runs the shipped settings.
        .set("spark.sql.codegen.wholeStage", "false")
        .set("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .set("spark.sql.session.timeZone", "Europe/Copenhagen")
        .set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .set("spark.databricks.delta.snapshotPartitions", "1")
        .set("spark.databricks.delta.delta.log.cacheSize", "16")
        .set("spark.sql.warehouse.dir", tmp("warehouse").toString())
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .setAll(scala.jdk.javaapi.CollectionConverters.asScala(LocalFiles.SPARK_CONF))
        .setAll(scala.jdk.javaapi.CollectionConverters.asScala(Sparks.DELTA));
  }

  @Override
  public boolean enableHiveSupport() {
    return false;
  }
  }

  @BeforeEach
  public void sharedSession() {
    BASE.runBefore(); // JUnit 4 hook: creates the shared context and session once per JVM
  }

  protected static SparkSession session() {
    BASE.runBefore();
    return BASE.spark();
  }

  /** A fresh temporary folder, deleted when the JVM exits. */
  public static Path tmp(String prefix) {
    try {
      Path p = Files.createTempDirectory("fokusmaal-" + prefix);
      p.toFile().deleteOnExit();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
