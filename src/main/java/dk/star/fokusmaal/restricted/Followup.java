package dk.star.fokusmaal.restricted;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.reference.Benefit;
import dk.star.fokusmaal.rules.Months;
import dk.star.fokusmaal.rules.RuleSet;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.silver.Activity;
import dk.star.fokusmaal.silver.ActivityMonths;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * {@code restricted.followup_persons} (SPEC §8.7): the job centre's worklist of a month — the
 * citizens who are passive now, or will be passive at one of the next three month-ends if nothing
 * new happens, so that a caseworker can see them before they count as passive.
 *
 * <p>"Nothing new happens" means: no conversation, offer or pay after the last day of the list's
 * month {@code m}. The window of the month-end {@code m+k} (k = 1, 2, 3) is {@code m+k-11 … m+k};
 * of what is known today only the months {@code m+k-11 … m} stay in it, so conversations and
 * offers of the oldest months drop out and hours fall. Whether the person is then passive is
 * decided by the same rules as the gold shares ({@link Activity#passiveConversations}, {@link
 * Activity#passiveOffers}) with the rules of the year of {@code m+k}: no threshold is repeated
 * here.
 *
 * <p>A conversation held in month {@code m+1 … m+k} lies in the window of {@code m+k}, so the
 * latest date by which a missing conversation must be held to count at the end of {@code m+k} is
 * the last day of {@code m+k}; the i-th missing conversation is due at the first month-end that
 * needs at least i new ones.
 */
public final class Followup {
  private Followup() {}

  /** How many month-ends ahead the list looks. */
  public static final int AHEAD = 3;

  // Scratch columns of this class, dropped before a frame leaves it.
  private static final String IDX = Months.MONTH_INDEX, IS_CAND = "_is_candidate", CONV_N = "_conv_n_",
      OFFER = "_offer_", HOURS = "_hours", CONV_AT = "_conv_at_", OFFER_AT = "_offer_at_",
      HOURS_AT = "_hours_at_", LAST_OFFER = "_last_offer",
      PASSIVE_CONV_AT = "_passive_conv_at_",
      PASSIVE_OFFER_AT = "_passive_offer_at_", BELOW_AT = "_below_at_", NEED_MAX = "_need_max",
      PICK = "_pick", REACH = "_reach", MIN_CONV_AT = "_min_conversations_at_", MIN_HOURS_AT = "_min_hours_at_";

  /** The columns of a candidate: who may belong on the list of a month. */
  public static final String CANDIDATE_DDL =
      "person_id string, month date, municipality_code int, benefit_code string, benefit_group string, "
          + "in_population boolean, counts_from date, seniority_months double";

  /**
   * Who may belong on the list of each month {@code from … to}: every person of the population
   * (benefit, municipality and spell as the population decided them), and every person whose
   * benefit spell is in force at the end of the month and will reach 12 months' seniority by the
   * end of the third month after it if it goes on ({@code counts_from} = the month they will
   * first count in). Columns: {@link #CANDIDATE_DDL}.
   *
   * <p>For municipal benefits and sickness benefit the day of 12 months' seniority is known from
   * the spell's start (SPEC §5.3). For unemployment insurance seniority is accumulated hours; the
   * forecast assumes full-time unemployment ({@code fleur.hours_per_month} a month) from here,
   * the earliest the person can qualify.
   *
   * @param population person-months of the population ({@code silver.person_month} columns)
   * @param spellMonths spell-months of {@link dk.star.fokusmaal.silver.Population#spellMonths}
   */
  public static Dataset<Row> candidates(
      Dataset<Row> population, Dataset<Row> spellMonths, Rules rules, YearMonth from, YearMonth to) {
    Column inMonths = col(Cols.MONTH).between(lit(Months.date(from)), lit(Months.date(to)));
    Column rate = lit(rules.fleurHoursPerMonth());
    Column isFleur = col(Cols.SOURCE).equalTo(Sources.FLEUR);
    Column seniority =
        round(
            when(isFleur, col(Cols.ACCUMULATED_HOURS).divide(rate).cast(DataTypes.DoubleType))
                .otherwise(months_between(date_add(col(Cols.DAY_D), 1), col(Cols.SPELL_START))),
            2);
    Dataset<Row> sm = spellMonths.filter(inMonths);

    Dataset<Row> members =
        population.filter(inMonths)
            .join(sm.select(col(Cols.SPELL_ID), col(Cols.MONTH), col(Cols.SOURCE), col(Cols.ACCUMULATED_HOURS)),
                new String[] {Cols.SPELL_ID, Cols.MONTH}, "left")
            .select(
                col(Cols.PERSON_ID), col(Cols.MONTH), col(Cols.MUNICIPALITY_CODE), col(Cols.BENEFIT_CODE),
                col(Cols.BENEFIT_GROUP), lit(true).as(Cols.IN_POPULATION), col(Cols.MONTH).as(Cols.COUNTS_FROM),
                seniority.as(Cols.SENIORITY_MONTHS));

    // Months until the spell qualifies, if it goes on.
    Column monthsReach =
        Months.index(trunc(date_sub(add_months(col(Cols.SPELL_START), rules.seniorityMonths()), 1), "MM"))
            .minus(Months.index(col(Cols.MONTH)));
    Column hoursReach =
        ceil(lit(rules.fleurSeniorityHours()).minus(coalesce(col(Cols.ACCUMULATED_HOURS), lit(0))).divide(rate))
            .cast(DataTypes.IntegerType);
    Column excludedIntegration =
        col(Cols.BENEFIT_CODE).equalTo(Benefit.OVERGANGSYDELSE.code()).and(col(Cols.IN_INTEGRATION_PROGRAMME));
    Dataset<Row> soon =
        sm.filter(not(col(Cols.SENIORITY_REACHED)).and(not(excludedIntegration))
                .and(col(Cols.DAY_D).equalTo(last_day(col(Cols.MONTH)))))
            .withColumn(REACH, when(isFleur, hoursReach).otherwise(monthsReach))
            .filter(col(REACH).between(1, AHEAD))
            .withColumn(PICK, row_number().over(Window.partitionBy(col(Cols.PERSON_ID), col(Cols.MONTH))
                .orderBy(col(REACH), col(Cols.SPELL_START), col(Cols.BENEFIT_CODE), col(Cols.SPELL_ID))))
            .filter(col(PICK).equalTo(1))
            .join(members.select(col(Cols.PERSON_ID), col(Cols.MONTH)), new String[] {Cols.PERSON_ID, Cols.MONTH}, "left_anti")
            .select(
                col(Cols.PERSON_ID), col(Cols.MONTH), col(Cols.MUNICIPALITY_CODE), col(Cols.BENEFIT_CODE),
                col(Cols.BENEFIT_GROUP), lit(false).as(Cols.IN_POPULATION),
                add_months(col(Cols.MONTH), col(REACH)).as(Cols.COUNTS_FROM), seniority.as(Cols.SENIORITY_MONTHS));
    return members.unionByName(soon);
  }

  /**
   * The worklist rows of {@code restricted.followup_persons} (without run_id) for the candidates
   * of the months {@code from … to}: those passive now or at one of the next three month-ends if
   * nothing new happens, with what they need and by when, and their priority in the list of
   * their month and municipality.
   *
   * @param candidates {@link #candidates} rows ({@link #CANDIDATE_DDL})
   * @param activity {@code silver.activity_month} rows of at least the months {@code from-11 … to}
   */
  public static Dataset<Row> persons(
      Dataset<Row> candidates, Dataset<Row> activity, Rules rules, YearMonth from, YearMonth to) {
    // Rule variants as in Activity: the counted types of the year of each month-end looked at.
    Map<Set<String>, Integer> convVariants = new LinkedHashMap<>();
    Map<List<Set<String>>, Integer> offerVariants = new LinkedHashMap<>();
    Map<Integer, int[]> yearVariant = new LinkedHashMap<>();
    for (int y = from.getYear(); y <= to.plusMonths(AHEAD).getYear(); y++) {
      RuleSet r = rules.forYear(y);
      int cv = convVariants.computeIfAbsent(r.conversationTypes(), k -> convVariants.size());
      int ov = offerVariants.computeIfAbsent(List.of(r.offerTypes(), r.offerStatuses()), k -> offerVariants.size());
      yearVariant.put(y, new int[] {cv, ov});
    }

    List<Column> act = new ArrayList<>();
    act.add(col(Cols.PERSON_ID));
    act.add(Months.index(col(Cols.MONTH)).as(IDX));
    act.add(lit(false).as(IS_CAND));
    convVariants.forEach((types, v) -> act.add(ActivityMonths.conversationDays(types).as(CONV_N + v)));
    offerVariants.forEach((k, v) -> act.add(ActivityMonths.hasOffer(k.get(0), k.get(1)).as(OFFER + v)));
    act.add(col(Cols.ORDINARY_HOURS).as(HOURS));
    Dataset<Row> events =
        activity
            .filter(col(Cols.MONTH).between(lit(Months.date(from.minusMonths(11))), lit(Months.date(to))))
            .join(candidates.select(col(Cols.PERSON_ID)).distinct(), Cols.PERSON_ID)
            .select(act.toArray(Column[]::new));
    Dataset<Row> all =
        candidates.withColumn(IDX, Months.index(col(Cols.MONTH))).withColumn(IS_CAND, lit(true))
            .unionByName(events, true);

    // What of today's activity is still in the window of the month-end k months ahead: the
    // months m+k-11 … m. One windowed sum per rule variant (usually one for all years), then the
    // variant of the year of m+k is picked: a window aggregate per year would repeat the same sums.
    WindowSpec person = Window.partitionBy(col(Cols.PERSON_ID)).orderBy(col(IDX));
    WindowSpec window = person.rangeBetween(-11, 0);
    List<Column> sums = new ArrayList<>();
    sums.add(col("*"));
    for (int k = 0; k <= 11; k++) {
      WindowSpec kept = person.rangeBetween(-(11 - k), 0);
      if (k <= AHEAD) {
        for (int v : convVariants.values()) {
          sums.add(coalesce(sum(col(CONV_N + v)).over(kept), lit(0)).cast(DataTypes.LongType).as(CONV_AT + k + "_" + v));
        }
        for (int v : offerVariants.values()) {
          sums.add(coalesce(max(col(OFFER + v)).over(kept), lit(false)).as(OFFER_AT + k + "_" + v));
        }
      }
      sums.add(Activity.windowHours(sum(col(HOURS)).over(kept)).as(HOURS_AT + k));
    }
    // The month of the latest counted offer in today's window.
    for (int v : offerVariants.values()) sums.add(max(when(col(OFFER + v), col(IDX))).over(window).as(LAST_OFFER + "_" + v));
    Map<String, Column> byYear = new LinkedHashMap<>();
    for (int k = 0; k <= AHEAD; k++) {
      Column conv = null, offer = null;
      for (var y : yearVariant.entrySet()) {
        Column inYear = floor(col(IDX).plus(k).divide(12)).equalTo(y.getKey());
        Column c = col(CONV_AT + k + "_" + y.getValue()[0]);
        Column o = col(OFFER_AT + k + "_" + y.getValue()[1]);
        conv = conv == null ? when(inYear, c) : conv.when(inYear, c);
        offer = offer == null ? when(inYear, o) : offer.when(inYear, o);
      }
      byYear.put(CONV_AT + k, conv);
      byYear.put(OFFER_AT + k, offer);
    }
    // The latest offer counts with the types of the list month's year.
    Column lastOffer = null;
    for (var y : yearVariant.entrySet()) {
      Column inYear = floor(col(IDX).divide(12)).equalTo(y.getKey());
      Column l = col(LAST_OFFER + "_" + y.getValue()[1]);
      lastOffer = lastOffer == null ? when(inYear, l) : lastOffer.when(inYear, l);
    }
    byYear.put(LAST_OFFER, lastOffer);
    Dataset<Row> w = all.select(sums.toArray(Column[]::new)).filter(col(IS_CAND)).withColumns(byYear);

    // The rules of each month-end ahead decide; nothing is passive before the person counts. The
    // minimums of the month-ends m … m+12 come in one join (columns added in one step: a plan
    // re-analysed per column or per join grows quadratically).
    w = w.join(broadcast(rulesAhead(w.sparkSession(), rules, from, to)), Cols.MONTH);
    Column countedFrom = Months.index(col(Cols.COUNTS_FROM)).minus(col(IDX));
    Map<String, Column> flags = new LinkedHashMap<>();
    for (int k = 0; k <= 12; k++) {
      Column hours = k <= 11 ? col(HOURS_AT + k) : Activity.windowHours(lit(null).cast(DataTypes.DoubleType));
      Column minHours = col(MIN_HOURS_AT + k);
      flags.put(BELOW_AT + k, Activity.hoursBelowThreshold(hours, minHours));
      if (k <= AHEAD) {
        Column counted = countedFrom.leq(k);
        Column minConv = col(MIN_CONV_AT + k);
        flags.put(PASSIVE_CONV_AT + k, counted.and(Activity.passiveConversations(col(CONV_AT + k), minConv)));
        flags.put(PASSIVE_OFFER_AT + k, counted.and(Activity.passiveOffers(col(OFFER_AT + k), hours, minHours)));
        if (k >= 1) {
          flags.put(Cols.CONVERSATIONS_NEEDED_PREFIX + k,
              when(counted, Activity.conversationsNeeded(col(CONV_AT + k), minConv).cast(DataTypes.IntegerType)));
        }
      }
    }
    w = w.withColumns(flags);

    Column[] monthEnd = new Column[AHEAD + 1];
    for (int k = 1; k <= AHEAD; k++) monthEnd[k] = last_day(add_months(col(Cols.MONTH), k));
    Column need1 = coalesce(col(Cols.CONVERSATIONS_NEEDED_1), lit(0));
    Column need2 = coalesce(col(Cols.CONVERSATIONS_NEEDED_2), lit(0));
    Column need3 = coalesce(col(Cols.CONVERSATIONS_NEEDED_3), lit(0));
    Column dueDates =
        when(col(NEED_MAX).gt(0),
                transform(sequence(lit(1), col(NEED_MAX)),
                    i -> when(i.leq(need1), monthEnd[1]).when(i.leq(need2), monthEnd[2]).otherwise(monthEnd[3])))
            .otherwise(array().cast(DataTypes.createArrayType(DataTypes.DateType)));
    Column offerDue = null;
    for (int k = AHEAD; k >= 1; k--) {
      offerDue = offerDue == null ? when(col(PASSIVE_OFFER_AT + k), monthEnd[k])
          : when(col(PASSIVE_OFFER_AT + k), monthEnd[k]).otherwise(offerDue);
    }
    Column hoursBelow = null;
    for (int k = 12; k >= 1; k--) {
      Column first = add_months(col(Cols.MONTH), k);
      hoursBelow = hoursBelow == null ? when(col(BELOW_AT + k), first) : when(col(BELOW_AT + k), first).otherwise(hoursBelow);
    }
    Column passiveNow = col(Cols.PASSIVE_CONVERSATIONS_FLAG).or(col(Cols.PASSIVE_OFFERS_FLAG));
    Column ahead = lit(false);
    for (int k = 1; k <= AHEAD; k++) ahead = ahead.or(col(PASSIVE_CONV_AT + k)).or(col(PASSIVE_OFFER_AT + k));

    Map<String, Column> row = new LinkedHashMap<>();
    row.put(Cols.CONVERSATIONS_12M, col(CONV_AT + 0));
    row.put(Cols.PASSIVE_CONVERSATIONS_FLAG, col(Cols.IN_POPULATION).and(col(PASSIVE_CONV_AT + 0)));
    row.put(Cols.PASSIVE_OFFERS_FLAG, col(Cols.IN_POPULATION).and(col(PASSIVE_OFFER_AT + 0)));
    row.put(NEED_MAX, greatest(need1, need2, need3));
    row.put(Cols.HAS_OFFER_12M, col(OFFER_AT + 0));
    row.put(Cols.ORDINARY_HOURS_12M, col(HOURS_AT + 0));
    row.put(Cols.OFFER_DROPS_OUT, when(col(OFFER_AT + 0), add_months(Months.dateOf(col(LAST_OFFER)), 12)));
    row.put(Cols.HOURS_BELOW_THRESHOLD_FROM, when(not(col(BELOW_AT + 0)), hoursBelow));
    row.put(Cols.OFFER_DUE, offerDue);
    return w
        .withColumns(row)
        .filter(passiveNow.or(ahead))
        .withColumn(Cols.CONVERSATION_DUE_DATES, dueDates)
        .withColumn(Cols.NEXT_DUE, least(try_element_at(col(Cols.CONVERSATION_DUE_DATES), lit(1)), col(Cols.OFFER_DUE)))
        .withColumn(Cols.PRIORITY,
            row_number().over(Window.partitionBy(col(Cols.MONTH), col(Cols.MUNICIPALITY_CODE))
                .orderBy(passiveNow.desc(), col(Cols.NEXT_DUE).asc_nulls_last(), col(Cols.PERSON_ID))))
        .select(
            col(Cols.MONTH), col(Cols.MUNICIPALITY_CODE), col(Cols.PRIORITY), col(Cols.PERSON_ID),
            col(Cols.BENEFIT_CODE), col(Cols.BENEFIT_GROUP), col(Cols.IN_POPULATION), col(Cols.COUNTS_FROM),
            col(Cols.SENIORITY_MONTHS), col(Cols.PASSIVE_CONVERSATIONS_FLAG), col(Cols.PASSIVE_OFFERS_FLAG),
            col(Cols.CONVERSATIONS_12M), col(Cols.CONVERSATIONS_NEEDED_1), col(Cols.CONVERSATIONS_NEEDED_2),
            col(Cols.CONVERSATIONS_NEEDED_3), col(Cols.CONVERSATION_DUE_DATES), col(Cols.HAS_OFFER_12M),
            col(Cols.OFFER_DROPS_OUT), col(Cols.ORDINARY_HOURS_12M), col(Cols.HOURS_BELOW_THRESHOLD_FROM),
            col(Cols.OFFER_DUE), col(Cols.NEXT_DUE));
  }

  /**
   * Per list month {@code m} of {@code from … to}: the rules of the month-ends {@code m … m+12}
   * that decide passivity ahead, the minimum conversations ({@code _min_conversations_at_k}) and
   * the ordinary-hours threshold ({@code _min_hours_at_k}). About 12 rows a year, from
   * configuration only.
   */
  static Dataset<Row> rulesAhead(SparkSession spark, Rules rules, YearMonth from, YearMonth to) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(Cols.MONTH, DataTypes.DateType, false));
    for (int k = 0; k <= 12; k++) {
      fields.add(DataTypes.createStructField(MIN_CONV_AT + k, DataTypes.IntegerType, false));
      fields.add(DataTypes.createStructField(MIN_HOURS_AT + k, DataTypes.DoubleType, false));
    }
    List<Row> rows = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      List<Object> v = new ArrayList<>();
      v.add(Months.date(m));
      for (int k = 0; k <= 12; k++) {
        RuleSet r = rules.forMonth(m.plusMonths(k));
        v.add(r.minConversations());
        v.add(r.minOrdinaryHours());
      }
      rows.add(RowFactory.create(v.toArray()));
    }
    return spark.createDataFrame(rows, DataTypes.createStructType(fields));
  }
}
