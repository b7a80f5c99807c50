package dk.star.fokusmaal.gold;

import static dk.star.fokusmaal.contract.Cols.ALL;
import static dk.star.fokusmaal.contract.Cols.AVG_PASSIVE_CONVERSATIONS_PCT;
import static dk.star.fokusmaal.contract.Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M;
import static dk.star.fokusmaal.contract.Cols.AVG_PASSIVE_OFFERS_PCT;
import static dk.star.fokusmaal.contract.Cols.AVG_PASSIVE_OFFERS_PCT_12M;
import static dk.star.fokusmaal.contract.Cols.BENEFIT_GROUP;
import static dk.star.fokusmaal.contract.Cols.DIFFERENCE_PP;
import static dk.star.fokusmaal.contract.Cols.MEETS_CONVERSATION_GOAL;
import static dk.star.fokusmaal.contract.Cols.MEETS_OFFER_GOAL;
import static dk.star.fokusmaal.contract.Cols.MEETS_RESULT_GOAL;
import static dk.star.fokusmaal.contract.Cols.MONTH;
import static dk.star.fokusmaal.contract.Cols.MUNICIPALITY_CODE;
import static dk.star.fokusmaal.contract.Cols.MUNICIPALITY_NAME;
import static dk.star.fokusmaal.contract.Cols.PERIOD_END;
import static dk.star.fokusmaal.contract.Cols.PERIOD_START;
import static dk.star.fokusmaal.contract.Cols.RULE_VERSION;
import static dk.star.fokusmaal.contract.Cols.RUN_ID;
import static dk.star.fokusmaal.contract.Cols.SUPERVISION_STATUS;
import static dk.star.fokusmaal.contract.Cols.YEAR;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import dk.star.fokusmaal.contract.ReferenceTables;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Goals;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.rules.RulesTable;
import dk.star.fokusmaal.rules.SupervisionStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The yearly supervision decision (SPEC §7, §8.5): which municipalities come under skærpet tilsyn,
 * skærpet tilsyn light or justeret opfølgning on the basis of a measurement year, as decided each
 * April by the ministry (seed 001: Mariagerfjord and Odder under skærpet tilsyn light for 2022).
 */
public final class Supervision {
  private Supervision() {}

  private static final String SEV = "severity";
  private static final String ST = "status";

  /**
   * {@code gold.supervision_status}: per measurement year × municipality, whether it comes under
   * supervision by the rules of that year.
   *
   * <ul>
   *   <li>{@code meets_result_goal}, {@code difference_pp}: the resultatmål of the calendar-year
   *       benchmark period of the year (period_start = 1 January, period_end = 31 December),
   *       benefit group ALL. Half-year pairs are reported quarterly but never decide.
   *   <li>{@code avg_passive_conversations_pct}, {@code avg_passive_offers_pct}: the 12-month
   *       average passive shares at December of the year, i.e. over January–December with the
   *       exempt months left out.
   *   <li>{@code meets_conversation_goal}, {@code meets_offer_goal}: the average at or below the
   *       threshold of the year in {@code rules}. They are recomputed here rather than copied
   *       from {@code gold.focus_goal_12m}, so that the decision follows the rules it is given (a
   *       sensitivity run with another threshold) and agrees with {@code rule_version}.
   *   <li>{@code status}: NONE when the year does not decide ({@code supervision.decides =
   *       false}: 2019, 2020) or the resultatmål is met ("a municipality that meets the
   *       resultatmål is never under supervision"). Otherwise the most severe of
   *       {@code supervision.conversations_failed} (if the samtaler goal failed) and
   *       {@code supervision.offers_failed} (if the tilbud goal failed), NONE when neither
   *       failed. Severity: NONE &lt; JUSTERET_OPFOELGNING &lt; SKAERPET_TILSYN_LIGHT &lt;
   *       SKAERPET_TILSYN.
   * </ul>
   *
   * <p>Missing data (decisions where the spec is silent). Rows are the years and municipalities
   * present in either input (a December 12-month row or a calendar-year resultatmål). The status
   * is never guessed: it is null when it depends on something unknown, i.e. when the year decides
   * and either the resultatmål is unknown (no calendar-year benchmark row yet), or it failed and
   * a fokusmål whose average is missing (every month suppressed, December not built) could give a
   * more severe status than the goals that are known. A known failure that already gives the
   * most severe status possible decides on its own. A year outside the rules table (before 2000
   * or after 2100) has null status and rule_version.
   *
   * @param focus12m {@code gold.focus_goal_12m} (month, municipality_code,
   *     avg_passive_conversations_pct_12m, avg_passive_offers_pct_12m, …); the national row and
   *     months other than December are ignored
   * @param resultGoal {@code gold.result_goal}; only benefit group ALL of calendar-year periods
   *     is used
   * @param rules the rules by year; each year's row takes {@code rules.forYear(year)}
   */
  public static Dataset<Row> status(
      Dataset<Row> focus12m, Dataset<Row> resultGoal, Rules rules) {
    Dataset<Row> december =
        focus12m
            .filter(col(MUNICIPALITY_CODE).isNotNull().and(month(col(MONTH)).equalTo(12)))
            .select(
                year(col(MONTH)).as(YEAR),
                col(MUNICIPALITY_CODE),
                col(AVG_PASSIVE_CONVERSATIONS_PCT_12M).as(AVG_PASSIVE_CONVERSATIONS_PCT),
                col(AVG_PASSIVE_OFFERS_PCT_12M).as(AVG_PASSIVE_OFFERS_PCT));

    Column y = year(col(PERIOD_START));
    Dataset<Row> calendarYear =
        resultGoal
            .filter(
                col(BENEFIT_GROUP)
                    .equalTo(ALL)
                    .and(col(MUNICIPALITY_CODE).isNotNull())
                    .and(col(PERIOD_START).equalTo(make_date(y, lit(1), lit(1))))
                    .and(col(PERIOD_END).equalTo(make_date(y, lit(12), lit(31)))))
            .select(y.as(YEAR), col(MUNICIPALITY_CODE), col(MEETS_RESULT_GOAL), col(DIFFERENCE_PP));

    Dataset<Row> withRules =
        december
            .join(calendarYear, new String[] {YEAR, MUNICIPALITY_CODE}, "full_outer")
            .transform(df -> RulesTable.join(df, make_date(col(YEAR), lit(1), lit(1)), rules))
            .withColumn(
                MEETS_CONVERSATION_GOAL,
                Goals.meets(col(AVG_PASSIVE_CONVERSATIONS_PCT), col(RulesTable.CONVERSATION_THRESHOLD)))
            .withColumn(
                MEETS_OFFER_GOAL,
                Goals.meets(col(AVG_PASSIVE_OFFERS_PCT), col(RulesTable.OFFER_THRESHOLD)))
            .withColumn(RULE_VERSION, col(RulesTable.VERSION));

    // Candidates as (severity, status) structs so that greatest() picks the most severe one;
    // a goal that did not fail (or is unknown) gives null, which greatest() skips.
    Column none = candidate(lit(0), lit(SupervisionStatus.NONE.name()));
    Column byConversations =
        when(
            not(col(MEETS_CONVERSATION_GOAL)),
            candidate(col(RulesTable.SEVERITY_CONVERSATIONS_FAILED), col(RulesTable.STATUS_CONVERSATIONS_FAILED)));
    Column byOffers =
        when(
            not(col(MEETS_OFFER_GOAL)),
            candidate(col(RulesTable.SEVERITY_OFFERS_FAILED), col(RulesTable.STATUS_OFFERS_FAILED)));
    Column known = greatest(none, byConversations, byOffers);
    // The most severe status a goal with no average could still lead to.
    Column couldStillBe =
        greatest(
            lit(0),
            when(col(MEETS_CONVERSATION_GOAL).isNull(), col(RulesTable.SEVERITY_CONVERSATIONS_FAILED)),
            when(col(MEETS_OFFER_GOAL).isNull(), col(RulesTable.SEVERITY_OFFERS_FAILED)));
    Column unknown = lit(null).cast(DataTypes.StringType);

    Column status =
        when(col(RulesTable.DECIDES).isNull(), unknown)
            .when(not(col(RulesTable.DECIDES)), lit(SupervisionStatus.NONE.name()))
            .when(col(MEETS_RESULT_GOAL).isNull(), unknown)
            .when(col(MEETS_RESULT_GOAL), lit(SupervisionStatus.NONE.name()))
            .when(couldStillBe.gt(known.getField(SEV)), unknown)
            .otherwise(known.getField(ST));

    return ReferenceTables.withNames(withRules.withColumn(SUPERVISION_STATUS, status), MUNICIPALITY_NAME)
        .select(Tables.SUPERVISION.selectWithout(RUN_ID));
  }

  private static Column candidate(Column severity, Column status) {
    return struct(severity.as(SEV), status.as(ST));
  }
}
