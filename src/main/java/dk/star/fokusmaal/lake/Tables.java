package dk.star.fokusmaal.lake;

import static dk.star.fokusmaal.contract.Cols.*;

import dk.star.fokusmaal.rules.Rules;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Every table the jobs write (SPEC §3, §8), in one place: zone, name, partitioning, columns in
 * order and what each column means in the domain's words. Comments that name a rule value
 * (fewer than 4 conversations, 225 hours, the 20 % threshold) are built from the rules in force,
 * so a sensitivity run's tables describe the rules they were computed under.
 */
public final class Tables {
  private Tables() {}

  // Comment texts several tables share.
  private static final String RUN = "The run that wrote the row (meta.run_log)",
      CODE = "Municipality (kommune) code, 101 København … 860 Hjørring",
      NAME = "Official municipality name (reference/kommuner.csv)",
      SENIOR = "citizens with 12 months' benefit seniority";

  private static Function<Rules, String> passiveConversations(String prefix, String suffix) {
    return r -> prefix + "fewer than " + r.describe("conversations.min_count") + " held conversations" + suffix;
  }

  private static Function<Rules, String> passiveOffers(String prefix, String suffix) {
    return r -> prefix + "neither an active offer nor " + r.describe("offers.min_hours") + " ordinary hours" + suffix;
  }

  private static Function<Rules, String> meets(String goal, String key, String tail) {
    return r -> goal + " fokusmål met: the average at or below the year's threshold (" + r.describe(key) + " %)" + tail;
  }

  private static String covid(Rules r) {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT);
    return String.join(", ", r.covidPeriods().stream().map(p -> f.format(p.start()) + "-" + f.format(p.end())).toList());
  }

  // ---- silver (person-level; never served to BI clients) -----------------------------------

  public static final TableSpec BENEFIT_PERIODS =
      new TableSpec.Builder(Lake.SILVER, "benefit_periods", null)
          .col(PERSON_ID, "Pseudonymised person")
          .col(SOURCE, "Register the period comes from: fleur, kmd_sygedagpenge or municipal_benefits")
          .col(BENEFIT_CODE, "Benefit (ydelse) of the period, SPEC §6.1; in-scope benefits only")
          .col(BENEFIT_GROUP, "Benefit group (ydelsesgruppe) of the benefit")
          .col(MUNICIPALITY_CODE, "Municipality paying (or, for fleur, of residence)")
          .col(START_DATE, "First day of the period")
          .col(END_DATE, "Last day of the period; null while open (in force through the last day of the last month built)")
          .col(UNEMPLOYMENT_HOURS, "fleur: paid hours of unemployment in the period; null for the other registers")
          .col(IN_INTEGRATION_PROGRAMME, "Overgangsydelse inside the integration programme (then not in the population)")
          .col(SPELL_ID, "The benefit spell (ydelsesforløb) the period belongs to: periods of one benefit without a whole calendar month between them")
          .col(SPELL_START, "First day of the spell, from which seniority counts")
          .col(RUN_ID, RUN)
          .build();

  public static final TableSpec POPULATION_MONTH =
      new TableSpec.Builder(Lake.SILVER, "population_month", MONTH)
          .col(PERSON_ID, "Pseudonymised person in the fokusmål population of the month (SPEC §5.1): a qualifying spell with 12 months' seniority on d")
          .col(MONTH, "Month (first day)")
          .col(BENEFIT_CODE, "Benefit of the qualifying spell's period in force on d")
          .col(BENEFIT_GROUP, "Benefit group of that benefit")
          .col(MUNICIPALITY_CODE, "Municipality the person counts in this month")
          .col(SPELL_ID, "The qualifying spell")
          .col(SPELL_START, "First day of the qualifying spell")
          .col(DAY_D, "d: the last day of the month on which the spell is in force")
          .col(RUN_ID, RUN)
          .build();

  public static final TableSpec ACTIVITY_MONTH =
      new TableSpec.Builder(Lake.SILVER, "activity_month", MONTH)
          .col(PERSON_ID, "Pseudonymised person (persons with an in-scope benefit period only)")
          .col(MONTH, "Calendar month (first day)")
          .col(CONVERSATION_DAYS, "Per conversation type, the days of the month with a held conversation, as a bit mask (bit 0 = day 1)")
          .col(OFFER_KINDS, "OFFER_TYPE/STATUS of every offer in force on some day of the month")
          .col(ORDINARY_HOURS, "Ordinary (unsubsidised) paid hours of the month, pay periods prorated by days")
          .col(RUN_ID, RUN)
          .build();

  public static final TableSpec PERSON_MONTH =
      new TableSpec.Builder(Lake.SILVER, "person_month", MONTH)
          .col(PERSON_ID, "Pseudonymised person in the fokusmål population of the month")
          .col(MONTH, "Measurement month (first day)")
          .col(BENEFIT_CODE, "Benefit of the qualifying spell's period in force on the last day in force")
          .col(BENEFIT_GROUP, "Benefit group of that benefit")
          .col(MUNICIPALITY_CODE, "Municipality the person counts in this month")
          .col(SPELL_ID, "The qualifying spell")
          .col(SPELL_START, "First day of the qualifying spell")
          .col(DAY_D, "d: the last day of the month on which the spell is in force")
          .col(CONVERSATIONS_12M, "Held conversations on distinct days in the 12-month window")
          .col(HAS_OFFER_12M, "An active offer overlapping the 12-month window by at least a day")
          .col(ORDINARY_HOURS_12M, "Ordinary (unsubsidised) paid hours in the window, prorated by days, rounded to 2 decimals")
          .col(PASSIVE_CONVERSATIONS_FLAG, passiveConversations("Passive for conversations: ", " in the window"))
          .col(PASSIVE_OFFERS_FLAG, passiveOffers("Passive for offers: ", " in the window"))
          .col(RUN_ID, RUN)
          .build();

  // ---- gold (for BI) --------------------------------------------------------------------------

  private static TableSpec.Builder shares(TableSpec.Builder b) {
    return b.col(BREAKDOWN, "What breakdown_value splits the population by: ALL, BENEFIT_GROUP or BENEFIT")
        .col(BREAKDOWN_VALUE, "ALL, or the benefit group or benefit code of the cell")
        .col(POPULATION, "Persons in the fokusmål population: " + SENIOR + " in the month")
        .col(PASSIVE_CONVERSATIONS, passiveConversations("Persons with ", " in the 12-month window (null when suppressed)"))
        .col(PASSIVE_CONVERSATIONS_PCT, "Passive share for conversations (samtaler), percent 0-100, unrounded (null when suppressed)")
        .col(PASSIVE_OFFERS, passiveOffers("Persons with ", " in the 12-month window (null when suppressed)"))
        .col(PASSIVE_OFFERS_PCT, "Passive share for offers (tilbud), percent 0-100, unrounded (null when suppressed)")
        .col(SUPPRESSED, r -> "True when the counts and shares are hidden: the population is 1 to " + r.describe("suppression.min_population")
            + " minus 1 persons, or the cell would give back another hidden cell of the month by subtraction (secondary suppression)")
        .col(COVID_FLAG, r -> "True when the 12-month window overlaps a COVID-19 period (" + covid(r) + ")")
        .col(RUN_ID, RUN);
  }

  public static final TableSpec FOCUS_GOAL_MONTHLY =
      shares(
              new TableSpec.Builder(Lake.GOLD, "focus_goal_monthly", MONTH)
                  .col(MONTH, "Measurement month (first day); its window is this month and the 11 before it")
                  .col(MUNICIPALITY_CODE, CODE)
                  .col(MUNICIPALITY_NAME, NAME)
                  .col(REGION_NAME, "Region of the municipality"))
          .build();

  public static final TableSpec FOCUS_GOAL_NATIONAL_MONTHLY =
      shares(
              new TableSpec.Builder(Lake.GOLD, "focus_goal_national_monthly", MONTH)
                  .col(MONTH, "Measurement month (first day); its window is this month and the 11 before it; all persons pooled nationally, each counted once"))
          .build();

  public static final TableSpec FOCUS_GOAL_12M =
      new TableSpec.Builder(Lake.GOLD, "focus_goal_12m", MONTH)
          .col(MONTH, "End month (first day) of the 12 months averaged")
          .col(MUNICIPALITY_CODE, CODE + "; null on the national row")
          .col(MUNICIPALITY_NAME, NAME + "; null on the national row")
          .col(AVG_PASSIVE_CONVERSATIONS_PCT_12M, "Unweighted mean of the monthly passive shares for conversations of the 12 months ending with month, exempt and suppressed months left out")
          .col(AVG_PASSIVE_OFFERS_PCT_12M, "Unweighted mean of the monthly passive shares for offers of the 12 months ending with month, exempt and suppressed months left out")
          .col(MONTHS_IN_AVERAGE, "Months with a share that entered the average")
          .col(MEETS_CONVERSATION_GOAL, meets("Samtaler", "conversations.threshold_pct", "; null without an average"))
          .col(MEETS_OFFER_GOAL, meets("Tilbud", "offers.threshold_pct", "; null without an average"))
          .col(RUN_ID, RUN)
          .build();

  public static final TableSpec RESULT_GOAL =
      new TableSpec.Builder(Lake.GOLD, "result_goal", PERIOD_END)
          .col(PERIOD_START, "First day of the benchmark period (a calendar year, or a half-year pair such as 2020-07-01 to 2021-06-30)")
          .col(PERIOD_END, "Last day of the benchmark period, inclusive")
          .col(MUNICIPALITY_CODE, CODE)
          .col(MUNICIPALITY_NAME, NAME)
          .col(BENEFIT_GROUP, "Benefit group (ydelsesgruppe): A_DAGPENGE_MV, SYGEDAGPENGE_MV, KONTANTHJAELP_MV, or ALL for their sum")
          .col(EXPECTED_FTE, "Expected full-time persons on public support (forventede fuldtidspersoner) by the ministry's benchmark model, given the municipality's conditions")
          .col(ACTUAL_FTE, "Actual full-time persons on support (faktiske fuldtidspersoner) from the registers: persons weighted by the share of the period they received an in-scope benefit; 0 when nobody did")
          .col(DIFFERENCE_FTE, "actual_fte - expected_fte: positive means more full-time persons on support than expected")
          .col(POPULATION_16_66, "Residents aged 16-66 in the year the period ends in; null when not delivered")
          .col(EXPECTED_PCT, "expected_fte in percent of population_16_66 (0-100, unrounded); null without population")
          .col(ACTUAL_PCT, "actual_fte in percent of population_16_66 (0-100, unrounded); null without population")
          .col(DIFFERENCE_PP, "actual_pct - expected_pct in percentage points: positive means the resultatmål is failed")
          .col(RANK, "Rank 1-98 within period and benefit group, ascending by difference_pp (1 = furthest below expected); ties share the lowest rank; null when the shares are null")
          .col(MEETS_RESULT_GOAL, "Resultatmål met: actual_pct <= expected_pct (equal is met); without population decided on actual_fte <= expected_fte, the same comparison")
          .col(RUN_ID, RUN)
          .build();

  public static final TableSpec SUPERVISION =
      new TableSpec.Builder(Lake.GOLD, "supervision_status", YEAR)
          .col(YEAR, "Measurement year whose results the decision (made the following April) is based on")
          .col(MUNICIPALITY_CODE, CODE)
          .col(MUNICIPALITY_NAME, NAME)
          .col(MEETS_RESULT_GOAL, "Resultatmål met in the calendar-year benchmark period of the year, all benefit groups (gold.result_goal, benefit_group ALL); null when not available")
          .col(DIFFERENCE_PP, "Actual minus expected share of residents 16-66 on support in that period, percentage points (positive = more than expected)")
          .col(AVG_PASSIVE_CONVERSATIONS_PCT, passiveConversations("Average monthly share (0-100) of " + SENIOR + " with ", " in 12 months, January-December, exempt months left out"))
          .col(AVG_PASSIVE_OFFERS_PCT, passiveOffers("Average monthly share (0-100) of " + SENIOR + " with ", " in 12 months, January-December, exempt months left out"))
          .col(MEETS_CONVERSATION_GOAL, meets("Samtaler", "conversations.threshold_pct", "; null without an average"))
          .col(MEETS_OFFER_GOAL, meets("Tilbud", "offers.threshold_pct", "; null without an average"))
          .col(SUPERVISION_STATUS, "Consequence by the rules of the year: NONE, JUSTERET_OPFOELGNING, SKAERPET_TILSYN_LIGHT or SKAERPET_TILSYN; NONE when the resultatmål is met or the year does not decide; null when it depends on missing data")
          .col(RULE_VERSION, "Version of the rules of the year that decided (conf/rules)")
          .col(RUN_ID, RUN)
          .build();

  public static final TableSpec QUARTERLY_REPORT =
      new TableSpec.Builder(Lake.GOLD, "quarterly_report", MONTH)
          .col(MONTH, "Quarter-end month (March, June, September, December; first day of the month) that the rolling 12-month figures end with")
          .col(MUNICIPALITY_CODE, CODE)
          .col(MUNICIPALITY_NAME, NAME)
          .col(AVG_PASSIVE_CONVERSATIONS_PCT_12M, passiveConversations("Average monthly share (0-100) over the 12 months ending with the month of " + SENIOR + " with ", ", exempt months left out"))
          .col(AVG_PASSIVE_OFFERS_PCT_12M, passiveOffers("Average monthly share (0-100) over the 12 months ending with the month of " + SENIOR + " with ", ", exempt months left out"))
          .col(MEETS_CONVERSATION_GOAL, meets("Samtaler", "conversations.threshold_pct", " of the month's year, on the rolling average; null without an average"))
          .col(MEETS_OFFER_GOAL, meets("Tilbud", "offers.threshold_pct", " of the month's year, on the rolling average; null without an average"))
          .col(MEETS_RESULT_GOAL, "Resultatmål met in the latest benchmark period ended by the month, all benefit groups; null when none has ended")
          .col(AT_RISK, "At risk of supervision: resultatmål failed and a fokusmål with a consequence that year (binding or light, not follow-up only) failed, in a year that decides; null when it depends on missing data")
          .col(RUN_ID, RUN)
          .build();

  // ---- restricted (person-level, for the job centres only; own root, never in a catalog) ------

  public static final TableSpec FOLLOWUP_PERSONS =
      new TableSpec.Builder(Lake.RESTRICTED, "followup_persons", MONTH)
          .col(MONTH, "Month of the list (first day): activity is known through its last day; the list looks at the next 3 month-ends, assuming nothing new happens")
          .col(MUNICIPALITY_CODE, "Municipality (job centre) the citizen counts in this month; a job centre gets its own rows only")
          .col(PRIORITY, "Order to work the list in, 1 first, per month and municipality: passive now first, then by the earliest due date (next_due), then person")
          .col(PERSON_ID, "Pseudonymised person (restricted: never in gold, never served to BI)")
          .col(BENEFIT_CODE, "Benefit (ydelse) of the spell that puts, or will put, the citizen in the fokusmål population")
          .col(BENEFIT_GROUP, "Benefit group (ydelsesgruppe) of that benefit")
          .col(IN_POPULATION, "True when the citizen is in the fokusmål population of the month; false when the spell reaches 12 months' seniority within the next 3 months")
          .col(COUNTS_FROM, "First month (first day) the citizen counts in the fokusmål population: the month itself, or the month 12 months' seniority is expected (fleur: assuming full-time unemployment from now)")
          .col(SENIORITY_MONTHS, "Benefit seniority at the last day in force in the month, in months: calendar months since the spell started (fleur: accumulated paid unemployment hours / hours of a full-time month)")
          .col(PASSIVE_CONVERSATIONS_FLAG, passiveConversations("Passive for conversations now (counts in this month's share): ", " in the window"))
          .col(PASSIVE_OFFERS_FLAG, passiveOffers("Passive for offers now (counts in this month's share): ", " in the window"))
          .col(CONVERSATIONS_12M, "Held conversations on distinct days in the 12-month window of the month (counted types)")
          .col(CONVERSATIONS_NEEDED_1, r -> "New conversations to hold by the end of next month (last day) so as not to be passive for conversations then (" + r.describe("conversations.min_count") + " needed in the window); null when the citizen does not count yet")
          .col(CONVERSATIONS_NEEDED_2, "New conversations to hold, in all, by the end of the second month ahead so as not to be passive for conversations then (includes those of next month); null when the citizen does not count yet")
          .col(CONVERSATIONS_NEEDED_3, "New conversations to hold, in all, by the end of the third month ahead so as not to be passive for conversations then; null when the citizen does not count yet")
          .col(CONVERSATION_DUE_DATES, "One date per missing conversation, earliest first: the latest day by which it must be held (the last day of the first month-end that needs it); empty when none is missing")
          .col(HAS_OFFER_12M, "A counted offer overlaps the 12-month window of the month")
          .col(OFFER_DROPS_OUT, "First day of the first month whose 12-month window no longer holds the latest counted offer (the person is then passive for offers unless a new offer or enough hours come); null without an offer in the window")
          .col(ORDINARY_HOURS_12M, "Ordinary (unsubsidised) paid hours in the window of the month, prorated by days, rounded to 2 decimals")
          .col(HOURS_BELOW_THRESHOLD_FROM, r -> "First day of the first month whose window, without new pay, holds fewer ordinary hours than " + r.describe("offers.min_hours") + " (then passive for offers unless an offer counts); null when the hours are already below it")
          .col(OFFER_DUE, "Latest day by which a new offer must be in force (or enough hours worked) so as not to be passive for offers: the last day of the first of the next 3 month-ends at which the citizen would be; null when not at risk")
          .col(NEXT_DUE, "The earliest due date: the first missing conversation's or the offer's, whichever comes first")
          .col(RUN_ID, RUN)
          .build();

  // ---- meta -----------------------------------------------------------------------------------

  public static final TableSpec RUN_LOG =
      new TableSpec.Builder(Lake.META, "run_log", null)
          .col(RUN_ID, "Id of the run: start time (UTC), job and a random suffix")
          .col(JOB, "The job: ingest, build, …")
          .col(PARAMETERS, "The run's parameters (months, rules folder, overrides, …)")
          .col(RULE_VERSION, "Rule versions of the months built, joined by +")
          .col(INPUT_VERSIONS, "Delta version of every table the run read")
          .col(OUTPUT_VERSIONS, "Delta version of every table the run wrote")
          .col(ROW_COUNTS, "Rows written per table (and read per landing source)")
          .col(STARTED_AT, "When the run started")
          .col(ENDED_AT, "When the run ended")
          .col(STATUS, "SUCCEEDED or FAILED")
          .col(ERROR, "Why a failed run failed (one line)")
          .build();

  public static final TableSpec INGESTED_FILES =
      new TableSpec.Builder(Lake.META, "ingested_files", null)
          .col(SOURCE, "Landing source (folder under landing/, table name in bronze and quarantine)")
          .col(FILE_PATH, "Full path of the landing file, as in _source_file of bronze and quarantine")
          .col(FILE_SIZE, "File size in bytes when it was ingested")
          .col(FILE_MODIFIED_AT, "File modification time when it was ingested")
          .col(RUN_ID, "The ingest run that read the file (meta.run_log)")
          .col(ROWS_BRONZE, "Rows of the file that passed validation (in bronze)")
          .col(ROWS_QUARANTINE, "Rows of the file that broke the contract (in quarantine)")
          .col(FILE_INGESTED_AT, "When the run ingested the file (= _ingested_at of its rows)")
          .build();

  public static final TableSpec DQ_RESULTS =
      new TableSpec.Builder(Lake.META, "dq_results", null)
          .col(RUN_ID, "The ingest run (meta.run_log)")
          .col(SOURCE, "Landing source")
          .col(DQ_RULE, "A quarantine rule (as in _rule), or the totals ROWS_IN_FOOTER, ROWS_READ, ROWS_BRONZE, ROWS_QUARANTINE, CORRECTION_TIES")
          .col(ROWS, "Rows of the files the run ingested that fall under the rule")
          .build();

  /** The tables a build writes, in the order it writes them. */
  public static final List<TableSpec> BUILD_OUTPUTS =
      List.of(BENEFIT_PERIODS, POPULATION_MONTH, ACTIVITY_MONTH, PERSON_MONTH, FOCUS_GOAL_MONTHLY, FOCUS_GOAL_NATIONAL_MONTHLY,
          FOCUS_GOAL_12M, RESULT_GOAL, SUPERVISION, QUARTERLY_REPORT, FOLLOWUP_PERSONS);
}
