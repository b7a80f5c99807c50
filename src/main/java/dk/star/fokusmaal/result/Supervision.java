package dk.star.fokusmaal.result;

import static dk.star.fokusmaal.result.ResultGoal.cols;
import static dk.star.fokusmaal.schema.Cols.ALL;
import static dk.star.fokusmaal.schema.Cols.AVG_PASSIVE_CONVERSATIONS_PCT;
import static dk.star.fokusmaal.schema.Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M;
import static dk.star.fokusmaal.schema.Cols.AVG_PASSIVE_OFFERS_PCT;
import static dk.star.fokusmaal.schema.Cols.AVG_PASSIVE_OFFERS_PCT_12M;
import static dk.star.fokusmaal.schema.Cols.BENEFIT_GROUP;
import static dk.star.fokusmaal.schema.Cols.DIFFERENCE_PP;
import static dk.star.fokusmaal.schema.Cols.MEETS_CONVERSATION_GOAL;
import static dk.star.fokusmaal.schema.Cols.MEETS_OFFER_GOAL;
import static dk.star.fokusmaal.schema.Cols.MEETS_RESULT_GOAL;
import static dk.star.fokusmaal.schema.Cols.MONTH;
import static dk.star.fokusmaal.schema.Cols.MUNICIPALITY_CODE;
import static dk.star.fokusmaal.schema.Cols.MUNICIPALITY_NAME;
import static dk.star.fokusmaal.schema.Cols.PERIOD_END;
import static dk.star.fokusmaal.schema.Cols.PERIOD_START;
import static dk.star.fokusmaal.schema.Cols.RULE_VERSION;
import static dk.star.fokusmaal.schema.Cols.RUN_ID;
import static dk.star.fokusmaal.schema.Cols.SUPERVISION_STATUS;
import static dk.star.fokusmaal.schema.Cols.YEAR;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import dk.star.fokusmaal.config.RuleSet;
import dk.star.fokusmaal.config.Rules;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** No consequence. */
  public static final String NONE = "NONE";
  /** Justeret opfølgning: the adjusted follow-up for the tilbud goal in 2021. */
  public static final String JUSTERET_OPFOELGNING = "JUSTERET_OPFOELGNING";
  /** Skærpet tilsyn light: action plan for the tilbud goal (2022–23). */
  public static final String SKAERPET_TILSYN_LIGHT = "SKAERPET_TILSYN_LIGHT";
  /** Skærpet tilsyn: sharpened supervision, possibly followed by administration. */
  public static final String SKAERPET_TILSYN = "SKAERPET_TILSYN";

  /** The statuses from least to most severe; the index is the severity. */
  public static final List<String> SEVERITY =
      List.of(NONE, JUSTERET_OPFOELGNING, SKAERPET_TILSYN_LIGHT, SKAERPET_TILSYN);

  /** The columns of {@code gold.supervision_status} in order ({@code run_id} added by the writer). */
  public static final List<String> COLUMNS =
      List.of(
          YEAR, MUNICIPALITY_CODE, MUNICIPALITY_NAME, MEETS_RESULT_GOAL, DIFFERENCE_PP,
          AVG_PASSIVE_CONVERSATIONS_PCT, AVG_PASSIVE_OFFERS_PCT, MEETS_CONVERSATION_GOAL,
          MEETS_OFFER_GOAL, SUPERVISION_STATUS, RULE_VERSION);

  /** Column comments of {@code gold.supervision_status}, every column including {@code run_id}. */
  public static final Map<String, String> COMMENTS = comments();

  private static final String SEV = "severity";
  private static final String ST = "status";

  /** The severity of a configured status; a typing error in the rules fails the job here. */
  static int severity(String status, RuleSet r) {
    int i = SEVERITY.indexOf(status);
    if (i < 0) {
      throw new IllegalArgumentException(
          "rules " + r.ruleVersion() + ": unknown supervision status '" + status + "', expected one of " + SEVERITY);
    }
    return i;
  }

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
   * @param municipalities the reference table (municipality_code, municipality_name, …)
   */
  public static Dataset<Row> status(
      Dataset<Row> focus12m, Dataset<Row> resultGoal, Rules rules, Dataset<Row> municipalities) {
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
            .join(broadcast(YearRules.table(focus12m.sparkSession(), rules)), new String[] {YEAR}, "left")
            .withColumn(
                MEETS_CONVERSATION_GOAL,
                YearRules.meetsConversationGoal(col(AVG_PASSIVE_CONVERSATIONS_PCT)))
            .withColumn(MEETS_OFFER_GOAL, YearRules.meetsOfferGoal(col(AVG_PASSIVE_OFFERS_PCT)));

    // Candidates as (severity, status) structs so that greatest() picks the most severe one;
    // a goal that did not fail (or is unknown) gives null, which greatest() skips.
    Column none = candidate(lit(0), lit(NONE));
    Column byConversations =
        when(
            not(col(MEETS_CONVERSATION_GOAL)),
            candidate(col(YearRules.SEVERITY_CONVERSATIONS_FAILED), col(YearRules.STATUS_CONVERSATIONS_FAILED)));
    Column byOffers =
        when(
            not(col(MEETS_OFFER_GOAL)),
            candidate(col(YearRules.SEVERITY_OFFERS_FAILED), col(YearRules.STATUS_OFFERS_FAILED)));
    Column known = greatest(none, byConversations, byOffers);
    // The most severe status a goal with no average could still lead to.
    Column couldStillBe =
        greatest(
            lit(0),
            when(col(MEETS_CONVERSATION_GOAL).isNull(), col(YearRules.SEVERITY_CONVERSATIONS_FAILED)),
            when(col(MEETS_OFFER_GOAL).isNull(), col(YearRules.SEVERITY_OFFERS_FAILED)));
    Column unknown = lit(null).cast(DataTypes.StringType);

    Column status =
        when(col(YearRules.DECIDES).isNull(), unknown)
            .when(not(col(YearRules.DECIDES)), lit(NONE))
            .when(col(MEETS_RESULT_GOAL).isNull(), unknown)
            .when(col(MEETS_RESULT_GOAL), lit(NONE))
            .when(couldStillBe.gt(known.getField(SEV)), unknown)
            .otherwise(known.getField(ST));

    return withRules
        .withColumn(SUPERVISION_STATUS, status)
        .join(municipalities.select(MUNICIPALITY_CODE, MUNICIPALITY_NAME), new String[] {MUNICIPALITY_CODE}, "left")
        .select(cols(COLUMNS));
  }

  private static Column candidate(Column severity, Column status) {
    return struct(severity.as(SEV), status.as(ST));
  }

  private static Map<String, String> comments() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(YEAR, "Measurement year whose results the decision (made the following April) is based on");
    m.put(MUNICIPALITY_CODE, "Municipality (kommune) code, 101 København to 860 Hjørring");
    m.put(MUNICIPALITY_NAME, "Official municipality name");
    m.put(MEETS_RESULT_GOAL, "Resultatmål met in the calendar-year benchmark period of the year, all benefit groups (gold.result_goal, benefit_group ALL); null when not available");
    m.put(DIFFERENCE_PP, "Actual minus expected share of residents 16-66 on support in that period, percentage points (positive = more than expected)");
    m.put(AVG_PASSIVE_CONVERSATIONS_PCT, "Average monthly share (0-100) of citizens with 12 months' seniority who had fewer than 4 held conversations in 12 months, January-December, exempt months left out");
    m.put(AVG_PASSIVE_OFFERS_PCT, "Average monthly share (0-100) of citizens with 12 months' seniority with no active offer and too few ordinary hours in 12 months, January-December, exempt months left out");
    m.put(MEETS_CONVERSATION_GOAL, "Samtaler fokusmål met: average at or below the year's threshold (20 %); null without an average");
    m.put(MEETS_OFFER_GOAL, "Tilbud fokusmål met: average at or below the year's threshold (20 %, 30 % from 2024); null without an average");
    m.put(SUPERVISION_STATUS, "Consequence by the rules of the year: NONE, JUSTERET_OPFOELGNING, SKAERPET_TILSYN_LIGHT or SKAERPET_TILSYN; NONE when the resultatmål is met or the year does not decide; null when it depends on missing data");
    m.put(RULE_VERSION, "Version of the rules of the year that decided (conf/rules)");
    m.put(RUN_ID, "The run that wrote the row (meta.run_log)");
    return Collections.unmodifiableMap(m);
  }
}
