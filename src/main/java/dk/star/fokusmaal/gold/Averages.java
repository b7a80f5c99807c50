package dk.star.fokusmaal.gold;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.ReferenceTables;
import dk.star.fokusmaal.rules.Goals;
import dk.star.fokusmaal.rules.Months;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.rules.RulesTable;
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

    Column included =
        not(col(RulesTable.EXEMPT))
            .and(col(Cols.PASSIVE_CONVERSATIONS_PCT).isNotNull())
            .and(col(Cols.PASSIVE_OFFERS_PCT).isNotNull());
    Dataset<Row> averaged =
        RulesTable.join(all, col(Cols.MONTH), rules)
            .withColumn(INCLUDED, included)
            // each month's share belongs to the windows of this month and the 11 after it
            .withColumn(END_MONTH, explode(sequence(col(Cols.MONTH), add_months(col(Cols.MONTH), 11), expr("INTERVAL 1 MONTH"))))
            .filter(col(END_MONTH).between(lit(Months.date(from)), lit(Months.date(to))))
            .groupBy(col(END_MONTH).as(Cols.MONTH), col(Cols.MUNICIPALITY_CODE))
            .agg(
                avg(when(col(INCLUDED), col(Cols.PASSIVE_CONVERSATIONS_PCT))).as(Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M),
                avg(when(col(INCLUDED), col(Cols.PASSIVE_OFFERS_PCT))).as(Cols.AVG_PASSIVE_OFFERS_PCT_12M),
                count(when(col(INCLUDED), lit(1))).cast(DataTypes.IntegerType).as(Cols.MONTHS_IN_AVERAGE));

    // The goal is judged by the rules of the end month's year.
    Dataset<Row> judged = RulesTable.join(averaged, col(Cols.MONTH), rules);
    return ReferenceTables.withNames(judged, Cols.MUNICIPALITY_NAME)
        .select(
            col(Cols.MONTH),
            col(Cols.MUNICIPALITY_CODE),
            col(Cols.MUNICIPALITY_NAME),
            col(Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M),
            col(Cols.AVG_PASSIVE_OFFERS_PCT_12M),
            col(Cols.MONTHS_IN_AVERAGE),
            Goals.meets(col(Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M), col(RulesTable.CONVERSATION_THRESHOLD)).as(Cols.MEETS_CONVERSATION_GOAL),
            Goals.meets(col(Cols.AVG_PASSIVE_OFFERS_PCT_12M), col(RulesTable.OFFER_THRESHOLD)).as(Cols.MEETS_OFFER_GOAL));
  }
}
