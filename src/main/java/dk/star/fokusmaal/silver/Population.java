package dk.star.fokusmaal.silver;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.reference.Benefit;
import dk.star.fokusmaal.rules.Months;
import dk.star.fokusmaal.rules.Rules;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * The fokusmål population (SPEC §5.1, §5.3): the persons with at least one benefit spell that
 * <em>qualifies</em> in month m — one of its periods is in force on some day of m, and the spell
 * has lasted 12 months on d, the last day of m on which it is in force.
 *
 * <p>Everything is computed in one pass over spell-months: each period is spread over the months
 * it touches, never joined month by month against the whole history.
 */
public final class Population {
  private Population() {}

  // Scratch columns of this class, dropped before a frame leaves it.
  private static final String PERIOD_MONTH = "_period_month", MONTH_END = "_month_end",
      IN_FORCE_TO = "_in_force_to", MONTH_HOURS = "_month_hours", PICK = "_pick",
      SPELL_END = "_spell_end";

  /**
   * One row per spell and month in which the spell is in force: {@code person_id, spell_id,
   * spell_start, source, month, last_day_in_force} (d), the period in force on d ({@code
   * benefit_code, benefit_group, municipality_code, in_integration_programme}; if several, the
   * one that started last, then the lowest municipality code), the accumulated unemployment hours
   * up to d (FLEUR spells) and {@code seniority_reached}.
   *
   * @param spelled periods with spells assigned ({@link Spells#assign}) and open ends closed
   * @param from first month to return
   * @param to last month to return
   */
  public static Dataset<Row> spellMonths(Dataset<Row> spelled, Rules rules, YearMonth from, YearMonth to) {
    Column periodDays = datediff(col(Cols.END_DATE), col(Cols.START_DATE)).plus(1);
    // Spells over before the first month asked for add no rows: drop them before spreading the
    // rest over months, so that rebuilding recent months does not spread all of history.
    Dataset<Row> live =
        spelled
            .withColumn(SPELL_END, max(col(Cols.END_DATE)).over(Window.partitionBy(col(Cols.SPELL_ID))))
            .filter(col(SPELL_END).geq(lit(Months.date(from))))
            .drop(SPELL_END);
    Dataset<Row> periodMonths =
        live
            .withColumn(
                Cols.MONTH,
                Months.eachMonth(col(Cols.START_DATE), col(Cols.END_DATE)))
            .filter(col(Cols.MONTH).leq(lit(Months.date(to))))
            .withColumn(MONTH_END, last_day(col(Cols.MONTH)))
            .withColumn(IN_FORCE_TO, least(col(Cols.END_DATE), col(MONTH_END)))
            // the period's paid hours that fall in this month, prorated by days (FLEUR)
            .withColumn(
                MONTH_HOURS,
                col(Cols.UNEMPLOYMENT_HOURS)
                    .multiply(
                        datediff(col(IN_FORCE_TO), greatest(col(Cols.START_DATE), col(Cols.MONTH))).plus(1))
                    .divide(periodDays));

    WindowSpec spellMonth = Window.partitionBy(col(Cols.SPELL_ID), col(Cols.MONTH));
    Dataset<Row> withD =
        periodMonths
            .withColumn(Cols.DAY_D, max(col(IN_FORCE_TO)).over(spellMonth))
            .withColumn(MONTH_HOURS, sum(col(MONTH_HOURS)).over(spellMonth));

    // The period in force on d decides benefit, group and municipality.
    Dataset<Row> decisive =
        withD
            .filter(col(Cols.END_DATE).geq(col(Cols.DAY_D)))
            .withColumn(
                PICK,
                row_number()
                    .over(
                        spellMonth.orderBy(
                            col(Cols.START_DATE).desc(),
                            col(Cols.MUNICIPALITY_CODE).asc(),
                            col(Cols.BENEFIT_CODE).asc(),
                            col(Cols.IN_INTEGRATION_PROGRAMME).asc())))
            .filter(col(PICK).equalTo(1))
            .drop(PICK);

    // FLEUR seniority is accumulated unemployment: every hour paid in the spell up to d. The
    // months before d are whole (the spell's periods end there or run on), so the running sum of
    // the monthly shares through m is the sum up to d.
    WindowSpec spellOrder =
        Window.partitionBy(col(Cols.SPELL_ID))
            .orderBy(col(Cols.MONTH))
            .rowsBetween(Window.unboundedPreceding(), 0);
    Column accumulated =
        round(sum(col(MONTH_HOURS)).over(spellOrder).cast(DataTypes.createDecimalType(38, 10)), 2);
    Column monthsReached =
        col(Cols.DAY_D).geq(date_sub(add_months(col(Cols.SPELL_START), rules.seniorityMonths()), 1));
    Column hoursReached = col(Cols.ACCUMULATED_HOURS).geq(lit(rules.fleurSeniorityHours()));

    return decisive
        .withColumn(
            Cols.ACCUMULATED_HOURS,
            when(col(Cols.SOURCE).equalTo(Sources.FLEUR), accumulated))
        .withColumn(
            Cols.SENIORITY_REACHED,
            when(col(Cols.SOURCE).equalTo(Sources.FLEUR), coalesce(hoursReached, lit(false)))
                .otherwise(monthsReached))
        .filter(col(Cols.MONTH).geq(lit(Months.date(from))))
        .select(
            col(Cols.PERSON_ID), col(Cols.SPELL_ID), col(Cols.SPELL_START), col(Cols.SOURCE),
            col(Cols.MONTH), col(Cols.DAY_D), col(Cols.BENEFIT_CODE), col(Cols.BENEFIT_GROUP),
            col(Cols.MUNICIPALITY_CODE), col(Cols.IN_INTEGRATION_PROGRAMME),
            col(Cols.ACCUMULATED_HOURS), col(Cols.SENIORITY_REACHED));
  }

  /**
   * The population of each month: one row per person and month with a qualifying spell. A spell
   * qualifies when its seniority is reached on d and, for overgangsydelse, the period in force on
   * d is outside the integration programme. With several qualifying spells, the latest d counts,
   * then the spell that started first, then the benefit code first in alphabetical order.
   * Columns: {@code person_id, month, benefit_code, benefit_group, municipality_code, spell_id,
   * spell_start, last_day_in_force}.
   */
  public static Dataset<Row> monthly(Dataset<Row> spellMonths) {
    Column excludedIntegration =
        col(Cols.BENEFIT_CODE).equalTo(Benefit.OVERGANGSYDELSE.code()).and(col(Cols.IN_INTEGRATION_PROGRAMME));
    WindowSpec personMonth =
        Window.partitionBy(col(Cols.PERSON_ID), col(Cols.MONTH))
            .orderBy(
                col(Cols.DAY_D).desc(), col(Cols.SPELL_START).asc(), col(Cols.BENEFIT_CODE).asc(),
                col(Cols.SPELL_ID).asc());
    return spellMonths
        .filter(col(Cols.SENIORITY_REACHED).and(not(excludedIntegration)))
        .withColumn(PICK, row_number().over(personMonth))
        .filter(col(PICK).equalTo(1))
        .select(
            col(Cols.PERSON_ID), col(Cols.MONTH), col(Cols.BENEFIT_CODE), col(Cols.BENEFIT_GROUP),
            col(Cols.MUNICIPALITY_CODE), col(Cols.SPELL_ID), col(Cols.SPELL_START), col(Cols.DAY_D));
  }

  /**
   * The population of the months {@code from … to}: {@link #monthly} of {@link #spellMonths}, open
   * periods in force through the last day of {@code to}.
   *
   * @param spelled {@code silver.benefit_periods} ({@link Periods#spelled})
   */
  public static Dataset<Row> of(Dataset<Row> spelled, Rules rules, YearMonth from, YearMonth to) {
    return monthly(spellMonths(Periods.closeOpen(spelled, Months.lastDay(to)), rules, from, to));
  }
}
