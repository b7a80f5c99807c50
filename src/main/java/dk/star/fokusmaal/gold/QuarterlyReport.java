package dk.star.fokusmaal.gold;

import static dk.star.fokusmaal.contract.Cols.ALL;
import static dk.star.fokusmaal.contract.Cols.AT_RISK;
import static dk.star.fokusmaal.contract.Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M;
import static dk.star.fokusmaal.contract.Cols.AVG_PASSIVE_OFFERS_PCT_12M;
import static dk.star.fokusmaal.contract.Cols.BENEFIT_GROUP;
import static dk.star.fokusmaal.contract.Cols.MEETS_CONVERSATION_GOAL;
import static dk.star.fokusmaal.contract.Cols.MEETS_OFFER_GOAL;
import static dk.star.fokusmaal.contract.Cols.MEETS_RESULT_GOAL;
import static dk.star.fokusmaal.contract.Cols.MONTH;
import static dk.star.fokusmaal.contract.Cols.MUNICIPALITY_CODE;
import static dk.star.fokusmaal.contract.Cols.MUNICIPALITY_NAME;
import static dk.star.fokusmaal.contract.Cols.PERIOD_END;
import static dk.star.fokusmaal.contract.Cols.PERIOD_START;
import static dk.star.fokusmaal.contract.Cols.RUN_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;

import dk.star.fokusmaal.contract.ReferenceTables;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Goals;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.rules.RulesTable;
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
   */
  public static Dataset<Row> report(
      Dataset<Row> focus12m, Dataset<Row> resultGoal, Rules rules) {
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
            .transform(df -> RulesTable.join(df, col(MONTH), rules))
            .withColumn(
                MEETS_CONVERSATION_GOAL,
                Goals.meets(col(AVG_PASSIVE_CONVERSATIONS_PCT_12M), col(RulesTable.CONVERSATION_THRESHOLD)))
            .withColumn(
                MEETS_OFFER_GOAL,
                Goals.meets(col(AVG_PASSIVE_OFFERS_PCT_12M), col(RulesTable.OFFER_THRESHOLD)));

    Column bindingFailed =
        col(RulesTable.CONVERSATION_BINDING)
            .and(not(col(MEETS_CONVERSATION_GOAL)))
            .or(col(RulesTable.OFFER_BINDING).and(not(col(MEETS_OFFER_GOAL))));
    Column atRisk = col(RulesTable.DECIDES).and(not(col(MEETS_RESULT_GOAL))).and(bindingFailed);

    return ReferenceTables.withNames(withRules.withColumn(AT_RISK, atRisk), MUNICIPALITY_NAME)
        .select(Tables.QUARTERLY_REPORT.selectWithout(RUN_ID));
  }
}
