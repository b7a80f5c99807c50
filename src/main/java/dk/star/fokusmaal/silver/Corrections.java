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
   * Keeps, per key, the row with the latest {@code reported_at}. A tie (the same key and {@code
   * reported_at} twice, in one delivery or two) is broken by the later ingest ({@code
   * _ingested_at}), then the file whose path sorts last (a later delivery folder), then the row's
   * content: the other contract columns in contract order, the greatest value winning (nulls
   * lowest). Two rows equal in all of these are equal in every column returned, so the result
   * is the same on every run and under any partitioning or input order. Only the contract
   * columns are returned.
   */
  public static Dataset<Row> latest(Dataset<Row> bronze, SourceSpec spec) {
    WindowSpec w =
        Window.partitionBy(spec.key().stream().map(c -> col(c)).toArray(Column[]::new))
            .orderBy(order(bronze, spec).toArray(new Column[0]));
    Column[] contract = spec.requiredColumns().stream().map(c -> col(c)).toArray(Column[]::new);
    return bronze.withColumn(RANK, row_number().over(w)).filter(col(RANK).equalTo(1)).select(contract);
  }

  /**
   * The order within a key, the winner first: {@code reported_at}, {@code _ingested_at} and {@code
   * _source_file} (those present), then every other non-key contract column, all descending with
   * nulls last. The content columns make the order total over what {@link #latest} returns.
   */
  static List<Column> order(Dataset<Row> bronze, SourceSpec spec) {
    List<Column> order = new ArrayList<>();
    order.add(col(Cols.REPORTED_AT).desc_nulls_last());
    List<String> cols = List.of(bronze.columns());
    if (cols.contains(Cols.INGESTED_AT)) order.add(col(Cols.INGESTED_AT).desc_nulls_last());
    if (cols.contains(Cols.SOURCE_FILE)) order.add(col(Cols.SOURCE_FILE).desc_nulls_last());
    for (String c : spec.requiredColumns()) {
      if (!c.equals(Cols.REPORTED_AT) && !spec.key().contains(c)) order.add(col(c).desc_nulls_last());
    }
    return order;
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
