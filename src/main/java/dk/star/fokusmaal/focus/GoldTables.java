package dk.star.fokusmaal.focus;

import static dk.star.fokusmaal.schema.Cols.*;

import java.util.LinkedHashMap;
import java.util.Map;

/** Names of the silver and gold tables the build writes, and the comment of every gold column. */
public final class GoldTables {
  private GoldTables() {}

  public static final String BENEFIT_PERIODS = "benefit_periods";
  public static final String PERSON_MONTH = "person_month";
  public static final String FOCUS_GOAL_MONTHLY = "focus_goal_monthly";
  public static final String FOCUS_GOAL_NATIONAL_MONTHLY = "focus_goal_national_monthly";
  public static final String FOCUS_GOAL_12M = "focus_goal_12m";

  private static final Map<String, String> COMMON = new LinkedHashMap<>();

  static {
    COMMON.put(MONTH, "Measurement month (first day of the month); its window is this month and the 11 before it");
    COMMON.put(MUNICIPALITY_CODE, "Municipality (kommune) code, 101 København … 860 Hjørring; null on the national row");
    COMMON.put(MUNICIPALITY_NAME, "Municipality name (reference/kommuner.csv)");
    COMMON.put(REGION_NAME, "Region of the municipality");
    COMMON.put(BREAKDOWN, "ALL, BENEFIT_GROUP or BENEFIT: what breakdown_value splits the population by");
    COMMON.put(BREAKDOWN_VALUE, "ALL, or the benefit group / benefit code of the cell");
    COMMON.put(POPULATION, "Persons in the fokusmål population: a benefit spell with at least 12 months' seniority in the month");
    COMMON.put(PASSIVE_CONVERSATIONS, "Persons with fewer than 4 held conversations in the 12-month window (null when suppressed)");
    COMMON.put(PASSIVE_CONVERSATIONS_PCT, "Passive share for conversations, percent 0-100, unrounded (null when suppressed)");
    COMMON.put(PASSIVE_OFFERS, "Persons with neither an offer nor enough ordinary hours (225; 100 from 2024) in the window (null when suppressed)");
    COMMON.put(PASSIVE_OFFERS_PCT, "Passive share for offers, percent 0-100, unrounded (null when suppressed)");
    COMMON.put(SUPPRESSED, "True when the population is 1-4 persons: counts and percentages are hidden");
    COMMON.put(COVID_FLAG, "True when the 12-month window overlaps a COVID-19 period (12 Mar-26 May 2020, 20 Dec 2020-30 May 2021)");
    COMMON.put(AVG_PASSIVE_CONVERSATIONS_PCT_12M, "Unweighted mean of the monthly passive shares for conversations of the 12 months ending with month, exempt and suppressed months left out");
    COMMON.put(AVG_PASSIVE_OFFERS_PCT_12M, "Unweighted mean of the monthly passive shares for offers of the 12 months ending with month, exempt and suppressed months left out");
    COMMON.put(MONTHS_IN_AVERAGE, "Months with a share that entered the 12-month average");
    COMMON.put(MEETS_CONVERSATION_GOAL, "True when the 12-month average for conversations is at or below the year's threshold (20 %)");
    COMMON.put(MEETS_OFFER_GOAL, "True when the 12-month average for offers is at or below the year's threshold (20 %; 30 % from 2024)");
    COMMON.put(RUN_ID, "The build run that wrote the row (meta.run_log)");
  }

  /** The comments of the named columns, failing loudly on a column without one. */
  public static Map<String, String> comments(String... columns) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String c : columns) {
      String text = COMMON.get(c);
      if (text == null) throw new IllegalArgumentException("no comment for column " + c);
      m.put(c, text);
    }
    return m;
  }

  /** All known comments, for tables whose columns are all documented here. */
  public static Map<String, String> all() {
    return COMMON;
  }
}
