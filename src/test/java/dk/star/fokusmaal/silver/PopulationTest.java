package dk.star.fokusmaal.silver;

import static dk.star.fokusmaal.testing.Expect.row;
import static org.apache.spark.sql.functions.col;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.testing.Expect;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.Registry;
import dk.star.fokusmaal.testing.SparkTestBase;
import dk.star.fokusmaal.testing.TestRules;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** SPEC §5.1 and §5.3: who is in the population of a month, with which benefit and municipality. */
class PopulationTest extends SparkTestBase {
  private static final String SCHEMA =
      "person_id string, month date, benefit_code string, municipality_code int";

  private static Dataset<Row> population(
      Registry.Fleur f, Registry.Kmd k, Registry.Municipal m, String from, String to) {
    return Population.of(Periods.spelled(f.frame(session()), k.frame(session()), m.frame(session()), YearMonth.parse(to)), TestRules.RULES, YearMonth.parse(from), YearMonth.parse(to))
        .select(col(Cols.PERSON_ID), col(Cols.MONTH), col(Cols.BENEFIT_CODE), col(Cols.MUNICIPALITY_CODE));
  }

  /** Expected rows for one person in every month {@code from … to}. */
  private static List<Object[]> months(String person, String code, int muni, String from, String to) {
    List<Object[]> rows = new ArrayList<>();
    for (YearMonth m = YearMonth.parse(from); !m.isAfter(YearMonth.parse(to)); m = m.plusMonths(1)) {
      rows.add(row(person, m.toString(), code, muni));
    }
    return rows;
  }

  @Test
  void seniorityOfMunicipalAndSicknessSpells() {
    Registry.Municipal m =
        Registry.municipal()
            // 1 Jan 2021 + 12 months − 1 day = 31 Dec 2021: in from December 2021
            .period("a", "boundary_in", 101, "KONTANTHJAELP", false, "2021-01-01", null)
            // one day later: 12 months only on 1 Jan 2022
            .period("b", "one_day_short", 101, "KONTANTHJAELP", false, "2021-01-02", null)
            // d is the last day in force in the month: ends 15 Dec, 12 months reached that day
            .period("c", "ends_on_d", 101, "UDDANNELSESHJAELP", false, "2020-12-16", "2021-12-15")
            // fleksjob is out of the fokusmål
            .period("e", "fleksjob", 101, "FLEKSJOB", null, "2019-01-01", null);
    Registry.Kmd k =
        Registry.kmd()
            // an open sickness case is in force through the last month built
            .sickCase("s1", "open_sick", 461, "2020-12-01", null);
    List<Object[]> rows = new ArrayList<>();
    rows.addAll(months("boundary_in", "KONTANTHJAELP", 101, "2021-12", "2022-01"));
    rows.addAll(months("one_day_short", "KONTANTHJAELP", 101, "2022-01", "2022-01"));
    rows.addAll(months("ends_on_d", "UDDANNELSESHJAELP", 101, "2021-12", "2021-12"));
    rows.addAll(months("open_sick", "SYGEDAGPENGE", 461, "2021-11", "2022-01"));
    Frames.assertSameRows(
        Expect.table(session(), SCHEMA, rows.toArray(new Object[0][])),
        population(Registry.fleur(), k, m, "2021-06", "2022-01"),
        Cols.PERSON_ID, Cols.MONTH);
  }

  @Test
  void accumulatedUnemploymentForFleur() {
    Registry.Fleur f = Registry.fleur();
    for (YearMonth mo = YearMonth.of(2020, 1); !mo.isAfter(YearMonth.of(2022, 3)); mo = mo.plusMonths(1)) {
      String s = mo.atDay(1).toString();
      String e = mo.atEndOfMonth().toString();
      // full time: 160.33 hours a month reaches 1923.96 after 12 months (December 2020)
      f.period("full_time", 851, "A_DAGPENGE", s, e, 160.33);
      // half time: 80.165 hours a month reaches it only after 24 months (December 2021)
      f.period("half_time", 851, "A_DAGPENGE", s, e, 80.165);
      // feriedagpenge is not a fokusmål benefit
      f.period("holiday_pay", 851, "FERIEDAGPENGE", s, e, 160.33);
    }
    // 11 whole months of 160.33 (1763.63 by 31 Dec 2020: out), then a two-month period of which
    // 31/59 counts on 31 Jan 2021 (1763.63 + 168.48 = 1932.11: in)
    for (YearMonth mo = YearMonth.of(2020, 2); !mo.isAfter(YearMonth.of(2020, 12)); mo = mo.plusMonths(1)) {
      f.period("prorated", 851, "KONTANTYDELSE", mo.atDay(1).toString(), mo.atEndOfMonth().toString(), 160.33);
    }
    f.period("prorated", 851, "KONTANTYDELSE", "2021-01-01", "2021-02-28", 320.66);
    // a period running past d counts in proportion to its days up to d, and proration decides:
    f.period("straddle", 851, "ARBEJDSMARKEDSYDELSE", "2020-01-01", "2020-11-30", 1763.63);
    f.period("straddle", 851, "ARBEJDSMARKEDSYDELSE", "2020-12-01", "2021-01-31", 320.00);
    List<Object[]> rows = new ArrayList<>();
    rows.addAll(months("full_time", "A_DAGPENGE", 851, "2020-12", "2022-03"));
    rows.addAll(months("half_time", "A_DAGPENGE", 851, "2021-12", "2022-03"));
    rows.addAll(months("prorated", "KONTANTYDELSE", 851, "2021-01", "2021-02"));
    // by 31 Dec: 1763.63 + 320 × 31/62 = 1923.63 < 1923.96; by 31 Jan: 2083.63
    rows.addAll(months("straddle", "ARBEJDSMARKEDSYDELSE", 851, "2021-01", "2021-01"));
    Frames.assertSameRows(
        Expect.table(session(), SCHEMA, rows.toArray(new Object[0][])),
        population(f, Registry.kmd(), Registry.municipal(), "2020-06", "2022-03"),
        Cols.PERSON_ID, Cols.MONTH);
  }

  /**
   * A build of recent months only (a monthly rerun) skips spells that were over before its first
   * month, but still reads every earlier period of the spells that run on: seniority and
   * accumulated hours count from the spell's start, not from the first month built.
   */
  @Test
  void buildingLaterMonthsStillCountsTheWholeSpell() {
    Registry.Fleur f = Registry.fleur();
    for (YearMonth mo = YearMonth.of(2020, 1); !mo.isAfter(YearMonth.of(2021, 8)); mo = mo.plusMonths(1)) {
      // 12 full-time months reached in December 2020, long before the first month built
      f.period("fleur_since_2020", 851, "A_DAGPENGE", mo.atDay(1).toString(), mo.atEndOfMonth().toString(), 160.33);
    }
    Registry.Municipal m =
        Registry.municipal()
            .period("a", "kh_since_2019", 101, "KONTANTHJAELP", false, "2019-01-01", null)
            // over (and past 12 months) before June 2021: in no month built
            .period("b", "ended_before", 101, "KONTANTHJAELP", false, "2019-01-01", "2021-03-31")
            // a spell whose first period ended long ago continues into the months built
            .period("c", "gap_of_days", 147, "UDDANNELSESHJAELP", false, "2020-01-01", "2020-06-20")
            .period("d", "gap_of_days", 147, "UDDANNELSESHJAELP", false, "2020-07-10", null);
    List<Object[]> rows = new ArrayList<>();
    rows.addAll(months("fleur_since_2020", "A_DAGPENGE", 851, "2021-06", "2021-08"));
    rows.addAll(months("kh_since_2019", "KONTANTHJAELP", 101, "2021-06", "2021-08"));
    rows.addAll(months("gap_of_days", "UDDANNELSESHJAELP", 147, "2021-06", "2021-08"));
    Frames.assertSameRows(
        Expect.table(session(), SCHEMA, rows.toArray(new Object[0][])),
        population(f, Registry.kmd(), m, "2021-06", "2021-08"),
        Cols.PERSON_ID, Cols.MONTH);
  }

  @Test
  void choiceBetweenSpellsAndPeriods() {
    Registry.Municipal m =
        Registry.municipal()
            // two spells qualify in May 2021 with the same d: the one that started first counts;
            // in June the sickness spell is in force later in the month (latest d wins)
            .period("t1", "two_spells", 101, "KONTANTHJAELP", false, "2019-01-01", "2021-06-15")
            // a move: the month is counted where the period in force on d is
            .period("m1", "mover", 101, "KONTANTHJAELP", false, "2020-01-01", "2021-03-10")
            .period("m2", "mover", 751, "KONTANTHJAELP", false, "2021-03-11", "2021-06-30")
            // two periods in force on d: the one that started last decides
            .period("p1", "overlap", 147, "KONTANTHJAELP", false, "2020-01-01", "2021-06-30")
            .period("p2", "overlap", 151, "KONTANTHJAELP", false, "2021-04-10", "2021-06-30")
            // overgangsydelse inside the integration programme is out, outside it is in; the
            // spell runs from the first period, inside the programme or not
            .period("i1", "integration", 165, "OVERGANGSYDELSE", true, "2020-01-01", "2020-12-31")
            .period("i2", "integration", 165, "OVERGANGSYDELSE", false, "2021-01-01", "2021-06-30")
            .period("j1", "in_programme", 165, "OVERGANGSYDELSE", true, "2019-01-01", null)
            // overgangsydelse → kontanthjælp keeps the seniority of the integration spell
            .period("k1", "integration_to_kh", 173, "OVERGANGSYDELSE", true, "2020-03-01", "2020-12-31")
            .period("k2", "integration_to_kh", 173, "KONTANTHJAELP", false, "2021-01-15", "2021-06-30")
            // kontanthjælp → sygedagpenge starts afresh: not in the population in 2021
            .period("r1", "kh_to_sick", 101, "KONTANTHJAELP", false, "2020-01-01", "2020-12-31");
    Registry.Kmd k =
        Registry.kmd()
            .sickCase("c1", "two_spells", 480, "2020-01-01", null)
            .sickCase("c2", "kh_to_sick", 101, "2021-01-01", null);
    List<Object[]> rows = new ArrayList<>();
    rows.addAll(months("two_spells", "KONTANTHJAELP", 101, "2021-01", "2021-05"));
    rows.addAll(months("two_spells", "SYGEDAGPENGE", 480, "2021-06", "2021-06"));
    rows.addAll(months("mover", "KONTANTHJAELP", 101, "2021-01", "2021-02"));
    rows.addAll(months("mover", "KONTANTHJAELP", 751, "2021-03", "2021-06"));
    rows.addAll(months("overlap", "KONTANTHJAELP", 147, "2021-01", "2021-03"));
    rows.addAll(months("overlap", "KONTANTHJAELP", 151, "2021-04", "2021-06"));
    rows.addAll(months("integration", "OVERGANGSYDELSE", 165, "2021-01", "2021-06"));
    // 1 Mar 2020 + 12 months − 1 day = 28 Feb 2021
    rows.addAll(months("integration_to_kh", "KONTANTHJAELP", 173, "2021-02", "2021-06"));
    Frames.assertSameRows(
        Expect.table(session(), SCHEMA, rows.toArray(new Object[0][])),
        population(Registry.fleur(), k, m, "2021-01", "2021-06"),
        Cols.PERSON_ID, Cols.MONTH);
  }
}
