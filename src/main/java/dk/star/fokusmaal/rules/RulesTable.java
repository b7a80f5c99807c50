package dk.star.fokusmaal.rules;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rules in force in every month (SPEC §7) as one small table, joined to the data on a month:
 * thresholds, minimum counts, suppression, exempt months, whether a goal is binding and what a
 * failure leads to. The values come from the {@link RuleSet} of each month's year, so a rule change
 * is a config edit and a rerun; no year is written in code.
 *
 * <p>One row per month of the years the input contract accepts (2000–2100, SPEC §4.9), each filled
 * by {@link Rules#forMonth}: about 1,200 rows built on the driver from configuration only. Its
 * columns are internal ({@code _rule_…}); {@link #drop} removes them before a table leaves a stage.
 */
public final class RulesTable {
  private RulesTable() {}

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  private static final String PREFIX = "_rule_";
  public static final String MONTH = PREFIX + "month";
  /** {@code rule_version} of the month's year. */
  public static final String VERSION = PREFIX + "version";
  /** Fewer held conversations than this in the window is passive (4). */
  public static final String MIN_CONVERSATIONS = PREFIX + "min_conversations";
  /** Ordinary hours in the window that replace an offer (225; 100 from 2024). */
  public static final String MIN_ORDINARY_HOURS = PREFIX + "min_ordinary_hours";
  /** The samtaler fokusmål is met at or below this 12-month average (percent). */
  public static final String CONVERSATION_THRESHOLD = PREFIX + "conversation_threshold_pct";
  /** The tilbud fokusmål is met at or below this 12-month average (percent). */
  public static final String OFFER_THRESHOLD = PREFIX + "offer_threshold_pct";
  /** Cells with a population below this are suppressed (5). */
  public static final String MIN_POPULATION = PREFIX + "min_population";
  /** The month is left out of every 12-month average it falls in. */
  public static final String EXEMPT = PREFIX + "exempt";
  /** The samtaler fokusmål has a consequence this year (BINDING or LIGHT, not follow-up only). */
  public static final String CONVERSATION_BINDING = PREFIX + "conversation_goal_binding";
  /** The tilbud fokusmål has a consequence this year. */
  public static final String OFFER_BINDING = PREFIX + "offer_goal_binding";
  /** The year's result leads to a supervision decision (not 2019–2020). */
  public static final String DECIDES = PREFIX + "supervision_decides";
  /** Status when the resultatmål and the samtaler fokusmål fail, and its severity. */
  public static final String STATUS_CONVERSATIONS_FAILED = PREFIX + "status_conversations_failed";
  public static final String SEVERITY_CONVERSATIONS_FAILED = PREFIX + "severity_conversations_failed";
  /** Status when the resultatmål and the tilbud fokusmål fail, and its severity. */
  public static final String STATUS_OFFERS_FAILED = PREFIX + "status_offers_failed";
  public static final String SEVERITY_OFFERS_FAILED = PREFIX + "severity_offers_failed";

  static final StructType SCHEMA =
      new StructType()
          .add(MONTH, DataTypes.DateType, false)
          .add(VERSION, DataTypes.StringType, false)
          .add(MIN_CONVERSATIONS, DataTypes.IntegerType, false)
          .add(MIN_ORDINARY_HOURS, DataTypes.DoubleType, false)
          .add(CONVERSATION_THRESHOLD, DataTypes.DoubleType, false)
          .add(OFFER_THRESHOLD, DataTypes.DoubleType, false)
          .add(MIN_POPULATION, DataTypes.IntegerType, false)
          .add(EXEMPT, DataTypes.BooleanType, false)
          .add(CONVERSATION_BINDING, DataTypes.BooleanType, false)
          .add(OFFER_BINDING, DataTypes.BooleanType, false)
          .add(DECIDES, DataTypes.BooleanType, false)
          .add(STATUS_CONVERSATIONS_FAILED, DataTypes.StringType, false)
          .add(SEVERITY_CONVERSATIONS_FAILED, DataTypes.IntegerType, false)
          .add(STATUS_OFFERS_FAILED, DataTypes.StringType, false)
          .add(SEVERITY_OFFERS_FAILED, DataTypes.IntegerType, false);

  /** The rules of every month 2000-01 … 2100-12 (see the class comment). */
  public static Dataset<Row> table(org.apache.spark.sql.SparkSession spark, Rules rules) {
    List<Row> rows = new ArrayList<>();
    for (YearMonth m = YearMonth.of(FIRST_YEAR, 1); m.getYear() <= LAST_YEAR; m = m.plusMonths(1)) {
      RuleSet r = rules.forMonth(m);
      rows.add(
          RowFactory.create(
              Months.date(m), r.ruleVersion(), r.minConversations(), r.minOrdinaryHours(),
              r.conversationThresholdPct(), r.offerThresholdPct(), r.suppressBelow(),
              rules.isExempt(m), r.conversationGoal().binding(), r.offerGoal().binding(),
              r.decides(), r.statusConversationsFailed().name(),
              r.statusConversationsFailed().severity(), r.statusOffersFailed().name(),
              r.statusOffersFailed().severity()));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  /**
   * {@code df} with the rules of the month in {@code month} (a date on the first of a month): every
   * {@code _rule_…} column, null for a month outside the table.
   */
  public static Dataset<Row> join(Dataset<Row> df, Column month, Rules rules) {
    return df.join(broadcast(table(df.sparkSession(), rules)), month.equalTo(col(MONTH)), "left");
  }

  /** {@code df} without the {@code _rule_…} columns of {@link #join}. */
  public static Dataset<Row> drop(Dataset<Row> df) {
    return df.drop(Arrays.stream(df.columns()).filter(c -> c.startsWith(PREFIX)).toArray(String[]::new));
  }
}
