package dk.star.fokusmaal.silver;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.reference.Codes.ConversationStatus;
import dk.star.fokusmaal.reference.Codes.ConversationType;
import dk.star.fokusmaal.reference.Codes.EmploymentType;
import dk.star.fokusmaal.rules.Months;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code silver.activity_month}: what happened to a person in one calendar month, before any rule
 * of SPEC §7 is applied, so that every rule variant (counted types, statuses, thresholds) and
 * every window can be computed from it without the registers:
 *
 * <ul>
 *   <li>{@code held_conversation_days}: per conversation type, the days of the month with a held
 *       ({@code AFHOLDT}) conversation as a bit mask; the conversations of a set of types count as
 *       {@code bit_count} of the OR of their masks, so several on one day count once (§5.4);
 *   <li>{@code offer_kinds}: the {@code OFFER_TYPE/STATUS} of every offer in force on some day of
 *       the month (an offer overlaps a window exactly when it is in force in one of its months,
 *       §5.5); ongoing offers run to the last month the registers cover;
 *   <li>{@code ordinary_hours}: ordinary paid hours, a pay period counting in proportion to its
 *       days in the month (§5.6).
 * </ul>
 *
 * One row per person and month with any of the three, for the persons given (those ever in the
 * population: nobody else's activity is ever counted).
 */
public final class ActivityMonths {
  private ActivityMonths() {}

  // Scratch columns of this class, dropped before a frame leaves it.
  private static final String DAY_BIT = "_day_bit", TYPE = "_type", KIND = "_kind",
      HOURS = "_hours";

  /**
   * @param conversations tass_conversations, corrections resolved
   * @param offers plandata_offers, corrections resolved
   * @param pay eindkomst, corrections resolved
   * @param persons {@code person_id} of the persons to keep
   * @param first the first month kept
   * @param last the last month kept (the data horizon: ongoing offers run to it)
   */
  public static Dataset<Row> of(
      Dataset<Row> conversations, Dataset<Row> offers, Dataset<Row> pay, Dataset<Row> persons,
      YearMonth first, YearMonth last) {
    Column firstDay = lit(Months.date(first));
    Column lastDay = lit(Months.lastDay(last));
    Column inRange = col(Cols.MONTH).between(firstDay, lit(Months.date(last)));
    Dataset<Row> held =
        conversations
            .filter(col(Cols.STATUS).equalTo(ConversationStatus.AFHOLDT.name()))
            .select(
                col(Cols.PERSON_ID),
                trunc(col(Cols.CONVERSATION_DATE), "MM").as(Cols.MONTH),
                col(Cols.CONVERSATION_TYPE).as(TYPE),
                call_function("shiftleft", lit(1), dayofmonth(col(Cols.CONVERSATION_DATE)).minus(1)).as(DAY_BIT),
                lit(null).cast(DataTypes.StringType).as(KIND),
                lit(null).cast(DataTypes.DoubleType).as(HOURS));
    Dataset<Row> inForce =
        offers
            .filter(col(Cols.START_DATE).leq(lastDay).and(coalesce(col(Cols.END_DATE), lastDay).geq(firstDay)))
            .withColumn(Cols.MONTH,
                Months.eachMonth(greatest(col(Cols.START_DATE), firstDay), least(coalesce(col(Cols.END_DATE), lastDay), lastDay)))
            .select(
                col(Cols.PERSON_ID), col(Cols.MONTH),
                lit(null).cast(DataTypes.StringType).as(TYPE),
                lit(null).cast(DataTypes.IntegerType).as(DAY_BIT),
                concat_ws("/", col(Cols.OFFER_TYPE), col(Cols.STATUS)).as(KIND),
                lit(null).cast(DataTypes.DoubleType).as(HOURS));
    Column payDays = datediff(col(Cols.PERIOD_END), col(Cols.PERIOD_START)).plus(1);
    Dataset<Row> hours =
        pay.filter(col(Cols.EMPLOYMENT_TYPE).equalTo(EmploymentType.ORDINAER.name())
                .and(col(Cols.PERIOD_START).leq(lastDay)).and(col(Cols.PERIOD_END).geq(firstDay)))
            .withColumn(Cols.MONTH,
                Months.eachMonth(greatest(col(Cols.PERIOD_START), firstDay), least(col(Cols.PERIOD_END), lastDay)))
            .select(
                col(Cols.PERSON_ID), col(Cols.MONTH),
                lit(null).cast(DataTypes.StringType).as(TYPE),
                lit(null).cast(DataTypes.IntegerType).as(DAY_BIT),
                lit(null).cast(DataTypes.StringType).as(KIND),
                col(Cols.PAID_HOURS)
                    .multiply(
                        datediff(least(col(Cols.PERIOD_END), last_day(col(Cols.MONTH))),
                                greatest(col(Cols.PERIOD_START), col(Cols.MONTH)))
                            .plus(1))
                    .divide(payDays)
                    .as(HOURS));

    List<Column> days = new ArrayList<>();
    for (ConversationType t : ConversationType.values()) {
      days.add(struct(lit(t.name()).as("key"),
          bit_or(when(col(TYPE).equalTo(t.name()), col(DAY_BIT))).as("value")));
    }
    Column conversationDays =
        map_from_entries(filter(array(days.toArray(Column[]::new)), e -> e.getField("value").isNotNull()));
    return held.unionByName(inForce).unionByName(hours)
        .filter(inRange)
        .join(broadcast(persons.select(col(Cols.PERSON_ID)).distinct()), Cols.PERSON_ID)
        .groupBy(col(Cols.PERSON_ID), col(Cols.MONTH))
        .agg(
            conversationDays.as(Cols.CONVERSATION_DAYS),
            array_sort(collect_set(col(KIND))).as(Cols.OFFER_KINDS),
            sum(col(HOURS)).as(Cols.ORDINARY_HOURS));
  }

  /** The number of days of the month with a held conversation of one of {@code types}. */
  public static Column conversationDays(Set<String> types) {
    Column mask = lit(0);
    for (String t : types.stream().sorted().toList()) {
      mask = mask.bitwiseOR(coalesce(try_element_at(col(Cols.CONVERSATION_DAYS), lit(t)), lit(0)));
    }
    return bit_count(mask);
  }

  /** Whether an offer of one of {@code types} with one of {@code statuses} is in force in the month. */
  public static Column hasOffer(Set<String> types, Set<String> statuses) {
    List<Column> kinds = new ArrayList<>();
    for (String t : types.stream().sorted().toList()) {
      for (String s : statuses.stream().sorted().toList()) kinds.add(lit(t + "/" + s));
    }
    return coalesce(arrays_overlap(col(Cols.OFFER_KINDS), array(kinds.toArray(Column[]::new))), lit(false));
  }
}
