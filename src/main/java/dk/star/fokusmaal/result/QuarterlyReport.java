package dk.star.fokusmaal.result;

import static dk.star.fokusmaal.result.ResultGoal.cols;
import static dk.star.fokusmaal.schema.Cols.ALL;
import static dk.star.fokusmaal.schema.Cols.AT_RISK;
import static dk.star.fokusmaal.schema.Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M;
import static dk.star.fokusmaal.schema.Cols.AVG_PASSIVE_OFFERS_PCT_12M;
import static dk.star.fokusmaal.schema.Cols.BENEFIT_GROUP;
import static dk.star.fokusmaal.schema.Cols.MEETS_CONVERSATION_GOAL;
import static dk.star.fokusmaal.schema.Cols.MEETS_OFFER_GOAL;
import static dk.star.fokusmaal.schema.Cols.MEETS_RESULT_GOAL;
import static dk.star.fokusmaal.schema.Cols.MONTH;
import static dk.star.fokusmaal.schema.Cols.MUNICIPALITY_CODE;
import static dk.star.fokusmaal.schema.Cols.MUNICIPALITY_NAME;
import static dk.star.fokusmaal.schema.Cols.PERIOD_END;
import static dk.star.fokusmaal.schema.Cols.PERIOD_START;
import static dk.star.fokusmaal.schema.Cols.RUN_ID;
import static dk.star.fokusmaal.schema.Cols.YEAR;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.year;

import dk.star.fokusmaal.config.Rules;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The quarterly report to parliament (SPEC §8.6): the minister's letter (seed 004, 1 September
 * 2021, data July 2020 – June 2021) lists which municipalities fail which fokusmål on the rolling
 * 12-month average, and which of them also fail the resultatmål and so are "i risiko for at komme
 * i skærpet tilsyn".
 */
public final class QuarterlyReport {
  private QuarterlyReport() {}

  /** The columns of {@code gold.quarterly_report} in order ({@code run_id} added by the writer). */
  public static final List<String> COLUMNS =
      List.of(
          MONTH, MUNICIPALITY_CODE, MUNICIPALITY_NAME, AVG_PASSIVE_CONVERSATIONS_PCT_12M,
          AVG_PASSIVE_OFFERS_PCT_12M, MEETS_CONVERSATION_GOAL, MEETS_OFFER_GOAL, MEETS_RESULT_GOAL,
          AT_RISK);

  /** Column comments of {@code gold.quarterly_report}, every column including {@code run_id}. */
  public static final Map<String, String> COMMENTS = comments();

  private static final String RG_MUNICIPALITY = "_rg_municipality_code";
  private static final String LATEST = "_latest";

  /**
   * {@code gold.quarterly_report}: per quarter-end month (March, June, September, December) ×
   * municipality, the rolling 12-month averages, the goals, and whether the municipality is at
   * risk of a consequence.
   *
   * <ul>
   *   <li>{@code avg_passive_*_pct_12m}: the 12-month averages ending with the month, as in
   *       {@code gold.focus_goal_12m}.
   *   <li>{@code meets_conversation_goal}, {@code meets_offer_goal}: the average at or below the
   *       threshold of the month's year in {@code rules} (recomputed, so that a run with other
   *       rules is consistent; with the same rules they equal focus_goal_12m's).
   *   <li>{@code meets_result_goal}: benefit group ALL of the latest benchmark period whose
   *       period_end is on or before the last day of the month (June 2021 uses the half-year
   *       pair 2020-07-01 … 2021-06-30, as the 2021 letter did); on a tie of period_end, the
   *       period that started last.
   *   <li>{@code at_risk}: the resultatmål failed and a <em>binding</em> fokusmål failed on the
   *       rolling average, in a year whose results lead to a decision. Binding means the goal
   *       has a consequence that year: BINDING or LIGHT (2022–23: skærpet tilsyn light), not
   *       FOLLOW_UP_ONLY. The 2021 letter names as at risk the five municipalities failing
   *       samtaler and the resultatmål; the sixteen failing tilbud and the resultatmål, tilbud
   *       being follow-up only in 2021, are contacted by the labour-market offices but not
   *       called at risk. In 2019–2020 ({@code supervision.decides = false}) nobody is at risk.
   * </ul>
   *
   * <p>Null cases: SQL's three-valued logic is kept on purpose. {@code meets_result_goal} is
   * null when no benchmark period has ended by the month; a {@code meets_*_goal} is null when the
   * average is null (no share in any month of the window). {@code at_risk} is then true or false
   * whenever the known facts settle it (a met resultatmål, or no binding goal failed and none
   * unknown, gives false; a failed resultatmål and a failed binding goal give true), and null
   * only when the answer depends on the missing figure. A month outside the rules table (before
   * 2000 or after 2100) has null goals and at_risk.
   *
   * @param focus12m {@code gold.focus_goal_12m}; the national row and other months are ignored
   * @param resultGoal {@code gold.result_goal}; only benefit group ALL is used
   * @param rules the rules by year; the month's year decides thresholds and binding goals
   * @param municipalities the reference table (municipality_code, municipality_name, …)
   */
  public static Dataset<Row> report(
      Dataset<Row> focus12m, Dataset<Row> resultGoal, Rules rules, Dataset<Row> municipalities) {
    Dataset<Row> quarters =
        focus12m
            .filter(
                col(MUNICIPALITY_CODE).isNotNull()
                    .and(month(col(MONTH)).isin(3, 6, 9, 12)))
            .select(MONTH, MUNICIPALITY_CODE, AVG_PASSIVE_CONVERSATIONS_PCT_12M, AVG_PASSIVE_OFFERS_PCT_12M);

    Dataset<Row> resultAll =
        resultGoal
            .filter(col(BENEFIT_GROUP).equalTo(ALL))
            .select(
                col(MUNICIPALITY_CODE).as(RG_MUNICIPALITY),
                col(PERIOD_START),
                col(PERIOD_END),
                col(MEETS_RESULT_GOAL));

    // Every period ended by the month, then keep the latest; a month with none keeps one row
    // with a null resultatmål (left join).
    Dataset<Row> withResult =
        quarters
            .join(
                resultAll,
                col(MUNICIPALITY_CODE)
                    .equalTo(col(RG_MUNICIPALITY))
                    .and(col(PERIOD_END).leq(last_day(col(MONTH)))),
                "left")
            .withColumn(
                LATEST,
                row_number()
                    .over(
                        Window.partitionBy(MONTH, MUNICIPALITY_CODE)
                            .orderBy(col(PERIOD_END).desc_nulls_last(), col(PERIOD_START).desc_nulls_last())))
            .filter(col(LATEST).equalTo(1));

    Dataset<Row> withRules =
        withResult
            .withColumn(YEAR, year(col(MONTH)))
            .join(broadcast(YearRules.table(focus12m.sparkSession(), rules)), new String[] {YEAR}, "left")
            .withColumn(
                MEETS_CONVERSATION_GOAL,
                YearRules.meetsConversationGoal(col(AVG_PASSIVE_CONVERSATIONS_PCT_12M)))
            .withColumn(MEETS_OFFER_GOAL, YearRules.meetsOfferGoal(col(AVG_PASSIVE_OFFERS_PCT_12M)));

    Column bindingFailed =
        col(YearRules.CONVERSATION_BINDING)
            .and(not(col(MEETS_CONVERSATION_GOAL)))
            .or(col(YearRules.OFFER_BINDING).and(not(col(MEETS_OFFER_GOAL))));
    Column atRisk = col(YearRules.DECIDES).and(not(col(MEETS_RESULT_GOAL))).and(bindingFailed);

    return withRules
        .withColumn(AT_RISK, atRisk)
        .join(municipalities.select(MUNICIPALITY_CODE, MUNICIPALITY_NAME), new String[] {MUNICIPALITY_CODE}, "left")
        .select(cols(COLUMNS));
  }

  private static Map<String, String> comments() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(MONTH, "Quarter-end month (March, June, September, December; first day of the month) that the rolling 12-month figures end with");
    m.put(MUNICIPALITY_CODE, "Municipality (kommune) code, 101 København to 860 Hjørring");
    m.put(MUNICIPALITY_NAME, "Official municipality name");
    m.put(AVG_PASSIVE_CONVERSATIONS_PCT_12M, "Average monthly share (0-100) over the 12 months ending with the month of citizens with 12 months' seniority who had fewer than 4 held conversations, exempt months left out");
    m.put(AVG_PASSIVE_OFFERS_PCT_12M, "Average monthly share (0-100) over the 12 months ending with the month of citizens with 12 months' seniority with no active offer and too few ordinary hours, exempt months left out");
    m.put(MEETS_CONVERSATION_GOAL, "Samtaler fokusmål met on the rolling average: at or below the threshold of the month's year; null without an average");
    m.put(MEETS_OFFER_GOAL, "Tilbud fokusmål met on the rolling average: at or below the threshold of the month's year; null without an average");
    m.put(MEETS_RESULT_GOAL, "Resultatmål met in the latest benchmark period ended by the month, all benefit groups; null when none has ended");
    m.put(AT_RISK, "At risk of supervision: resultatmål failed and a fokusmål with a consequence that year (binding or light, not follow-up only) failed, in a year that decides; null when it depends on missing data");
    m.put(RUN_ID, "The run that wrote the row (meta.run_log)");
    return Collections.unmodifiableMap(m);
  }
}
