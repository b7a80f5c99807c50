package dk.star.fokusmaal.bronze;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.lake.Tables;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The data-quality summary {@code meta.dq_results}: per ingest run and source, the rows the files'
 * Parquet footers declare ({@link #ROWS_IN_FOOTER}), the rows read, to bronze and to quarantine
 * (rule {@link #ROWS_READ}, {@link #ROWS_BRONZE}, {@link #ROWS_QUARANTINE}), the ties of
 * corrections ({@link #CORRECTION_TIES}), and the rows breaking each rule. A row breaking two rules
 * counts under both, so the rule rows may add up to more than {@code ROWS_QUARANTINE}. An ingest
 * commits only when, file by file, footer = bronze + quarantine ({@link Ingest#checkRowCounts}),
 * so {@code ROWS_IN_FOOTER = ROWS_READ = ROWS_BRONZE + ROWS_QUARANTINE} in every row set written.
 */
public final class DqResults {
  private DqResults() {}

  public static final String ROWS_READ = "ROWS_READ";
  public static final String ROWS_BRONZE = "ROWS_BRONZE";
  public static final String ROWS_QUARANTINE = "ROWS_QUARANTINE";

  /** The rows the Parquet footers of the run's files declare, summed over the files. */
  public static final String ROWS_IN_FOOTER = "ROWS_IN_FOOTER";

  /**
   * Keys with two or more different rows at the same {@code reported_at}, counted among the groups
   * that hold a row of this run ({@link Ingest#ties}); the build resolves each by ingest time, file
   * and content ({@code silver.Corrections}). Not a quarantine rule: the rows stay in bronze.
   */
  public static final String CORRECTION_TIES = "CORRECTION_TIES";

  /** Rows per rule broken ({@code rule, rows}); a row breaking two rules counts under both. */
  public static Dataset<Row> byRule(Dataset<Row> stats) {
    return stats
        .filter(col(Cols.QUARANTINE_RULE).isNotNull())
        .select(
            explode(split(col(Cols.QUARANTINE_RULE), Pattern.quote(QuarantineRule.SEPARATOR)))
                .as(Cols.DQ_RULE),
            col(Cols.ROWS))
        .groupBy(Cols.DQ_RULE)
        .agg(sum(col(Cols.ROWS)).cast(DataTypes.LongType).as(Cols.ROWS));
  }

  /**
   * The summary of one source's batch from {@code stats} ({@code _source_file, _rule, rows}):
   * the totals (also when zero), then one row per rule broken.
   *
   * @param footerRows the rows the batch's files declare in their footers
   * @param ties the ties of corrections that involve the batch's rows
   */
  public static Dataset<Row> rows(Dataset<Row> stats, String runId, String source, long footerRows, long ties) {
    Column rows = col(Cols.ROWS);
    Column valid = col(Cols.QUARANTINE_RULE).isNull();
    Column invalid = col(Cols.QUARANTINE_RULE).isNotNull();
    Dataset<Row> totals =
        stats
            .agg(
                coalesce(sum(rows), lit(0L)).as(ROWS_READ),
                coalesce(sum(when(valid, rows)), lit(0L)).as(ROWS_BRONZE),
                coalesce(sum(when(invalid, rows)), lit(0L)).as(ROWS_QUARANTINE))
            .withColumn(ROWS_IN_FOOTER, lit(footerRows))
            .withColumn(CORRECTION_TIES, lit(ties))
            .selectExpr(
                "stack(5, '" + ROWS_IN_FOOTER + "', " + ROWS_IN_FOOTER + ", '" + ROWS_READ + "', "
                    + ROWS_READ + ", '" + ROWS_BRONZE + "', " + ROWS_BRONZE + ", '" + ROWS_QUARANTINE
                    + "', " + ROWS_QUARANTINE + ", '" + CORRECTION_TIES + "', " + CORRECTION_TIES
                    + ") as (" + Cols.DQ_RULE + ", " + Cols.ROWS + ")");
    Dataset<Row> byRule = byRule(stats);
    Dataset<Row> all =
        totals
            .unionByName(byRule)
            .select(
                lit(runId).as(Cols.RUN_ID),
                lit(source).as(Cols.SOURCE),
                col(Cols.DQ_RULE),
                col(Cols.ROWS).cast(DataTypes.LongType).as(Cols.ROWS));
    return Tables.DQ_RESULTS.conform(all);
  }
}
