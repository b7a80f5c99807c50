package dk.star.fokusmaal.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.pipeline.GenerateJob;
import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.Progress;
import dk.star.fokusmaal.testing.SparkTestBase;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Synthetic lakes for the generate tests, each generated once per test JVM (generating is the slow
 * part; the tests only read).
 */
final class GeneratedLakes {
  private GeneratedLakes() {}

  /** The data set the contract and realism tests share: small, two years, corrections, bad rows. */
  static final GenerateOptions SHARED =
      new GenerateOptions(6000, YearMonth.of(2021, 1), YearMonth.of(2022, 12), 11, 3, 2);

  private static final Map<GenerateOptions, String> LAKES = new HashMap<>();

  /** The lake root for {@code opts}, generated on first use. */
  static synchronized String lake(SparkSession spark, GenerateOptions opts) {
    return LAKES.computeIfAbsent(
        opts,
        o -> {
          String root = SparkTestBase.tmp("gen-lake").toString();
          GenerateJob.run(new JobContext(spark, null, new Lake(root), null, new Progress("generate")), o);
          return root;
        });
  }

  static String sourcePath(String lake, String source) {
    return new Lake(lake).landing(source);
  }

  /** Whether delivery {@code k} has a folder for the source (the benchmark may skip early ones). */
  static boolean hasDelivery(String lake, String source, int k) {
    return java.nio.file.Files.isDirectory(java.nio.file.Path.of(Deliveries.path(sourcePath(lake, source), k)));
  }

  /** The rows of ordinary delivery {@code k}, read with the contract schema (none if no folder). */
  static Dataset<Row> delivery(SparkSession spark, String lake, String source, int k) {
    if (!hasDelivery(lake, source, k)) return spark.createDataFrame(List.of(), Sources.spec(source).schema());
    return spark
        .read()
        .schema(Sources.spec(source).schema())
        .parquet(Deliveries.path(sourcePath(lake, source), k));
  }

  /** Every ordinary delivery of a source, with the delivery number in {@code delivery}. */
  static Dataset<Row> deliveries(SparkSession spark, String lake, String source, int n) {
    Dataset<Row> all = null;
    for (int k = 1; k <= n; k++) {
      Dataset<Row> d = delivery(spark, lake, source, k).withColumn(SyntheticRegisters.DELIVERY, org.apache.spark.sql.functions.lit(k));
      all = all == null ? d : all.unionByName(d);
    }
    return all;
  }

  /** The rows as ingest would keep them: per key, the one with the latest reported_at. */
  static Dataset<Row> latest(SparkSession spark, String lake, String source, int n) {
    SourceSpec spec = Sources.spec(source);
    List<Column> key = new ArrayList<>();
    for (String k : spec.key()) key.add(col(k));
    return deliveries(spark, lake, source, n)
        .withColumn(
            "_rn",
            row_number()
                .over(Window.partitionBy(key.toArray(new Column[0])).orderBy(col(Cols.REPORTED_AT).desc())))
        .filter(col("_rn").equalTo(1))
        .drop("_rn", SyntheticRegisters.DELIVERY);
  }
}
