package dk.star.fokusmaal.silver;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Reads a bronze register as it stands now: one row per key, the latest delivery winning (SPEC
 * §4: for the same key, the row with the latest {@code reported_at} wins). Bronze keeps every
 * delivered row; corrections are resolved here, at read time, so that the history stays auditable
 * and a late correction needs no rewrite of bronze.
 */
public final class Corrections {
  private Corrections() {}

  private static final String RANK = "_rank";

  /**
   * Keeps, per key, the row with the latest {@code reported_at}; on a tie the one ingested last,
   * then the one from the file whose path sorts last (a later delivery folder). Only the contract
   * columns are returned.
   */
  public static Dataset<Row> latest(Dataset<Row> bronze, SourceSpec spec) {
    List<Column> order = new ArrayList<>();
    order.add(col(Cols.REPORTED_AT).desc_nulls_last());
    List<String> cols = List.of(bronze.columns());
    if (cols.contains(Cols.INGESTED_AT)) order.add(col(Cols.INGESTED_AT).desc_nulls_last());
    if (cols.contains(Cols.SOURCE_FILE)) order.add(col(Cols.SOURCE_FILE).desc_nulls_last());
    WindowSpec w =
        Window.partitionBy(spec.key().stream().map(c -> col(c)).toArray(Column[]::new))
            .orderBy(order.toArray(new Column[0]));
    Column[] contract = spec.requiredColumns().stream().map(c -> col(c)).toArray(Column[]::new);
    return bronze.withColumn(RANK, row_number().over(w)).filter(col(RANK).equalTo(1)).select(contract);
  }

  /** The bronze table of {@code spec}, corrections resolved; fails clearly when not ingested. */
  public static Dataset<Row> read(SparkSession spark, Lake lake, SourceSpec spec) {
    return read(spark, lake, spec, lit(true));
  }

  /**
   * The bronze rows of {@code spec} that pass {@code keyFilter}, corrections resolved. The filter
   * is applied <em>before</em> the latest delivery is chosen, so that a build reads only the
   * deliveries it needs; it must therefore look at key columns only — every delivery of a key
   * then passes or fails it together, and a correction can never be dropped while the row it
   * corrects is kept.
   */
  public static Dataset<Row> read(SparkSession spark, Lake lake, SourceSpec spec, Column keyFilter) {
    String path = lake.bronze(spec.name());
    if (!DeltaIO.exists(spark, path)) {
      throw new IllegalStateException(
          "input missing: bronze." + spec.name() + " not found at " + path + " (run ingest first)");
    }
    return latest(DeltaIO.read(spark, path).filter(keyFilter), spec);
  }
}
