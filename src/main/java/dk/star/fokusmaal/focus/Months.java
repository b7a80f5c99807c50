package dk.star.fokusmaal.focus;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.config.Rules;
import dk.star.fokusmaal.config.RuleSet;
import dk.star.fokusmaal.schema.Cols;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
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
 * Calendar months as the rules see them (SPEC §5): a measurement month is a {@code date} on its
 * first day; its window is the 12 months ending with it. Month arithmetic on an integer index
 * (months since year 0) keeps window sums cheap.
 */
public final class Months {
  private Months() {}

  public static final String MONTH_INDEX = "month_index";
  public static final String RULE_VERSION = Cols.RULE_VERSION;
  public static final String MIN_CONVERSATIONS = "min_conversations";
  public static final String MIN_ORDINARY_HOURS = "min_ordinary_hours";
  public static final String CONVERSATION_THRESHOLD = "conversation_threshold_pct";
  public static final String OFFER_THRESHOLD = "offer_threshold_pct";
  public static final String MIN_POPULATION = "min_population";
  public static final String EXEMPT = "exempt";

  /** The month index of a date column: year × 12 + month − 1. */
  public static Column index(Column date) {
    return year(date).multiply(12).plus(month(date)).minus(1);
  }

  /** One row per calendar month touched by [start, end]: the first day of each month. */
  public static Column eachMonth(Column start, Column end) {
    return explode(sequence(trunc(start, "MM"), trunc(end, "MM"), expr("INTERVAL 1 MONTH")));
  }

  public static int index(YearMonth m) {
    return m.getYear() * 12 + m.getMonthValue() - 1;
  }

  /** The first day of the month of a date column. */
  public static Column first(Column date) {
    return trunc(date, "MM");
  }

  public static Date date(YearMonth m) {
    return Date.valueOf(m.atDay(1));
  }

  public static Date lastDay(YearMonth m) {
    return Date.valueOf(m.atEndOfMonth());
  }

  /**
   * Whether the window of each month overlaps a COVID-19 period (SPEC §7): 12 March–26 May 2020
   * and 20 December 2020–30 May 2021 by default.
   */
  public static Column covidFlag(Column monthCol, Rules rules) {
    Column flag = lit(false);
    for (Rules.Period p : rules.covidPeriods()) {
      Column windowStart = add_months(monthCol, -11);
      Column windowEnd = last_day(monthCol);
      flag =
          flag.or(
              windowStart.leq(lit(Date.valueOf(p.end()))).and(windowEnd.geq(lit(Date.valueOf(p.start())))));
    }
    return flag;
  }

  private static final StructType RULES_SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField(Cols.MONTH, DataTypes.DateType, false),
              DataTypes.createStructField(RULE_VERSION, DataTypes.StringType, false),
              DataTypes.createStructField(MIN_CONVERSATIONS, DataTypes.IntegerType, false),
              DataTypes.createStructField(MIN_ORDINARY_HOURS, DataTypes.DoubleType, false),
              DataTypes.createStructField(CONVERSATION_THRESHOLD, DataTypes.DoubleType, false),
              DataTypes.createStructField(OFFER_THRESHOLD, DataTypes.DoubleType, false),
              DataTypes.createStructField(MIN_POPULATION, DataTypes.IntegerType, false),
              DataTypes.createStructField(EXEMPT, DataTypes.BooleanType, false)));

  /**
   * The rules in force for each measurement month {@code from … to}, as a small table to join on
   * {@code month} (built on the driver from the rules files: configuration, not data).
   */
  public static Dataset<Row> rulesByMonth(SparkSession spark, Rules rules, YearMonth from, YearMonth to) {
    List<Row> rows = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      RuleSet r = rules.forMonth(m);
      rows.add(
          RowFactory.create(
              date(m), r.ruleVersion(), r.minConversations(), r.minOrdinaryHours(),
              r.conversationThresholdPct(), r.offerThresholdPct(), r.suppressBelow(),
              rules.isExempt(m)));
    }
    return spark.createDataFrame(rows, RULES_SCHEMA);
  }

  public static YearMonth of(LocalDate d) {
    return YearMonth.from(d);
  }
}
