package dk.star.fokusmaal.generate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;

import dk.star.fokusmaal.rules.Months;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The time frame of a synthetic data set and its deliveries.
 *
 * <ul>
 *   <li>{@code from … to}: the months the data set is meant for; every month in it has a full
 *       12-month window of conversations, offers and pay behind it, because the registers also
 *       hold the year before {@code from} ({@link #eventStart()}). Benefit periods and FLEUR
 *       payments go back as far as the spells do (seniority and accumulated unemployment need the
 *       whole spell).
 *   <li>Deliveries: the registers deliver {@code n} times, the last one just after {@code to}.
 *       Delivery {@code k} carries what was known at its cut-off date: a period still running then
 *       has no end date yet, an offer not yet started is PLANLAGT. A later delivery re-sends a row
 *       (same key, later {@code reported_at}) when its state has changed or was corrected.
 * </ul>
 */
final class Horizon {
  static final ZoneId ZONE = ZoneId.of(Months.TIME_ZONE);

  private final YearMonth from;
  private final YearMonth to;
  private final LocalDate eventStart;
  private final LocalDate end;
  private final LocalDate[] cutoffs;

  Horizon(YearMonth from, YearMonth to, int deliveries) {
    if (deliveries < 1) throw new IllegalArgumentException("--deliveries must be at least 1");
    this.from = from;
    this.to = to;
    this.eventStart = from.minusMonths(12).atDay(1);
    this.end = to.atEndOfMonth();
    this.cutoffs = new LocalDate[deliveries];
    int months = (int) (from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1);
    if (months >= deliveries) {
      // Month ends, evenly spread: delivery k knows the data up to the end of its month.
      for (int k = 1; k <= deliveries; k++) {
        int m = (int) Math.ceil((double) k * months / deliveries);
        cutoffs[k - 1] = from.plusMonths(m - 1).atEndOfMonth();
      }
    } else {
      long days = from.atDay(1).until(end, java.time.temporal.ChronoUnit.DAYS) + 1;
      if (days < deliveries) throw new IllegalArgumentException("more deliveries than days");
      for (int k = 1; k <= deliveries; k++) {
        cutoffs[k - 1] = from.atDay(1).plusDays((long) Math.ceil((double) k * days / deliveries) - 1);
      }
    }
  }

  YearMonth from() {
    return from;
  }

  YearMonth to() {
    return to;
  }

  /** First day with conversations, offers and pay: 12 months before {@code from}. */
  LocalDate eventStart() {
    return eventStart;
  }

  /** Last day of {@code to}: nothing after it is known to the registers. */
  LocalDate end() {
    return end;
  }

  int deliveries() {
    return cutoffs.length;
  }

  LocalDate cutoff(int k) {
    return cutoffs[k - 1];
  }

  /** Folder value of delivery {@code k}: {@code 001}, {@code 002} … */
  static String folder(int k) {
    return String.format("%03d", k);
  }

  /**
   * When delivery {@code k} was reported: early morning, five days after its cut-off date. Rows of
   * one delivery spread over six hours ({@code jitter} seconds on top), so that timestamps look
   * like a real load and still order strictly between deliveries.
   */
  long reportedEpochSecond(int k) {
    return reportedEpochSecond(cutoffs[k - 1].plusDays(5));
  }

  static long reportedEpochSecond(LocalDate day) {
    return day.atTime(2, 0).atZone(ZONE).toEpochSecond();
  }

  /** The reported_at timestamp for a row of delivery {@code k}. */
  Column reportedAt(int k, Column uniform) {
    return timestamp_seconds(lit(reportedEpochSecond(k)).plus(Rng.intIn(uniform, 0, 6 * 3600 - 1)));
  }

  /** The first delivery whose cut-off is on or after {@code visible} (null if none). */
  Column firstDelivery(Column visible) {
    Column c = null;
    for (int k = 1; k <= cutoffs.length; k++) {
      Column cond = visible.leq(lit(cutoffs[k - 1]));
      c = c == null ? when(cond, lit(k)) : c.when(cond, lit(k));
    }
    return c;
  }

  /** What a row looks like as of a delivery: its state columns, given the cut-off date. */
  interface StateAt {
    /**
     * @param k the delivery number (1-based)
     * @param cutoff the delivery's cut-off date, as a literal column
     * @param first the first delivery that carries the row
     * @return the state columns, named as they are to appear in the output
     */
    List<Column> at(int k, Column cutoff, Column first);
  }

  /**
   * Spreads rows over the deliveries. A row appears first in the delivery after it became
   * {@code visible} (a period when it starts, a payment when its period has ended …), and again in
   * every later delivery where its state differs from the one before: the corrections of SPEC §4.
   * Returns the input columns (minus those the state replaces), the state columns, the delivery
   * folder in {@code deliveryCol} and {@code reported_at} in {@code reportedAtCol}.
   */
  Dataset<Row> versions(
      Dataset<Row> df,
      Column visible,
      StateAt state,
      List<String> stateNames,
      Column jitterKey,
      Rng rng,
      String deliveryCol,
      String reportedAtCol) {
    final String first = "_first_delivery";
    final String v = "_version";
    Dataset<Row> withFirst = df.withColumn(first, firstDelivery(visible)).filter(col(first).isNotNull());
    Column firstCol = col(first);
    List<Column> versions = new ArrayList<>();
    List<Column> previous = null;
    for (int k = 1; k <= cutoffs.length; k++) {
      List<Column> s = state.at(k, lit(cutoffs[k - 1]), firstCol);
      if (s.size() != stateNames.size()) throw new IllegalStateException("state columns differ");
      Column changed = lit(false);
      if (previous != null) {
        for (int i = 0; i < s.size(); i++) changed = changed.or(not(s.get(i).eqNullSafe(previous.get(i))));
      }
      Column keep = firstCol.equalTo(lit(k)).or(firstCol.lt(lit(k)).and(changed));
      List<Column> fields = new ArrayList<>();
      fields.add(lit(k).as("k"));
      fields.add(keep.as("keep"));
      for (int i = 0; i < s.size(); i++) fields.add(s.get(i).as(stateNames.get(i)));
      versions.add(struct(fields.toArray(new Column[0])));
      previous = s;
    }
    Dataset<Row> exploded =
        withFirst.withColumn(v, explode(array(versions.toArray(new Column[0])))).filter(col(v + ".keep"));
    List<Column> out = new ArrayList<>();
    for (String c : df.columns()) if (!stateNames.contains(c)) out.add(col(c));
    for (String s : stateNames) out.add(col(v + "." + s).as(s));
    Column k = col(v + ".k");
    Column folder = null;
    Column reported = null;
    for (int i = 1; i <= cutoffs.length; i++) {
      Column is = k.equalTo(lit(i));
      Column ts = reportedAt(i, rng.u("reported_at", jitterKey, lit(i)));
      folder = folder == null ? when(is, lit(folder(i))) : folder.when(is, lit(folder(i)));
      reported = reported == null ? when(is, ts) : reported.when(is, ts);
    }
    out.add(folder.as(deliveryCol));
    out.add(reported.as(reportedAtCol));
    return exploded.select(out.toArray(new Column[0]));
  }
}
