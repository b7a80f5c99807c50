package dk.star.fokusmaal.contract;

/** Every column name the project reads or writes, in one place (SPEC §4 and §8, and the silver and meta tables). */
public final class Cols {
  private Cols() {}

  // Landing / bronze (SPEC §4)
  public static final String PERSON_ID = "person_id";
  public static final String MUNICIPALITY_CODE = "municipality_code";
  public static final String BENEFIT_CODE = "benefit_code";
  public static final String PERIOD_START = "period_start";
  public static final String PERIOD_END = "period_end";
  public static final String UNEMPLOYMENT_HOURS = "unemployment_hours";
  public static final String REPORTED_AT = "reported_at";
  public static final String CASE_ID = "case_id";
  public static final String FIRST_ABSENCE_DATE = "first_absence_date";
  public static final String START_DATE = "start_date";
  public static final String END_DATE = "end_date";
  public static final String PARTIAL = "partial";
  public static final String PERIOD_ID = "period_id";
  public static final String READINESS = "readiness";
  public static final String IN_INTEGRATION_PROGRAMME = "in_integration_programme";
  public static final String CONVERSATION_ID = "conversation_id";
  public static final String CONVERSATION_DATE = "conversation_date";
  public static final String CONVERSATION_TYPE = "conversation_type";
  public static final String CHANNEL = "channel";
  public static final String STATUS = "status";
  public static final String OFFER_ID = "offer_id";
  public static final String OFFER_TYPE = "offer_type";
  public static final String EMPLOYER_ID = "employer_id";
  public static final String PAID_HOURS = "paid_hours";
  public static final String EMPLOYMENT_TYPE = "employment_type";
  public static final String BENEFIT_GROUP = "benefit_group";
  public static final String EXPECTED_FTE = "expected_fte";
  public static final String YEAR = "year";
  public static final String POPULATION_16_66 = "population_16_66";

  // Lineage (bronze and quarantine)
  public static final String SOURCE_FILE = "_source_file";
  public static final String INGESTED_AT = "_ingested_at";
  public static final String INGEST_RUN_ID = "_run_id";
  /** Quarantine: the contract rule(s) the row broke, e.g. {@code UNKNOWN_CODE(benefit_code)}. */
  public static final String QUARANTINE_RULE = "_rule";

  // Ingest bookkeeping (meta.ingested_files, meta.dq_results)
  /** Full path of a landing file, exactly as bronze/quarantine carry it in {@link #SOURCE_FILE}. */
  public static final String FILE_PATH = "file_path";
  public static final String FILE_SIZE = "file_size";
  public static final String FILE_MODIFIED_AT = "file_modified_at";
  public static final String ROWS_BRONZE = "rows_bronze";
  public static final String ROWS_QUARANTINE = "rows_quarantine";
  public static final String FILE_INGESTED_AT = "ingested_at";
  /** Data-quality results: a quarantine rule, or one of the totals ROWS_IN_FOOTER/ROWS_READ/ROWS_BRONZE/ROWS_QUARANTINE/CORRECTION_TIES. */
  public static final String DQ_RULE = "rule";
  public static final String ROWS = "rows";

  // Silver
  public static final String SPELL_ID = "spell_id";
  public static final String SPELL_START = "spell_start";
  public static final String SOURCE = "source";
  public static final String MONTH = "month";
  public static final String DAY_D = "last_day_in_force";
  public static final String SENIORITY_REACHED = "seniority_reached";
  public static final String ACCUMULATED_HOURS = "accumulated_unemployment_hours";
  public static final String CONVERSATIONS_12M = "conversations_12m";
  public static final String HAS_OFFER_12M = "has_offer_12m";
  public static final String ORDINARY_HOURS_12M = "ordinary_hours_12m";
  public static final String PASSIVE_CONVERSATIONS_FLAG = "is_passive_conversations";
  /** silver.activity_month: per conversation type, the days of the month with a held conversation, as a bit mask (bit 0 = day 1). */
  public static final String CONVERSATION_DAYS = "held_conversation_days";
  /** silver.activity_month: the kinds ({@code OFFER_TYPE/STATUS}) of the offers in force on some day of the month. */
  public static final String OFFER_KINDS = "offer_kinds";
  /** silver.activity_month: ordinary paid hours of the month, prorated by days. */
  public static final String ORDINARY_HOURS = "ordinary_hours";
  public static final String PASSIVE_OFFERS_FLAG = "is_passive_offers";

  // Gold (SPEC §8)
  public static final String MUNICIPALITY_NAME = "municipality_name";
  public static final String REGION_CODE = "region_code";
  public static final String REGION_NAME = "region_name";
  public static final String BREAKDOWN = "breakdown";
  public static final String BREAKDOWN_VALUE = "breakdown_value";
  public static final String POPULATION = "population";
  public static final String PASSIVE_CONVERSATIONS = "passive_conversations";
  public static final String PASSIVE_CONVERSATIONS_PCT = "passive_conversations_pct";
  public static final String PASSIVE_OFFERS = "passive_offers";
  public static final String PASSIVE_OFFERS_PCT = "passive_offers_pct";
  public static final String SUPPRESSED = "suppressed";
  public static final String COVID_FLAG = "covid_flag";
  public static final String RUN_ID = "run_id";
  public static final String AVG_PASSIVE_CONVERSATIONS_PCT_12M = "avg_passive_conversations_pct_12m";
  public static final String AVG_PASSIVE_OFFERS_PCT_12M = "avg_passive_offers_pct_12m";
  public static final String MONTHS_IN_AVERAGE = "months_in_average";
  public static final String MEETS_CONVERSATION_GOAL = "meets_conversation_goal";
  public static final String MEETS_OFFER_GOAL = "meets_offer_goal";
  public static final String ACTUAL_FTE = "actual_fte";
  public static final String DIFFERENCE_FTE = "difference_fte";
  public static final String EXPECTED_PCT = "expected_pct";
  public static final String ACTUAL_PCT = "actual_pct";
  public static final String DIFFERENCE_PP = "difference_pp";
  public static final String RANK = "rank";
  public static final String MEETS_RESULT_GOAL = "meets_result_goal";
  public static final String AVG_PASSIVE_CONVERSATIONS_PCT = "avg_passive_conversations_pct";
  public static final String AVG_PASSIVE_OFFERS_PCT = "avg_passive_offers_pct";
  public static final String SUPERVISION_STATUS = "status";
  public static final String RULE_VERSION = "rule_version";
  public static final String AT_RISK = "at_risk";

  // Meta: the run log (SPEC §8.8); its status is STATUS
  public static final String JOB = "job";
  public static final String PARAMETERS = "parameters";
  public static final String INPUT_VERSIONS = "input_versions";
  public static final String OUTPUT_VERSIONS = "output_versions";
  public static final String ROW_COUNTS = "row_counts";
  public static final String STARTED_AT = "started_at";
  public static final String ENDED_AT = "ended_at";
  public static final String ERROR = "error";

  // compare: a scenario beside the official figures
  /** Prefix of a compared figure from the official tables, e.g. {@code official_passive_offers_pct}. */
  public static final String OFFICIAL_PREFIX = "official_";
  /** Prefix of a compared figure from the scenario's tables. */
  public static final String SCENARIO_PREFIX = "scenario_";
  public static final String CONVERSATION_GOAL_CHANGED = "conversation_goal_changed";
  public static final String OFFER_GOAL_CHANGED = "offer_goal_changed";

  // Restricted: the job centres' worklist (SPEC §8.7)
  public static final String IN_POPULATION = "in_population";
  public static final String COUNTS_FROM = "counts_from";
  public static final String SENIORITY_MONTHS = "seniority_months";
  /** Conversations still needed by the end of the k-th month after the list's month: prefix + k. */
  public static final String CONVERSATIONS_NEEDED_PREFIX = "conversations_needed_";
  public static final String CONVERSATIONS_NEEDED_1 = CONVERSATIONS_NEEDED_PREFIX + 1;
  public static final String CONVERSATIONS_NEEDED_2 = CONVERSATIONS_NEEDED_PREFIX + 2;
  public static final String CONVERSATIONS_NEEDED_3 = CONVERSATIONS_NEEDED_PREFIX + 3;
  public static final String CONVERSATION_DUE_DATES = "conversation_due_dates";
  public static final String OFFER_DROPS_OUT = "offer_drops_out";
  public static final String HOURS_BELOW_THRESHOLD_FROM = "hours_below_threshold_from";
  public static final String OFFER_DUE = "offer_due";
  public static final String NEXT_DUE = "next_due";
  public static final String PRIORITY = "priority";

  // Breakdown values
  public static final String ALL = "ALL";
  public static final String BY_BENEFIT_GROUP = "BENEFIT_GROUP";
  public static final String BY_BENEFIT = "BENEFIT";
}
