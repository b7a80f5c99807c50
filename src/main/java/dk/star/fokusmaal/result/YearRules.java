package dk.star.fokusmaal.result;

import static org.apache.spark.sql.functions.col;

import dk.star.fokusmaal.config.GoalStatus;
import dk.star.fokusmaal.config.RuleSet;
import dk.star.fokusmaal.config.Rules;
import dk.star.fokusmaal.schema.Cols;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The per-year rule values that the supervision decision and the quarterly report need (SPEC §7),
 * as a small literal table joined on {@link Cols#YEAR}. The values come from the {@link RuleSet}
 * of each year, so a rule change is a config edit and a rerun: no year is written in code.
 *
 * <p>The table has one row per year {@value #FIRST_YEAR}–{@value #LAST_YEAR}, the range of dates
 * the input contract accepts (SPEC §4.9), each filled with {@code rules.forYear(year)}; that is
 * how {@link Rules} itself resolves a year without a file (the latest earlier file), and it needs
 * no knowledge of which files exist. About a hundred rows, built on the driver from config only.
 *
 * <p>The columns other than {@link Cols#YEAR} and {@link Cols#RULE_VERSION} are internal to this
 * package and are dropped before a table leaves it.
 */
final class YearRules {
  private YearRules() {}

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  /** The samtaler fokusmål is met when the 12-month average is at or below this (percent). */
  static final String CONVERSATION_THRESHOLD = "_rule_conversation_threshold_pct";
  /** The tilbud fokusmål is met when the 12-month average is at or below this (percent). */
  static final String OFFER_THRESHOLD = "_rule_offer_threshold_pct";
  /** The samtaler fokusmål has a consequence this year (BINDING or LIGHT, not follow-up only). */
  static final String CONVERSATION_BINDING = "_rule_conversation_goal_binding";
  /** The tilbud fokusmål has a consequence this year (BINDING or LIGHT, not follow-up only). */
  static final String OFFER_BINDING = "_rule_offer_goal_binding";
  /** The year's result leads to a supervision decision (false for 2019 and 2020). */
  static final String DECIDES = "_rule_supervision_decides";
  /** Status when the resultatmål and the samtaler fokusmål fail. */
  static final String STATUS_CONVERSATIONS_FAILED = "_rule_status_conversations_failed";
  /** Severity (index in {@link Supervision#SEVERITY}) of {@link #STATUS_CONVERSATIONS_FAILED}. */
  static final String SEVERITY_CONVERSATIONS_FAILED = "_rule_severity_conversations_failed";
  /** Status when the resultatmål and the tilbud fokusmål fail. */
  static final String STATUS_OFFERS_FAILED = "_rule_status_offers_failed";
  /** Severity (index in {@link Supervision#SEVERITY}) of {@link #STATUS_OFFERS_FAILED}. */
  static final String SEVERITY_OFFERS_FAILED = "_rule_severity_offers_failed";

  static final List<String> INTERNAL =
      List.of(
          CONVERSATION_THRESHOLD, OFFER_THRESHOLD, CONVERSATION_BINDING, OFFER_BINDING, DECIDES,
          STATUS_CONVERSATIONS_FAILED, SEVERITY_CONVERSATIONS_FAILED, STATUS_OFFERS_FAILED,
          SEVERITY_OFFERS_FAILED);

  static final StructType SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField(Cols.YEAR, DataTypes.IntegerType, false),
              DataTypes.createStructField(Cols.RULE_VERSION, DataTypes.StringType, false),
              DataTypes.createStructField(CONVERSATION_THRESHOLD, DataTypes.DoubleType, false),
              DataTypes.createStructField(OFFER_THRESHOLD, DataTypes.DoubleType, false),
              DataTypes.createStructField(CONVERSATION_BINDING, DataTypes.BooleanType, false),
              DataTypes.createStructField(OFFER_BINDING, DataTypes.BooleanType, false),
              DataTypes.createStructField(DECIDES, DataTypes.BooleanType, false),
              DataTypes.createStructField(STATUS_CONVERSATIONS_FAILED, DataTypes.StringType, false),
              DataTypes.createStructField(SEVERITY_CONVERSATIONS_FAILED, DataTypes.IntegerType, false),
              DataTypes.createStructField(STATUS_OFFERS_FAILED, DataTypes.StringType, false),
              DataTypes.createStructField(SEVERITY_OFFERS_FAILED, DataTypes.IntegerType, false)));

  /** The rule values of every year, one row per year (see the class comment). */
  static Dataset<Row> table(SparkSession spark, Rules rules) {
    List<Row> rows = new ArrayList<>();
    for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      RuleSet r = rules.forYear(y);
      rows.add(
          RowFactory.create(
              y,
              r.ruleVersion(),
              r.conversationThresholdPct(),
              r.offerThresholdPct(),
              binding(r.conversationGoal()),
              binding(r.offerGoal()),
              r.decides(),
              r.statusConversationsFailed(),
              Supervision.severity(r.statusConversationsFailed(), r),
              r.statusOffersFailed(),
              Supervision.severity(r.statusOffersFailed(), r)));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  /**
   * Whether failing the goal (together with the resultatmål) has a consequence. LIGHT counts: in
   * 2022–23 it leads to skærpet tilsyn light. FOLLOW_UP_ONLY does not: the minister's quarterly
   * letter of September 2021 names as "i risiko for at komme i skærpet tilsyn" only the
   * municipalities failing the resultatmål and the samtaler goal, not those failing tilbud, which
   * was follow-up only in 2021 (seed 004).
   */
  static boolean binding(GoalStatus s) {
    return s != GoalStatus.FOLLOW_UP_ONLY;
  }

  /** Samtaler fokusmål met: average at or below the year's threshold; null when no average. */
  static Column meetsConversationGoal(Column avgPct) {
    return avgPct.leq(col(CONVERSATION_THRESHOLD));
  }

  /** Tilbud fokusmål met: average at or below the year's threshold; null when no average. */
  static Column meetsOfferGoal(Column avgPct) {
    return avgPct.leq(col(OFFER_THRESHOLD));
  }
}
