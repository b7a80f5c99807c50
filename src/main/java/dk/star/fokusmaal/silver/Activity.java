package dk.star.fokusmaal.silver;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.reference.Codes.ConversationStatus;
import dk.star.fokusmaal.reference.Codes.EmploymentType;
import dk.star.fokusmaal.rules.Months;
import dk.star.fokusmaal.rules.RuleSet;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.rules.RulesTable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * What happened to each person of the population in the 12-month window of the month (SPEC
 * §5.4–5.7): held conversations, offers, ordinary hours, and whether the person is passive.
 *
 * <p>All three are window sums over months per person: the events are reduced to person-month
 * rows, put beside the population's person-month rows, and summed over the 12 months ending with
 * each month in one sort per person — never a join of every month against the whole history.
 */
public final class Activity {
  private Activity() {}

  private static final String IDX = Months.MONTH_INDEX;
  private static final String IS_POP = "_is_pop";
  private static final String CONV_N = "_conv_n_";
  private static final String OFFER_REACH = "_offer_reach_";
  private static final String HOURS = "_hours";
  private static final int NO_END = Integer.MAX_VALUE / 2;

  /** Held conversations that count (SPEC §5.4). */
  static final String HELD = ConversationStatus.AFHOLDT.name();
  /** Ordinary, unsubsidised employment (SPEC §5.6). */
  static final String ORDINARY = EmploymentType.ORDINAER.name();

  /**
   * The pay periods that can count in the window of some month {@code from … to}: ending on or
   * after the first day of {@code from-11} and starting by the last day of {@code to}. Only key
   * columns, so it may filter eIndkomst before corrections are resolved ({@link Corrections#read}).
   */
  public static Column payPeriodsNeeded(YearMonth from, YearMonth to) {
    return col(Cols.PERIOD_END).geq(lit(Months.date(from.minusMonths(11))))
        .and(col(Cols.PERIOD_START).leq(lit(Months.lastDay(to))));
  }

  /**
   * Adds {@code conversations_12m}, {@code has_offer_12m}, {@code ordinary_hours_12m} and the
   * passive flags to the population rows, by the rules of each month's year.
   *
   * @param population person-months ({@link Population#monthly}) of the months {@code from … to}
   *     (the first population month and the last)
   * @param conversations the TASS register, corrections resolved
   * @param offers the Plandata register, corrections resolved
   * @param pay the eIndkomst register, corrections resolved
   */
  public static Dataset<Row> measure(
      Dataset<Row> population,
      Dataset<Row> conversations,
      Dataset<Row> offers,
      Dataset<Row> pay,
      Rules rules,
      YearMonth from,
      YearMonth to) {
    int fromIdx = Months.index(from); // events from 11 months earlier count in its window
    int toIdx = Months.index(to);

    // Rule variants: the counted types may differ between years; each distinct set is counted
    // once and each month takes the count of its own year's set.
    Map<Set<String>, Integer> convVariants = new LinkedHashMap<>();
    Map<List<Set<String>>, Integer> offerVariants = new LinkedHashMap<>();
    Map<Integer, int[]> yearVariant = new LinkedHashMap<>();
    for (int y = from.getYear(); y <= to.getYear(); y++) {
      RuleSet r = rules.forYear(y);
      int cv = convVariants.computeIfAbsent(r.conversationTypes(), k -> convVariants.size());
      int ov =
          offerVariants.computeIfAbsent(
              List.of(r.offerTypes(), r.offerStatuses()), k -> offerVariants.size());
      yearVariant.put(y, new int[] {cv, ov});
    }

    List<Dataset<Row>> parts = new ArrayList<>();
    Dataset<Row> pop =
        population.select(col(Cols.PERSON_ID), Months.index(col(Cols.MONTH)).as(IDX), lit(true).as(IS_POP));
    parts.add(pop);

    for (var e : convVariants.entrySet()) {
      Dataset<Row> counted =
          conversations
              .filter(
                  col(Cols.STATUS).equalTo(HELD)
                      .and(col(Cols.CONVERSATION_TYPE).isin(e.getKey().toArray())))
              .select(col(Cols.PERSON_ID), col(Cols.CONVERSATION_DATE))
              .distinct() // several on the same date count once
              .withColumn(IDX, Months.index(col(Cols.CONVERSATION_DATE)))
              .filter(col(IDX).between(fromIdx - 11, toIdx))
              .groupBy(col(Cols.PERSON_ID), col(IDX))
              .agg(count(lit(1)).cast(DataTypes.LongType).as(CONV_N + e.getValue()))
              .withColumn(IS_POP, lit(false));
      parts.add(counted);
    }

    for (var e : offerVariants.entrySet()) {
      Set<String> types = e.getKey().get(0);
      Set<String> statuses = e.getKey().get(1);
      Dataset<Row> counted =
          offers
              .filter(
                  col(Cols.OFFER_TYPE).isin(types.toArray())
                      .and(col(Cols.STATUS).isin(statuses.toArray())))
              .withColumn(IDX, Months.index(col(Cols.START_DATE)))
              .withColumn(
                  OFFER_REACH + e.getValue(),
                  coalesce(Months.index(col(Cols.END_DATE)), lit(NO_END)).plus(11))
              // an offer counts in month m when it starts by m and ends in m-11 or later
              .filter(col(IDX).leq(toIdx).and(col(OFFER_REACH + e.getValue()).geq(fromIdx)))
              .groupBy(col(Cols.PERSON_ID), col(IDX))
              .agg(max(col(OFFER_REACH + e.getValue())).as(OFFER_REACH + e.getValue()))
              .withColumn(IS_POP, lit(false));
      parts.add(counted);
    }

    Column payDays = datediff(col(Cols.PERIOD_END), col(Cols.PERIOD_START)).plus(1);
    Dataset<Row> hours =
        pay.filter(col(Cols.EMPLOYMENT_TYPE).equalTo(ORDINARY))
            .withColumn(
                Cols.MONTH,
                Months.eachMonth(col(Cols.PERIOD_START), col(Cols.PERIOD_END)))
            .withColumn(IDX, Months.index(col(Cols.MONTH)))
            .filter(col(IDX).between(fromIdx - 11, toIdx))
            // a pay period counts in proportion to its days inside each month
            .withColumn(
                HOURS,
                col(Cols.PAID_HOURS)
                    .multiply(
                        datediff(
                                least(col(Cols.PERIOD_END), last_day(col(Cols.MONTH))),
                                greatest(col(Cols.PERIOD_START), col(Cols.MONTH)))
                            .plus(1))
                    .divide(payDays))
            .groupBy(col(Cols.PERSON_ID), col(IDX))
            .agg(sum(col(HOURS)).as(HOURS))
            .withColumn(IS_POP, lit(false));
    parts.add(hours);

    Dataset<Row> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.unionByName(parts.get(i), true);
    }

    WindowSpec byPerson = Window.partitionBy(col(Cols.PERSON_ID)).orderBy(col(IDX));
    WindowSpec last12 = byPerson.rangeBetween(-11, 0);
    WindowSpec sinceEver = byPerson.rangeBetween(Window.unboundedPreceding(), 0);

    Function<Integer, Column> convOf = v -> coalesce(sum(col(CONV_N + v)).over(last12), lit(0L));
    Function<Integer, Column> offerOf =
        v -> coalesce(max(col(OFFER_REACH + v)).over(sinceEver).geq(col(IDX)), lit(false));
    Column conv = null;
    Column offer = null;
    for (var y : yearVariant.entrySet()) {
      Column inYear = floor(col(IDX).divide(12)).equalTo(y.getKey());
      conv = (conv == null ? when(inYear, convOf.apply(y.getValue()[0])) : conv.when(inYear, convOf.apply(y.getValue()[0])));
      offer = (offer == null ? when(inYear, offerOf.apply(y.getValue()[1])) : offer.when(inYear, offerOf.apply(y.getValue()[1])));
    }
    Column hoursSum =
        round(
            coalesce(sum(col(HOURS)).over(last12), lit(0.0)).cast(DataTypes.createDecimalType(38, 10)), 2);

    Dataset<Row> measured =
        all.select(
                col(Cols.PERSON_ID), col(IDX), col(IS_POP),
                conv.as(Cols.CONVERSATIONS_12M),
                offer.as(Cols.HAS_OFFER_12M),
                hoursSum.as(Cols.ORDINARY_HOURS_12M))
            .filter(col(IS_POP))
            .drop(IS_POP);

    Dataset<Row> joined =
        population
            .withColumn(IDX, Months.index(col(Cols.MONTH)))
            .join(measured, new String[] {Cols.PERSON_ID, IDX});
    return RulesTable.drop(
        RulesTable.join(joined, col(Cols.MONTH), rules)
            .withColumn(
                Cols.PASSIVE_CONVERSATIONS_FLAG,
                col(Cols.CONVERSATIONS_12M).lt(col(RulesTable.MIN_CONVERSATIONS)))
            .withColumn(
                Cols.PASSIVE_OFFERS_FLAG,
                not(col(Cols.HAS_OFFER_12M))
                    .and(col(Cols.ORDINARY_HOURS_12M).lt(col(RulesTable.MIN_ORDINARY_HOURS).cast(DataTypes.createDecimalType(38, 10)))))
            .drop(IDX));
  }
}
