package dk.star.fokusmaal.silver;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.rules.Months;
import java.sql.Date;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How far a changed register row reaches into the built months (a late delivery or correction):
 *
 * <ul>
 *   <li>a benefit period (fleur, kmd_sygedagpenge, municipal_benefits) from the month it starts to
 *       the data horizon: spells and seniority carry forward, so a period can change who is in the
 *       population in every later month of its spell;
 *   <li>a conversation, offer or pay period from the month it starts to 22 months after the month
 *       it ends (ongoing: the horizon): it lies in the 12-month windows of the 11 months after it,
 *       and those months' shares lie in the 12-month averages of the 11 months after them;
 *   <li>a benchmark period from the month it ends (its resultatmål, and the quarterly reports and
 *       supervision decisions that use it) to the horizon; a population figure of a year from
 *       January of that year to the horizon.
 * </ul>
 */
public final class Reach {
  private Reach() {}

  /** Months after an activity's last month that still see it: 11 in windows, 11 more in averages. */
  public static final int ACTIVITY_MONTHS_AFTER = 22;

  /**
   * The months {@code [first, last]} that {@code rows} of {@code spec} reach, or null for no rows.
   *
   * @param rows register rows (contract columns), e.g. the new rows and the rows they correct
   * @param horizon the last month the registers cover
   */
  public static YearMonth[] of(SourceSpec spec, Dataset<Row> rows, YearMonth horizon) {
    Column h = lit(Months.date(horizon));
    Column first;
    Column last;
    switch (spec.name()) {
      case Sources.FLEUR, Sources.EINDKOMST -> {
        first = col(Cols.PERIOD_START);
        last = spec.name().equals(Sources.FLEUR) ? h : add_months(col(Cols.PERIOD_END), ACTIVITY_MONTHS_AFTER);
      }
      case Sources.KMD_SYGEDAGPENGE, Sources.MUNICIPAL_BENEFITS -> {
        first = col(Cols.START_DATE);
        last = h;
      }
      case Sources.TASS_CONVERSATIONS -> {
        first = col(Cols.CONVERSATION_DATE);
        last = add_months(col(Cols.CONVERSATION_DATE), ACTIVITY_MONTHS_AFTER);
      }
      case Sources.PLANDATA_OFFERS -> {
        first = col(Cols.START_DATE);
        last = coalesce(add_months(col(Cols.END_DATE), ACTIVITY_MONTHS_AFTER), h);
      }
      case Sources.BENCHMARK_EXPECTED -> {
        first = col(Cols.PERIOD_END);
        last = h;
      }
      case Sources.POPULATION -> {
        first = make_date(col(Cols.YEAR), lit(1), lit(1));
        last = h;
      }
      default -> throw new IllegalArgumentException("no reach rule for " + spec.name());
    }
    Row r = rows.agg(min(trunc(first, "MM")), max(least(trunc(last, "MM"), h))).first(); // one row
    if (r.isNullAt(0)) return null;
    YearMonth a = YearMonth.from(r.<Date>getAs(0).toLocalDate());
    YearMonth b = YearMonth.from(r.<Date>getAs(1).toLocalDate());
    return b.isBefore(a) ? null : new YearMonth[] {a, b};
  }
}
