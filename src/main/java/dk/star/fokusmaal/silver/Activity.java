package dk.star.fokusmaal.silver;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
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
 * <p>All three are window sums over months per person: the month facts of {@code
 * silver.activity_month} are put beside the population's person-month rows and summed over the 12
 * months ending with each month in one sort per person — never a join of every month against the
 * whole history.
 */
public final class Activity {
  private Activity() {}

  private static final String IDX = Months.MONTH_INDEX;
  private static final String IS_POP = "_is_pop";
  private static final String CONV_N = "_conv_n_";
  private static final String OFFER = "_offer_";
  private static final String HOURS = "_hours";

  /**
   * Adds {@code conversations_12m}, {@code has_offer_12m}, {@code ordinary_hours_12m} and the
   * passive flags to the population rows, by the rules of each month's year.
   *
   * @param population person-months ({@link Population#monthly}) of the months {@code from … to}
   * @param activity {@code silver.activity_month} rows ({@link ActivityMonths#of}) of at least the
   *     months {@code from-11 … to} for these persons
   */
  public static Dataset<Row> measure(
      Dataset<Row> population, Dataset<Row> activity, Rules rules, YearMonth from, YearMonth to) {
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

    // The population's rows and the activity of the same persons in one frame, summed over the
    // 12 months ending with each month in one sort per person.
    List<Column> act = new ArrayList<>();
    act.add(col(Cols.PERSON_ID));
    act.add(Months.index(col(Cols.MONTH)).as(IDX));
    act.add(lit(false).as(IS_POP));
    convVariants.forEach((types, v) -> act.add(ActivityMonths.conversationDays(types).as(CONV_N + v)));
    offerVariants.forEach((k, v) -> act.add(ActivityMonths.hasOffer(k.get(0), k.get(1)).as(OFFER + v)));
    act.add(col(Cols.ORDINARY_HOURS).as(HOURS));
    Dataset<Row> events =
        activity
            .filter(col(Cols.MONTH).between(lit(Months.date(from.minusMonths(11))), lit(Months.date(to))))
            .join(broadcast(population.select(col(Cols.PERSON_ID)).distinct()), Cols.PERSON_ID)
            .select(act.toArray(Column[]::new));
    Dataset<Row> all =
        population
            .withColumn(IDX, Months.index(col(Cols.MONTH)))
            .withColumn(IS_POP, lit(true))
            .unionByName(events, true);

    WindowSpec last12 = Window.partitionBy(col(Cols.PERSON_ID)).orderBy(col(IDX)).rangeBetween(-11, 0);
    Function<Integer, Column> convOf = v -> coalesce(sum(col(CONV_N + v)).over(last12), lit(0)).cast(DataTypes.LongType);
    Function<Integer, Column> offerOf = v -> coalesce(max(col(OFFER + v)).over(last12), lit(false));
    Column conv = null;
    Column offer = null;
    for (var y : yearVariant.entrySet()) {
      Column inYear = floor(col(IDX).divide(12)).equalTo(y.getKey());
      conv = (conv == null ? when(inYear, convOf.apply(y.getValue()[0])) : conv.when(inYear, convOf.apply(y.getValue()[0])));
      offer = (offer == null ? when(inYear, offerOf.apply(y.getValue()[1])) : offer.when(inYear, offerOf.apply(y.getValue()[1])));
    }
    Column hoursSum = windowHours(sum(col(HOURS)).over(last12));

    List<Column> out = new ArrayList<>();
    for (String c : population.columns()) out.add(col(c));
    out.add(col(Cols.CONVERSATIONS_12M));
    out.add(col(Cols.HAS_OFFER_12M));
    out.add(col(Cols.ORDINARY_HOURS_12M));
    Dataset<Row> measured =
        all.withColumn(Cols.CONVERSATIONS_12M, conv)
            .withColumn(Cols.HAS_OFFER_12M, offer)
            .withColumn(Cols.ORDINARY_HOURS_12M, hoursSum)
            .filter(col(IS_POP))
            .select(out.toArray(Column[]::new));
    return RulesTable.drop(
        RulesTable.join(measured, col(Cols.MONTH), rules)
            .withColumn(Cols.PASSIVE_CONVERSATIONS_FLAG, passiveConversations(col(Cols.CONVERSATIONS_12M)))
            .withColumn(Cols.PASSIVE_OFFERS_FLAG, passiveOffers(col(Cols.HAS_OFFER_12M), col(Cols.ORDINARY_HOURS_12M))));
  }

  // The passive rules themselves, on the rules of the month joined by RulesTable.join (or, for the
  // worklist's month-ends ahead, the minimums given as columns): the gold shares and the job
  // centres' worklist (restricted.followup_persons) both use these, so a worklist's due dates can
  // never disagree with the flags the shares count.

  /** Passive for conversations (§5.7): fewer held conversations in the window than the year's minimum. */
  public static Column passiveConversations(Column conversations) {
    return passiveConversations(conversations, col(RulesTable.MIN_CONVERSATIONS));
  }

  /** As {@link #passiveConversations(Column)}, with the minimum given (the rules of another month). */
  public static Column passiveConversations(Column conversations, Column minConversations) {
    return conversations.lt(minConversations);
  }

  /** Held conversations still missing to reach the year's minimum (0 when it is reached). */
  public static Column conversationsNeeded(Column conversations, Column minConversations) {
    return greatest(lit(0L), minConversations.cast(DataTypes.LongType).minus(conversations));
  }

  /** Passive for offers (§5.7): no counted offer and fewer ordinary hours than the year's threshold. */
  public static Column passiveOffers(Column hasOffer, Column windowHours) {
    return passiveOffers(hasOffer, windowHours, col(RulesTable.MIN_ORDINARY_HOURS));
  }

  /** As {@link #passiveOffers(Column, Column)}, with the hours threshold given. */
  public static Column passiveOffers(Column hasOffer, Column windowHours, Column minHours) {
    return not(hasOffer).and(hoursBelowThreshold(windowHours, minHours));
  }

  /** The window's ordinary hours (as {@link #windowHours} gives them) under the hours threshold given. */
  public static Column hoursBelowThreshold(Column windowHours, Column minHours) {
    return windowHours.lt(minHours.cast(DataTypes.createDecimalType(38, 10)));
  }

  /** A sum of prorated ordinary hours as compared with the threshold (§5.6): rounded to two decimals. */
  public static Column windowHours(Column sum) {
    return round(coalesce(sum, lit(0.0)).cast(DataTypes.createDecimalType(38, 10)), 2);
  }
}
