package dk.star.fokusmaal.rules;

import static org.apache.spark.sql.functions.*;

import java.sql.Date;
import java.time.YearMonth;
import org.apache.spark.sql.Column;

/**
 * Calendar months as the rules see them (SPEC §5): a measurement month is a {@code date} on its
 * first day; its window is the 12 months ending with it. Month arithmetic on an integer index
 * (months since year 0) keeps window sums cheap.
 */
public final class Months {
  private Months() {}

  /** All dates are calendar dates in Danish local time (SPEC §5). */
  public static final String TIME_ZONE = "Europe/Copenhagen";

  public static final String MONTH_INDEX = "month_index";

  /** The month index of a date column: year × 12 + month − 1. */
  public static Column index(Column date) {
    return year(date).multiply(12).plus(month(date)).minus(1);
  }

  /** The first day of the month of a month index ({@link #index(Column)} undone). */
  public static Column dateOf(Column index) {
    return make_date(floor(index.divide(12)).cast("int"), pmod(index, lit(12)).plus(1).cast("int"), lit(1));
  }

  /** One row per calendar month touched by [start, end]: the first day of each month. */
  public static Column eachMonth(Column start, Column end) {
    return explode(sequence(trunc(start, "MM"), trunc(end, "MM"), expr("INTERVAL 1 MONTH")));
  }

  public static int index(YearMonth m) {
    return m.getYear() * 12 + m.getMonthValue() - 1;
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

}
