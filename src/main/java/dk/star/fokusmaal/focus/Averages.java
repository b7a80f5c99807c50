package dk.star.fokusmaal.focus;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.config.Rules;
import dk.star.fokusmaal.reference.Municipalities;
import dk.star.fokusmaal.schema.Cols;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The 12-month averages that decide a fokusmål (SPEC §5.7, §8.3): the unweighted mean of the
 * monthly passive shares of the 12 months ending with m, leaving out the exempt months of the
 * rules (March–June 2020, in every average they fall in) and months with no share (no population,
 * or suppressed). The municipality meets the goal when the average is at or below the threshold of
 * the year of m (exactly 20.0 meets it, 20.01 does not).
 */
public final class Averages {
  private Averages() {}

  /** Floating-point slack for "at or below": a mean of exact shares may land 1e-14 above. */
  static final double EPSILON = 1e-9;

  private static final String END_MONTH = "_end_month";
  private static final String INCLUDED = "_included";

  /**
   * {@code gold.focus_goal_12m} rows (without run_id) for the end months {@code from … to}: one
   * per municipality with any monthly share in the window, and one per month for the nation
   * ({@code municipality_code} null).
   *
   * @param municipal {@code focus_goal_monthly} rows of months {@code from-11 … to}
   * @param national {@code focus_goal_national_monthly} rows of the same months
   */
  public static Dataset<Row> twelveMonth(
      Dataset<Row> municipal, Dataset<Row> national, Rules rules, YearMonth from, YearMonth to) {
    Dataset<Row> all =
        municipal
            .filter(col(Cols.BREAKDOWN).equalTo(Cols.ALL))
            .select(col(Cols.MONTH), col(Cols.MUNICIPALITY_CODE), col(Cols.PASSIVE_CONVERSATIONS_PCT), col(Cols.PASSIVE_OFFERS_PCT))
            .unionByName(
                national
                    .filter(col(Cols.BREAKDOWN).equalTo(Cols.ALL))
                    .select(
                        col(Cols.MONTH), lit(null).cast(DataTypes.IntegerType).as(Cols.MUNICIPALITY_CODE),
                        col(Cols.PASSIVE_CONVERSATIONS_PCT), col(Cols.PASSIVE_OFFERS_PCT)));

    Dataset<Row> monthRules =
        Months.rulesByMonth(all.sparkSession(), rules, from.minusMonths(11), to)
            .select(col(Cols.MONTH).as("_rule_month"), col(Months.EXEMPT),
                col(Months.CONVERSATION_THRESHOLD), col(Months.OFFER_THRESHOLD));

    Column included =
        not(col(Months.EXEMPT))
            .and(col(Cols.PASSIVE_CONVERSATIONS_PCT).isNotNull())
            .and(col(Cols.PASSIVE_OFFERS_PCT).isNotNull());
    Dataset<Row> averaged =
        all.join(broadcast(monthRules.select(col("_rule_month"), col(Months.EXEMPT))),
                col(Cols.MONTH).equalTo(col("_rule_month")))
            .withColumn(INCLUDED, included)
            // each month's share belongs to the windows of this month and the 11 after it
            .withColumn(END_MONTH, explode(sequence(col(Cols.MONTH), add_months(col(Cols.MONTH), 11), expr("INTERVAL 1 MONTH"))))
            .filter(col(END_MONTH).between(lit(Months.date(from)), lit(Months.date(to))))
            .groupBy(col(END_MONTH), col(Cols.MUNICIPALITY_CODE))
            .agg(
                avg(when(col(INCLUDED), col(Cols.PASSIVE_CONVERSATIONS_PCT))).as(Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M),
                avg(when(col(INCLUDED), col(Cols.PASSIVE_OFFERS_PCT))).as(Cols.AVG_PASSIVE_OFFERS_PCT_12M),
                count(when(col(INCLUDED), lit(1))).cast(DataTypes.IntegerType).as(Cols.MONTHS_IN_AVERAGE));

    Dataset<Row> names =
        Municipalities.table(all.sparkSession()).select(col(Cols.MUNICIPALITY_CODE).as("_code"), col(Cols.MUNICIPALITY_NAME));
    return averaged
        .join(broadcast(monthRules), col(END_MONTH).equalTo(col("_rule_month")))
        .join(broadcast(names), col(Cols.MUNICIPALITY_CODE).equalTo(col("_code")), "left")
        .select(
            col(END_MONTH).as(Cols.MONTH),
            col(Cols.MUNICIPALITY_CODE),
            col(Cols.MUNICIPALITY_NAME),
            col(Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M),
            col(Cols.AVG_PASSIVE_OFFERS_PCT_12M),
            col(Cols.MONTHS_IN_AVERAGE),
            meets(col(Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M), col(Months.CONVERSATION_THRESHOLD)).as(Cols.MEETS_CONVERSATION_GOAL),
            meets(col(Cols.AVG_PASSIVE_OFFERS_PCT_12M), col(Months.OFFER_THRESHOLD)).as(Cols.MEETS_OFFER_GOAL));
  }

  /** At or below the threshold meets the goal; no average, no verdict (null). */
  static Column meets(Column average, Column threshold) {
    return when(average.isNotNull(), average.leq(threshold.plus(EPSILON)));
  }
}
