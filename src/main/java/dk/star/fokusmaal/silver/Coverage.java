package dk.star.fokusmaal.silver;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.rules.Months;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The data horizon: the last month the registers cover. A register covers a month once it has
 * reported a row after that month ended (its latest {@code reported_at}, Danish time, falls in a
 * later month). Beyond it, open periods would run on into months nobody has reported on yet and the
 * population would look almost wholly passive, so no month after the horizon of any of the
 * registers a build reads is built.
 */
public final class Coverage {
  private Coverage() {}

  /** The last month covered, given a register's latest {@code reported_at}. */
  public static Column lastCoveredMonth(Column latestReportedAt) {
    return add_months(trunc(to_date(latestReportedAt), "MM"), -1);
  }

  /** The last month covered, given a register's latest {@code reported_at} (Danish months). */
  public static YearMonth lastCoveredMonth(java.time.Instant latestReportedAt) {
    return YearMonth.from(latestReportedAt.atZone(java.time.ZoneId.of(Months.TIME_ZONE))).minusMonths(1);
  }

  /**
   * The last month each register covers (its bronze rows; null when it has none), found in one
   * Spark job for all of them.
   */
  public static Map<String, YearMonth> lastCovered(Map<String, Dataset<Row>> registers) {
    Dataset<Row> all = null;
    for (Map.Entry<String, Dataset<Row>> e : registers.entrySet()) {
      Dataset<Row> one =
          e.getValue().agg(lastCoveredMonth(max(col(Cols.REPORTED_AT))).as(Cols.MONTH)).withColumn(REGISTER, lit(e.getKey()));
      all = all == null ? one : all.unionByName(one);
    }
    Map<String, YearMonth> covered = new java.util.LinkedHashMap<>();
    registers.keySet().forEach(k -> covered.put(k, null));
    if (all == null) return covered;
    for (Row r : all.collectAsList()) { // one row per register
      Date d = r.getAs(Cols.MONTH);
      covered.put(r.getAs(REGISTER), d == null ? null : YearMonth.from(d.toLocalDate()));
    }
    return covered;
  }

  private static final String REGISTER = "_register";

  /**
   * The horizon of several registers: the earliest of their last covered months.
   *
   * @throws IllegalStateException naming a register without rows
   */
  public static YearMonth horizon(Map<String, YearMonth> lastCovered) {
    return earliest(lastCovered).getValue();
  }

  /**
   * The horizon, checked against the last month to build.
   *
   * @throws IllegalStateException naming the register and the last month it covers when {@code to}
   *     lies beyond it, or naming an empty register
   */
  public static YearMonth require(Map<String, YearMonth> lastCovered, YearMonth to) {
    Map.Entry<String, YearMonth> h = earliest(lastCovered);
    if (to.isAfter(h.getValue())) {
      throw new IllegalStateException(
          "month " + to + " is beyond the data horizon: " + h.getKey() + " covers up to " + h.getValue()
              + " (its latest reported_at); build up to " + h.getValue() + " or ingest newer deliveries");
    }
    return h.getValue();
  }

  private static Map.Entry<String, YearMonth> earliest(Map<String, YearMonth> lastCovered) {
    Map.Entry<String, YearMonth> min = null;
    for (Map.Entry<String, YearMonth> e : lastCovered.entrySet()) {
      if (e.getValue() == null) {
        throw new IllegalStateException("input missing: " + e.getKey() + " has no rows (run ingest with its deliveries)");
      }
      if (min == null || e.getValue().isBefore(min.getValue())) min = e;
    }
    if (min == null) throw new IllegalStateException("input missing: no register");
    return min;
  }
}
