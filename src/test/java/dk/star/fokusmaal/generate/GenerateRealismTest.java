package dk.star.fokusmaal.generate;

import static dk.star.fokusmaal.contract.Cols.BENEFIT_CODE;
import static dk.star.fokusmaal.contract.Cols.CONVERSATION_DATE;
import static dk.star.fokusmaal.contract.Cols.CONVERSATION_TYPE;
import static dk.star.fokusmaal.contract.Cols.END_DATE;
import static dk.star.fokusmaal.contract.Cols.IN_INTEGRATION_PROGRAMME;
import static dk.star.fokusmaal.contract.Cols.MUNICIPALITY_CODE;
import static dk.star.fokusmaal.contract.Cols.OFFER_TYPE;
import static dk.star.fokusmaal.contract.Cols.PERIOD_END;
import static dk.star.fokusmaal.contract.Cols.PERIOD_START;
import static dk.star.fokusmaal.contract.Cols.PERSON_ID;
import static dk.star.fokusmaal.contract.Cols.REPORTED_AT;
import static dk.star.fokusmaal.contract.Cols.START_DATE;
import static dk.star.fokusmaal.contract.Cols.STATUS;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.reference.BenefitGroup;
import dk.star.fokusmaal.testing.SparkTestBase;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.junit.jupiter.api.Test;

/**
 * The synthetic registers have the shape SPEC §10 asks for, within tolerances, on the small shared
 * data set (6,000 persons, 2021–2022). The fokusmål themselves need the rules engine; the proxies
 * here are computed straight from the landed rows.
 */
class GenerateRealismTest extends SparkTestBase {
  private static final GenerateOptions O = GeneratedLakes.SHARED;
  private static final LocalDate FIRST = LocalDate.of(2021, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2022, 12, 31);
  private static final List<String> COUNTED_CONVERSATIONS =
      List.of("JOBSAMTALE", "OPFOELGNINGSSAMTALE", "FAELLES_JOBSAMTALE", "INTEGRATIONSSAMTALE", "FLEKSJOB_OPFOELGNING");
  private static final List<String> COUNTED_OFFERS =
      List.of("VIRKSOMHEDSPRAKTIK", "LOENTILSKUD_PRIVAT", "LOENTILSKUD_OFFENTLIG", "VEJLEDNING_OPKVALIFICERING", "NYTTEINDSATS");

  private Dataset<Row> latest(String source) {
    return GeneratedLakes.latest(session(), GeneratedLakes.lake(session(), O), source, O.deliveries());
  }

  private Dataset<Row> all(String source) {
    return GeneratedLakes.deliveries(session(), GeneratedLakes.lake(session(), O), source, O.deliveries());
  }

  private static Set<String> values(Dataset<Row> d, String column) {
    Set<String> s = new HashSet<>();
    for (Row r : d.select(column).distinct().collectAsList()) s.add(r.getString(0));
    return s;
  }

  /** Days of [a, b] inside 2021–2022. */
  private static Column daysInside(Column a, Column b) {
    return greatest(lit(0), datediff(least(b, lit(LAST)), greatest(a, lit(FIRST))).plus(lit(1)));
  }

  @Test
  void theThreeBenefitGroupsAreRoughlyAThirdEach() {
    Column open = coalesce(col(END_DATE), lit(LAST));
    Dataset<Row> municipal =
        latest(Sources.MUNICIPAL_BENEFITS)
            .select(BenefitTracks.group(col(BENEFIT_CODE)).as(Cols.BENEFIT_GROUP), daysInside(col(START_DATE), open).as("d"));
    Dataset<Row> sick =
        latest(Sources.KMD_SYGEDAGPENGE)
            .select(lit(BenefitGroup.SYGEDAGPENGE_MV.name()).as(Cols.BENEFIT_GROUP), daysInside(col(START_DATE), open).as("d"));
    Dataset<Row> insured =
        latest(Sources.FLEUR)
            .filter(col(BENEFIT_CODE).isin("A_DAGPENGE", "KONTANTYDELSE", "ARBEJDSMARKEDSYDELSE"))
            .select(lit(BenefitGroup.A_DAGPENGE_MV.name()).as(Cols.BENEFIT_GROUP), daysInside(col(PERIOD_START), col(PERIOD_END)).as("d"));
    List<Row> groups =
        municipal.unionByName(sick).unionByName(insured)
            .filter(col(Cols.BENEFIT_GROUP).isNotNull())
            .groupBy(Cols.BENEFIT_GROUP).agg(sum("d").as("d"))
            .collectAsList();
    assertEquals(3, groups.size());
    double total = groups.stream().mapToDouble(r -> r.getLong(1)).sum();
    for (Row g : groups) {
      double share = g.getLong(1) / total;
      assertTrue(share > 0.20 && share < 0.45, g.getString(0) + " has " + share + " of the benefit days");
    }
  }

  @Test
  void municipalitiesInProportionToTheirSize() {
    Dataset<Row> persons =
        latest(Sources.MUNICIPAL_BENEFITS).select(PERSON_ID, MUNICIPALITY_CODE)
            .unionByName(latest(Sources.KMD_SYGEDAGPENGE).select(PERSON_ID, MUNICIPALITY_CODE))
            .unionByName(latest(Sources.FLEUR).select(PERSON_ID, MUNICIPALITY_CODE))
            .groupBy(MUNICIPALITY_CODE).agg(countDistinct(PERSON_ID).as("n"));
    long aalborg = persons.filter(col(MUNICIPALITY_CODE).equalTo(851)).first().getLong(1);
    long odder = persons.filter(col(MUNICIPALITY_CODE).equalTo(727)).first().getLong(1);
    double ratio = (double) aalborg / odder;
    assertTrue(ratio > 5 && ratio < 25, "Aalborg/Odder persons " + aalborg + "/" + odder);
    assertTrue(persons.count() >= 95, "municipalities with recipients: " + persons.count());
    Row biggest = persons.orderBy(col("n").desc()).first();
    assertEquals(101, biggest.getInt(0), "København has the most recipients");
  }

  @Test
  void everyBenefitAndTheirTransitions() {
    Dataset<Row> municipal = latest(Sources.MUNICIPAL_BENEFITS).cache();
    assertEquals(Sources.MUNICIPAL_SPEC.codes().get(BENEFIT_CODE), values(municipal, BENEFIT_CODE));
    assertEquals(Sources.FLEUR_SPEC.codes().get(BENEFIT_CODE), values(latest(Sources.FLEUR), BENEFIT_CODE));
    // Overgangsydelse in and out of the integration programme.
    Dataset<Row> overgang = municipal.filter(col(BENEFIT_CODE).equalTo("OVERGANGSYDELSE"));
    assertTrue(overgang.filter(col(IN_INTEGRATION_PROGRAMME)).count() > 0);
    assertTrue(overgang.filter(not(col(IN_INTEGRATION_PROGRAMME))).count() > 0);
    // Selvforsørgelses- or hjemrejseydelse followed by kontanthjælp within a month (one spell).
    Dataset<Row> a = municipal.filter(col(BENEFIT_CODE).isin("SELVFORSOERGELSESYDELSE", "HJEMREJSEYDELSE")).alias("a");
    Dataset<Row> b = municipal.filter(col(BENEFIT_CODE).equalTo("KONTANTHJAELP")).alias("b");
    long followed =
        a.join(b, col("a." + PERSON_ID).equalTo(col("b." + PERSON_ID))
                .and(datediff(col("b." + START_DATE), col("a." + END_DATE)).between(1, 28)))
            .count();
    assertTrue(followed > 0, "integration benefit followed by kontanthjælp");
    // Open periods, moves, long spells.
    assertTrue(municipal.filter(col(END_DATE).isNull()).count() > 0, "open municipal periods");
    assertTrue(latest(Sources.KMD_SYGEDAGPENGE).filter(col(END_DATE).isNull()).count() > 0, "open sickness cases");
    long movers =
        municipal.groupBy(PERSON_ID).agg(countDistinct(MUNICIPALITY_CODE).as("m")).filter(col("m").gt(1)).count();
    assertTrue(movers > 0, "persons who moved");
    long benefitChangers =
        municipal.groupBy(PERSON_ID).agg(countDistinct(BENEFIT_CODE).as("b")).filter(col("b").gt(1)).count();
    assertTrue(benefitChangers > 0, "persons who changed benefit");
    long longSpells =
        municipal.groupBy(PERSON_ID, BENEFIT_CODE)
            .agg(org.apache.spark.sql.functions.min(START_DATE).as("s"),
                org.apache.spark.sql.functions.max(coalesce(col(END_DATE), lit(LAST))).as("e"))
            .filter(datediff(col("e"), col("s")).gt(730))
            .count();
    assertTrue(longSpells > 100, "long spells: " + longSpells);
    // Short gaps (no whole calendar month) and long ones between periods of one benefit.
    Dataset<Row> gaps =
        municipal.withColumn("prev_end", lag(col(END_DATE), 1).over(Window.partitionBy(PERSON_ID, BENEFIT_CODE).orderBy(START_DATE)))
            .withColumn("gap", datediff(col(START_DATE), col("prev_end")).minus(lit(1)))
            .filter(col("gap").isNotNull());
    assertTrue(gaps.filter(col("gap").between(1, 27)).count() > 0, "short gaps");
    assertTrue(gaps.filter(col("gap").gt(62)).count() > 0, "long gaps");
    municipal.unpersist();
  }

  @Test
  void fleurPaymentPeriods() {
    Dataset<Row> f = latest(Sources.FLEUR).filter(col(BENEFIT_CODE).equalTo("A_DAGPENGE")).cache();
    Column days = datediff(col(PERIOD_END), col(PERIOD_START)).plus(lit(1));
    Column max = lit(37.0).multiply(days).divide(lit(7.0));
    assertEquals(0, f.filter(col(Cols.UNEMPLOYMENT_HOURS).gt(max.plus(lit(1e-9)))).count(), "more than 37 hours a week");
    assertTrue(f.filter(dayofmonth(col(PERIOD_START)).equalTo(1).and(col(PERIOD_END).equalTo(last_day(col(PERIOD_START))))).count() > 0, "calendar months");
    for (int d : new int[] {14, 21, 28}) {
      assertTrue(f.filter(days.equalTo(d).and(dayofmonth(col(PERIOD_START)).notEqual(1))).count() > 0, d + "-day periods");
    }
    Column share = col(Cols.UNEMPLOYMENT_HOURS).divide(max);
    long full = f.filter(share.gt(0.95)).count();
    long half = f.filter(share.between(0.3, 0.7)).count();
    assertTrue(half > 0.05 * full && half < 0.5 * full, "part-time periods " + half + " of " + full);
    f.unpersist();
  }

  @Test
  void conversationsOffersAndWorkHaveEveryCode() {
    Dataset<Row> tass = latest(Sources.TASS_CONVERSATIONS).cache();
    assertEquals(Sources.TASS_SPEC.codes().get(CONVERSATION_TYPE), values(tass, CONVERSATION_TYPE));
    assertEquals(Sources.TASS_SPEC.codes().get(Cols.CHANNEL), values(tass, Cols.CHANNEL));
    assertEquals(Sources.TASS_SPEC.codes().get(STATUS), values(tass, STATUS));
    long duplicates =
        tass.filter(col(STATUS).equalTo("AFHOLDT"))
            .groupBy(PERSON_ID, CONVERSATION_DATE).count().filter(col("count").gt(1)).count();
    assertTrue(duplicates > 0, "two held conversations on the same date");
    tass.unpersist();
    Dataset<Row> offers = latest(Sources.PLANDATA_OFFERS);
    assertEquals(Sources.PLANDATA_SPEC.codes().get(OFFER_TYPE), values(offers, OFFER_TYPE));
    assertEquals(Sources.PLANDATA_SPEC.codes().get(STATUS), values(offers, STATUS));
    assertTrue(offers.filter(col(STATUS).equalTo("IGANGVAERENDE").and(col(END_DATE).isNull())).count() > 0, "ongoing offers");
    Dataset<Row> pay = latest(Sources.EINDKOMST);
    assertEquals(Sources.EINDKOMST_SPEC.codes().get(Cols.EMPLOYMENT_TYPE), values(pay, Cols.EMPLOYMENT_TYPE));
    assertTrue(pay.filter(month(col(PERIOD_START)).notEqual(month(col(PERIOD_END)))).count() > 0, "pay periods straddling months");
  }

  @Test
  void laterDeliveriesCorrectEarlierRows() {
    // The same key again, later, with another value.
    Dataset<Row> periods = all(Sources.MUNICIPAL_BENEFITS);
    Dataset<Row> early = periods.filter(col(END_DATE).isNull()).select(col(Cols.PERIOD_ID), col(REPORTED_AT).as("t0"));
    Dataset<Row> late = periods.filter(col(END_DATE).isNotNull()).select(col(Cols.PERIOD_ID), col(REPORTED_AT).as("t1"));
    assertTrue(early.join(late, Cols.PERIOD_ID).filter(col("t1").gt(col("t0"))).count() > 0, "end date set later");

    Dataset<Row> tass = all(Sources.TASS_CONVERSATIONS);
    Dataset<Row> noShow = tass.filter(col(STATUS).equalTo("UDEBLEVET")).select(col(Cols.CONVERSATION_ID), col(REPORTED_AT).as("t0"));
    Dataset<Row> held = tass.filter(col(STATUS).equalTo("AFHOLDT")).select(col(Cols.CONVERSATION_ID), col(REPORTED_AT).as("t1"));
    assertTrue(noShow.join(held, Cols.CONVERSATION_ID).filter(col("t1").gt(col("t0"))).count() > 0, "no-show corrected to held");

    Dataset<Row> offers = all(Sources.PLANDATA_OFFERS);
    Dataset<Row> planned = offers.filter(col(STATUS).equalTo("PLANLAGT")).select(col(Cols.OFFER_ID), col(REPORTED_AT).as("t0"));
    for (String later : List.of("IGANGVAERENDE", "AFSLUTTET", "ANNULLERET")) {
      Dataset<Row> l = offers.filter(col(STATUS).equalTo(later)).select(col(Cols.OFFER_ID), col(REPORTED_AT).as("t1"));
      assertTrue(planned.join(l, Cols.OFFER_ID).filter(col("t1").gt(col("t0"))).count() > 0, "PLANLAGT then " + later);
    }
    for (String source : List.of(Sources.FLEUR, Sources.EINDKOMST, Sources.KMD_SYGEDAGPENGE, Sources.BENCHMARK_EXPECTED, Sources.POPULATION)) {
      Column[] key = Sources.spec(source).key().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
      long resent = all(source).groupBy(key).agg(count(lit(1)).as("n")).filter(col("n").gt(1)).count();
      assertTrue(resent > 0, source + ": no row re-sent in a later delivery");
    }
  }

  @Test
  void covid19Dips() {
    Dataset<Row> tass = latest(Sources.TASS_CONVERSATIONS);
    long lockdown = tass.filter(col(CONVERSATION_DATE).between(LocalDate.of(2020, 3, 12), LocalDate.of(2020, 5, 26))).count();
    long yearAfter = tass.filter(col(CONVERSATION_DATE).between(LocalDate.of(2021, 3, 12), LocalDate.of(2021, 5, 26))).count();
    assertTrue(lockdown < 0.6 * yearAfter, "conversations in the first lockdown " + lockdown + " vs " + yearAfter);
    Dataset<Row> offers = latest(Sources.PLANDATA_OFFERS).filter(col(OFFER_TYPE).isin(COUNTED_OFFERS.toArray()));
    long restricted = offers.filter(col(START_DATE).between(LocalDate.of(2020, 12, 20), LocalDate.of(2021, 5, 30))).count();
    long normal = offers.filter(col(START_DATE).between(LocalDate.of(2021, 12, 20), LocalDate.of(2022, 5, 30))).count();
    assertTrue(restricted < 0.75 * normal, "offers under restrictions " + restricted + " vs " + normal);
  }

  /**
   * Long-term recipients of 2022: a municipal benefit in force on both 1 January 2021 and 31
   * December 2022 (so at least 12 months' seniority all through 2022), as the proxy population.
   */
  private Dataset<Row> longTerm2022() {
    Dataset<Row> m =
        latest(Sources.MUNICIPAL_BENEFITS)
            .filter(col(BENEFIT_CODE).isin("KONTANTHJAELP", "UDDANNELSESHJAELP", "RESSOURCEFORLOEB", "JOBAFKLARINGSFORLOEB", "LEDIGHEDSYDELSE"));
    Column open = coalesce(col(END_DATE), lit(LAST));
    Dataset<Row> startOf = m.filter(col(START_DATE).leq(lit(FIRST)).and(open.geq(lit(FIRST)))).select(PERSON_ID, BENEFIT_CODE);
    Dataset<Row> endOf = m.filter(col(START_DATE).leq(lit(LAST)).and(open.geq(lit(LAST)))).select(PERSON_ID, BENEFIT_CODE);
    return startOf.join(endOf, List.of(PERSON_ID, BENEFIT_CODE).toArray(new String[0])).select(PERSON_ID).distinct();
  }

  @Test
  void mostLongTermRecipientsHaveFourConversationsAndSomeLackOffers() {
    LocalDate y0 = LocalDate.of(2022, 1, 1);
    Dataset<Row> persons = longTerm2022().cache();
    long n = persons.count();
    assertTrue(n > 200, "long-term recipients: " + n);
    Dataset<Row> held =
        latest(Sources.TASS_CONVERSATIONS)
            .filter(col(STATUS).equalTo("AFHOLDT").and(col(CONVERSATION_TYPE).isin(COUNTED_CONVERSATIONS.toArray()))
                .and(col(CONVERSATION_DATE).between(y0, LAST)))
            .groupBy(PERSON_ID).agg(countDistinct(CONVERSATION_DATE).as("c"));
    long fourPlus = persons.join(held, PERSON_ID).filter(col("c").geq(4)).count();
    double share = (double) fourPlus / n;
    assertTrue(share >= 0.85 && share <= 0.97, "long-term recipients with 4 held conversations: " + share);

    Dataset<Row> offered =
        latest(Sources.PLANDATA_OFFERS)
            .filter(col(OFFER_TYPE).isin(COUNTED_OFFERS.toArray()).and(col(STATUS).isin("IGANGVAERENDE", "AFSLUTTET"))
                .and(col(START_DATE).leq(lit(LAST))).and(coalesce(col(END_DATE), lit(LAST)).geq(lit(y0))))
            .select(PERSON_ID).distinct();
    Column inside = datediff(least(col(PERIOD_END), lit(LAST)), greatest(col(PERIOD_START), lit(y0))).plus(lit(1));
    Column length = datediff(col(PERIOD_END), col(PERIOD_START)).plus(lit(1));
    Dataset<Row> worked =
        latest(Sources.EINDKOMST)
            .filter(col(Cols.EMPLOYMENT_TYPE).equalTo("ORDINAER").and(col(PERIOD_END).geq(lit(y0))).and(col(PERIOD_START).leq(lit(LAST))))
            .groupBy(PERSON_ID).agg(sum(col(Cols.PAID_HOURS).multiply(inside).divide(length)).as("h"))
            .filter(col("h").geq(225))
            .select(PERSON_ID);
    long active = persons.join(offered.union(worked).distinct(), PERSON_ID).count();
    double activeShare = (double) active / n;
    // The proxy is the kontanthjælp-type group, which job centres leave without offers more often
    // than the average recipient: with national fokusmål shares of 15–20 % (SPEC §10) it lands
    // near 70 % active (measured at 200,000 persons: 16.5 % national in December 2022).
    assertTrue(activeShare >= 0.62 && activeShare <= 0.90, "long-term recipients with an offer or 225 hours: " + activeShare);
    System.out.printf("long-term recipients 2022: %d, with 4 held conversations %.1f %%, with an offer or 225 hours %.1f %%%n",
        n, share * 100, activeShare * 100);
    persons.unpersist();
  }

  @Test
  void benchmarkExpectsAboutAsManyAsThereAre() {
    // Actual full-time persons of 2022 per municipality (SPEC §8.4), from the landed rows.
    LocalDate y0 = LocalDate.of(2022, 1, 1);
    Column open = coalesce(col(END_DATE), lit(LAST));
    Column days = greatest(lit(0), datediff(least(open, lit(LAST)), greatest(col(START_DATE), lit(y0))).plus(lit(1)));
    Dataset<Row> municipal =
        latest(Sources.MUNICIPAL_BENEFITS)
            .filter(BenefitTracks.group(col(BENEFIT_CODE)).isNotNull())
            .filter(not(col(BENEFIT_CODE).equalTo("OVERGANGSYDELSE").and(col(IN_INTEGRATION_PROGRAMME))))
            .select(col(MUNICIPALITY_CODE), days.divide(lit(365.0)).as("fte"));
    Dataset<Row> sick = latest(Sources.KMD_SYGEDAGPENGE).select(col(MUNICIPALITY_CODE), days.divide(lit(365.0)).as("fte"));
    Column inside = greatest(lit(0), datediff(least(col(PERIOD_END), lit(LAST)), greatest(col(PERIOD_START), lit(y0))).plus(lit(1)));
    Dataset<Row> insured =
        latest(Sources.FLEUR)
            .filter(col(BENEFIT_CODE).isin("A_DAGPENGE", "KONTANTYDELSE", "ARBEJDSMARKEDSYDELSE"))
            .select(col(MUNICIPALITY_CODE),
                col(Cols.UNEMPLOYMENT_HOURS).multiply(inside).divide(datediff(col(PERIOD_END), col(PERIOD_START)).plus(lit(1)))
                    .divide(lit(160.33 * 12)).as("fte"));
    Dataset<Row> actual = municipal.unionByName(sick).unionByName(insured).groupBy(MUNICIPALITY_CODE).agg(sum("fte").as("actual"));
    Dataset<Row> expected =
        latest(Sources.BENCHMARK_EXPECTED)
            .filter(col(PERIOD_START).equalTo(lit(y0)).and(col(PERIOD_END).equalTo(lit(LAST))))
            .groupBy(MUNICIPALITY_CODE).agg(sum(Cols.EXPECTED_FTE).as("expected"), count(lit(1)).as("groups"));
    Dataset<Row> both = expected.join(actual, MUNICIPALITY_CODE).cache();
    assertEquals(98, expected.count());
    assertEquals(0, expected.filter(col("groups").notEqual(3)).count());
    long above = both.filter(col("actual").gt(col("expected").plus(lit(0.05)))).count();
    assertTrue(above >= 30 && above <= 62, "municipalities above expected: " + above);
    Dataset<Row> big = both.filter(col("actual").gt(10));
    assertTrue(big.count() > 30, "municipalities with more than 10 full-time persons: " + big.count());
    assertEquals(0, big.filter(col("expected").divide(col("actual")).lt(0.8).or(col("expected").divide(col("actual")).gt(1.2))).count(),
        "expected within ±20 % of actual");
    Row aalborg = both.filter(col(MUNICIPALITY_CODE).equalTo(851)).first();
    double perMillion = aalborg.getDouble(aalborg.fieldIndex("actual")) * 1_000_000 / O.persons();
    assertTrue(perMillion > 11_000 && perMillion < 20_000, "Aalborg full-time persons at national scale: " + perMillion);
    System.out.printf("benchmark 2022: %d of 98 above expected; Aalborg %.0f full-time persons at national scale%n", above, perMillion);
    both.unpersist();
  }
}
