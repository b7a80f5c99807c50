package dk.star.fokusmaal.gold;

import static dk.star.fokusmaal.contract.Cols.*;
import static dk.star.fokusmaal.testing.Frames.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.star.fokusmaal.lake.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ResultGoalTest extends ResultTestBase {

  private static final StructType ACTUAL_OUT = ACTUAL;

  private static final StructType RESULT_OUT =
      schema(
          PERIOD_START + " DATE", PERIOD_END + " DATE", MUNICIPALITY_CODE + " INT",
          MUNICIPALITY_NAME + " STRING", BENEFIT_GROUP + " STRING", EXPECTED_FTE + " DOUBLE",
          ACTUAL_FTE + " DOUBLE", DIFFERENCE_FTE + " DOUBLE", POPULATION_16_66 + " INT",
          EXPECTED_PCT + " DOUBLE", ACTUAL_PCT + " DOUBLE", DIFFERENCE_PP + " DOUBLE",
          RANK + " INT", MEETS_RESULT_GOAL + " BOOLEAN");

  private static final String[] FTE_KEY = {PERIOD_START, PERIOD_END, MUNICIPALITY_CODE, BENEFIT_GROUP};

  /** A benchmark period with one (irrelevant) expected row: actualFte reads the periods only. */
  private static Dataset<Row> benchmarkPeriods(String[]... periods) {
    Object[][] rows = new Object[periods.length][];
    for (int i = 0; i < periods.length; i++) {
      rows[i] = row(101, d(periods[i][0]), d(periods[i][1]), KONTANTHJAELP_MV, 1.0);
    }
    return frame(BENCHMARK, rows);
  }

  private static Object[] municipal(String person, String code, String group, int municipality, String from, String to) {
    return row(person, "municipal_benefits", code, group, municipality, d(from), d(to), null, false);
  }

  private static Object[] fleur(String person, String code, int municipality, String from, String to, Double hours) {
    return row(person, "fleur", code, A_DAGPENGE_MV, municipality, d(from), d(to), hours, false);
  }

  // ---- actualFte ------------------------------------------------------------------------------

  @Test
  void aPersonOnBenefitHalfTheBenchmarkPeriodIsHalfAFullTimePerson() {
    // 2020 has 366 days; 1 January - 1 July 2020 is 183 of them (the period starts in 2019: only
    // its days inside 2020 count).
    Dataset<Row> periods =
        frame(
            PERIODS,
            municipal("half_year_on_kontanthjaelp", "KONTANTHJAELP", KONTANTHJAELP_MV, 101, "2019-11-15", "2020-07-01"),
            row("whole_year_sick", "kmd_sygedagpenge", "SYGEDAGPENGE", SYGEDAGPENGE_MV, 101,
                d("2020-01-01"), d("2020-12-31"), null, false),
            // 2 July - 31 December 2020: the other 183 days.
            municipal("second_half_jobafklaring", "JOBAFKLARINGSFORLOEB", SYGEDAGPENGE_MV, 101, "2020-07-02", "2020-12-31"));
    Dataset<Row> expected =
        frame(
            ACTUAL_OUT,
            row(d("2020-01-01"), d("2020-12-31"), 101, KONTANTHJAELP_MV, 0.5),
            row(d("2020-01-01"), d("2020-12-31"), 101, SYGEDAGPENGE_MV, 1.5));
    Dataset<Row> actual = ResultGoal.actualFte(periods, benchmarkPeriods(new String[] {"2020-01-01", "2020-12-31"}));
    assertEquals(ResultGoal.ACTUAL_FTE_COLUMNS, columnsOf(actual));
    assertSameRows(expected, actual, FTE_KEY);
  }

  @Test
  void fleurHoursStraddlingTheBenchmarkEdgeAreProratedByDays() {
    // Each straddling payment period has 30 days, 15 of them in 2020, and 320.66 hours (two
    // full-time months): 160.33 hours count in 2020. A half-time month counts 80.165 hours.
    // 160.33 + 160.33 + 80.165 hours = 2.5 full-time months of the 12 in the year.
    Dataset<Row> periods =
        frame(
            PERIODS,
            fleur("straddles_start", "A_DAGPENGE", 101, "2019-12-17", "2020-01-15", 320.66),
            fleur("straddles_end", "A_DAGPENGE", 101, "2020-12-17", "2021-01-15", 320.66),
            fleur("half_time_march", "KONTANTYDELSE", 101, "2020-03-01", "2020-03-31", 80.165),
            fleur("no_hours_reported", "ARBEJDSMARKEDSYDELSE", 101, "2020-05-01", "2020-05-31", null));
    Dataset<Row> expected =
        frame(ACTUAL_OUT, row(d("2020-01-01"), d("2020-12-31"), 101, A_DAGPENGE_MV, 2.5 / 12));
    assertSameRows(
        expected,
        ResultGoal.actualFte(periods, benchmarkPeriods(new String[] {"2020-01-01", "2020-12-31"})),
        FTE_KEY);
  }

  @Test
  void aHalfYearPairPeriodIsMeasuredAlongsideTheCalendarYear() {
    // The pair 1 July 2020 - 30 June 2021 has 365 days and 12 months.
    Dataset<Row> periods =
        frame(
            PERIODS,
            // 1923.96 hours = 12 full-time months, paid over exactly the pair: 1.0 in the pair;
            // 184 of its 365 days (1 July - 31 December) lie in calendar 2020.
            fleur("full_time_over_the_pair", "A_DAGPENGE", 147, "2020-07-01", "2021-06-30", 1923.96),
            // All of 2021: 1 January - 30 June 2021 = 181 days of the pair; nothing in 2020.
            municipal("kontanthjaelp_2021", "KONTANTHJAELP", KONTANTHJAELP_MV, 147, "2021-01-01", "2021-12-31"));
    Dataset<Row> expected =
        frame(
            ACTUAL_OUT,
            row(d("2020-07-01"), d("2021-06-30"), 147, A_DAGPENGE_MV, 1.0),
            row(d("2020-07-01"), d("2021-06-30"), 147, KONTANTHJAELP_MV, 181.0 / 365),
            row(d("2020-01-01"), d("2020-12-31"), 147, A_DAGPENGE_MV, 184.0 / 365));
    assertSameRows(
        expected,
        ResultGoal.actualFte(
            periods,
            benchmarkPeriods(new String[] {"2020-07-01", "2021-06-30"}, new String[] {"2020-01-01", "2020-12-31"})),
        FTE_KEY);
  }

  @Test
  void overgangsydelseInTheIntegrationProgrammeAndBenefitsOutOfScopeAreExcluded() {
    Dataset<Row> periods =
        frame(
            PERIODS,
            row("overgangsydelse_in_programme", "municipal_benefits", "OVERGANGSYDELSE", KONTANTHJAELP_MV, 101,
                d("2021-01-01"), d("2021-12-31"), null, true),
            row("overgangsydelse_after_programme", "municipal_benefits", "OVERGANGSYDELSE", KONTANTHJAELP_MV, 101,
                d("2021-01-01"), d("2021-12-31"), null, false),
            row("fleksjob", "municipal_benefits", "FLEKSJOB", null, 101, d("2021-01-01"), d("2021-12-31"), null, false),
            row("foertidspension", "municipal_benefits", "FOERTIDSPENSION", null, 101,
                d("2021-01-01"), d("2021-12-31"), null, false),
            row("efterloen", "fleur", "EFTERLOEN", null, 101, d("2021-01-01"), d("2021-12-31"), 1923.96, false),
            municipal("kontanthjaelp_before_the_period", "KONTANTHJAELP", KONTANTHJAELP_MV, 101, "2020-01-01", "2020-12-31"));
    Dataset<Row> expected =
        frame(ACTUAL_OUT, row(d("2021-01-01"), d("2021-12-31"), 101, KONTANTHJAELP_MV, 1.0));
    assertSameRows(
        expected,
        ResultGoal.actualFte(periods, benchmarkPeriods(new String[] {"2021-01-01", "2021-12-31"})),
        FTE_KEY);
  }

  // ---- resultGoal -----------------------------------------------------------------------------

  private static final String[] RESULT_KEY = {PERIOD_START, PERIOD_END, MUNICIPALITY_CODE, BENEFIT_GROUP};

  private static Dataset<Row> resultGoal(Dataset<Row> actual, Dataset<Row> expected, Dataset<Row> population) {
    Dataset<Row> out = ResultGoal.resultGoal(actual, expected, population);
    assertEquals(withoutRunId(Tables.RESULT_GOAL.columnNames()), columnsOf(out));
    return out;
  }

  @Test
  void table1Of2022_sharesDifferencesRanksAndGoalPerGroupAndAll() {
    // Seed 001, Table 1 (2022): Mariagerfjord 2250 expected / 2270 actual, +0.08 pp; Odder 1010 /
    // 1030, +0.16 pp; Nyborg 1710 / 1650, met. Populations chosen so the shares are round.
    String s = "2022-01-01", e = "2022-12-31";
    Dataset<Row> benchmark =
        frame(
            BENCHMARK,
            row(MARIAGERFJORD, d(s), d(e), A_DAGPENGE_MV, 500.0),
            row(MARIAGERFJORD, d(s), d(e), SYGEDAGPENGE_MV, 750.0),
            row(MARIAGERFJORD, d(s), d(e), KONTANTHJAELP_MV, 1000.0),
            row(ODDER, d(s), d(e), KONTANTHJAELP_MV, 1010.0),
            row(NYBORG, d(s), d(e), KONTANTHJAELP_MV, 1710.0));
    Dataset<Row> actual =
        frame(
            ACTUAL,
            row(d(s), d(e), MARIAGERFJORD, A_DAGPENGE_MV, 480.0),
            row(d(s), d(e), MARIAGERFJORD, SYGEDAGPENGE_MV, 800.0),
            row(d(s), d(e), MARIAGERFJORD, KONTANTHJAELP_MV, 990.0),
            row(d(s), d(e), ODDER, KONTANTHJAELP_MV, 1030.0),
            row(d(s), d(e), NYBORG, KONTANTHJAELP_MV, 1650.0),
            // No benchmark row for this group: no resultatmål, dropped.
            row(d(s), d(e), NYBORG, A_DAGPENGE_MV, 400.0));
    Dataset<Row> population =
        frame(
            POPULATION_TABLE,
            row(MARIAGERFJORD, 2022, 25000),
            row(MARIAGERFJORD, 2021, 20000), // another year: not used for a 2022 period
            row(ODDER, 2022, 12500),
            row(NYBORG, 2022, 20000));
    Dataset<Row> expected =
        frame(
            RESULT_OUT,
            row(d(s), d(e), MARIAGERFJORD, "Mariagerfjord", A_DAGPENGE_MV, 500.0, 480.0, -20.0, 25000, 2.0, 1.92, -0.08, 1, true),
            row(d(s), d(e), MARIAGERFJORD, "Mariagerfjord", SYGEDAGPENGE_MV, 750.0, 800.0, 50.0, 25000, 3.0, 3.2, 0.2, 1, false),
            row(d(s), d(e), MARIAGERFJORD, "Mariagerfjord", KONTANTHJAELP_MV, 1000.0, 990.0, -10.0, 25000, 4.0, 3.96, -0.04, 2, true),
            row(d(s), d(e), MARIAGERFJORD, "Mariagerfjord", ALL, 2250.0, 2270.0, 20.0, 25000, 9.0, 9.08, 0.08, 2, false),
            row(d(s), d(e), ODDER, "Odder", KONTANTHJAELP_MV, 1010.0, 1030.0, 20.0, 12500, 8.08, 8.24, 0.16, 3, false),
            row(d(s), d(e), ODDER, "Odder", ALL, 1010.0, 1030.0, 20.0, 12500, 8.08, 8.24, 0.16, 3, false),
            row(d(s), d(e), NYBORG, "Nyborg", KONTANTHJAELP_MV, 1710.0, 1650.0, -60.0, 20000, 8.55, 8.25, -0.3, 1, true),
            row(d(s), d(e), NYBORG, "Nyborg", ALL, 1710.0, 1650.0, -60.0, 20000, 8.55, 8.25, -0.3, 1, true));
    assertSameRows(expected, resultGoal(actual, benchmark, population), RESULT_KEY);
  }

  @Test
  void actualExactlyEqualToExpectedMeetsTheGoal() {
    String s = "2021-01-01", e = "2021-12-31";
    Dataset<Row> benchmark =
        frame(
            BENCHMARK,
            row(VEJLE, d(s), d(e), KONTANTHJAELP_MV, 1000.0),
            row(ODDER, d(s), d(e), KONTANTHJAELP_MV, 1000.0));
    Dataset<Row> actual =
        frame(
            ACTUAL,
            row(d(s), d(e), VEJLE, KONTANTHJAELP_MV, 1000.0),
            row(d(s), d(e), ODDER, KONTANTHJAELP_MV, 1000.5)); // half a person too many
    Dataset<Row> population =
        frame(POPULATION_TABLE, row(VEJLE, 2021, 70000), row(ODDER, 2021, 13000));
    StructType out = schema(MUNICIPALITY_CODE + " INT", BENEFIT_GROUP + " STRING", MEETS_RESULT_GOAL + " BOOLEAN");
    Dataset<Row> expected =
        frame(
            out,
            row(VEJLE, KONTANTHJAELP_MV, true),
            row(VEJLE, ALL, true),
            row(ODDER, KONTANTHJAELP_MV, false),
            row(ODDER, ALL, false));
    assertSameRows(expected, resultGoal(actual, benchmark, population), MUNICIPALITY_CODE, BENEFIT_GROUP);
  }

  @Test
  void rankTiesShareTheLowestRank() {
    // Lejre and Samsø: identical figures, so identical difference_pp; SQL rank(): 1, 2, 2, 4.
    String s = "2021-01-01", e = "2021-12-31";
    Dataset<Row> benchmark =
        frame(
            BENCHMARK,
            row(FURESOE, d(s), d(e), A_DAGPENGE_MV, 1000.0),
            row(LEJRE, d(s), d(e), A_DAGPENGE_MV, 1000.0),
            row(SAMSOE, d(s), d(e), A_DAGPENGE_MV, 1000.0),
            row(SLAGELSE, d(s), d(e), A_DAGPENGE_MV, 1000.0));
    Dataset<Row> actual =
        frame(
            ACTUAL,
            row(d(s), d(e), FURESOE, A_DAGPENGE_MV, 900.0), // -0.5 pp
            row(d(s), d(e), LEJRE, A_DAGPENGE_MV, 1020.0), // +0.1 pp
            row(d(s), d(e), SAMSOE, A_DAGPENGE_MV, 1020.0), // +0.1 pp
            row(d(s), d(e), SLAGELSE, A_DAGPENGE_MV, 1100.0)); // +0.5 pp
    Dataset<Row> population =
        frame(
            POPULATION_TABLE,
            row(FURESOE, 2021, 20000),
            row(LEJRE, 2021, 20000),
            row(SAMSOE, 2021, 20000),
            row(SLAGELSE, 2021, 20000));
    StructType out = schema(MUNICIPALITY_CODE + " INT", BENEFIT_GROUP + " STRING", DIFFERENCE_PP + " DOUBLE", RANK + " INT");
    Dataset<Row> expected =
        frame(
            out,
            row(FURESOE, A_DAGPENGE_MV, -0.5, 1),
            row(LEJRE, A_DAGPENGE_MV, 0.1, 2),
            row(SAMSOE, A_DAGPENGE_MV, 0.1, 2),
            row(SLAGELSE, A_DAGPENGE_MV, 0.5, 4),
            row(FURESOE, ALL, -0.5, 1),
            row(LEJRE, ALL, 0.1, 2),
            row(SAMSOE, ALL, 0.1, 2),
            row(SLAGELSE, ALL, 0.5, 4));
    assertSameRows(expected, resultGoal(actual, benchmark, population), MUNICIPALITY_CODE, BENEFIT_GROUP);
  }

  @Test
  void aHalfYearPairUsesThePopulationOfTheYearItEndsInAndIsRankedOnItsOwn() {
    String ps = "2020-07-01", pe = "2021-06-30", cs = "2021-01-01", ce = "2021-12-31";
    Dataset<Row> benchmark =
        frame(
            BENCHMARK,
            row(AALBORG, d(ps), d(pe), A_DAGPENGE_MV, 5000.0),
            row(ODDER, d(ps), d(pe), A_DAGPENGE_MV, 300.0),
            row(AALBORG, d(cs), d(ce), A_DAGPENGE_MV, 5000.0),
            row(ODDER, d(cs), d(ce), A_DAGPENGE_MV, 300.0));
    Dataset<Row> actual =
        frame(
            ACTUAL,
            row(d(ps), d(pe), AALBORG, A_DAGPENGE_MV, 5100.0),
            row(d(ps), d(pe), ODDER, A_DAGPENGE_MV, 280.0),
            row(d(cs), d(ce), AALBORG, A_DAGPENGE_MV, 4900.0),
            row(d(cs), d(ce), ODDER, A_DAGPENGE_MV, 320.0));
    Dataset<Row> population =
        frame(
            POPULATION_TABLE,
            row(AALBORG, 2020, 99999), // the pair ends in 2021: 2020 is not used
            row(AALBORG, 2021, 100000),
            row(ODDER, 2020, 99999),
            row(ODDER, 2021, 10000));
    StructType out =
        schema(
            PERIOD_START + " DATE", PERIOD_END + " DATE", MUNICIPALITY_CODE + " INT", BENEFIT_GROUP + " STRING",
            POPULATION_16_66 + " INT", EXPECTED_PCT + " DOUBLE", ACTUAL_PCT + " DOUBLE", DIFFERENCE_PP + " DOUBLE",
            RANK + " INT", MEETS_RESULT_GOAL + " BOOLEAN");
    Dataset<Row> expected =
        frame(
            out,
            row(d(ps), d(pe), AALBORG, A_DAGPENGE_MV, 100000, 5.0, 5.1, 0.1, 2, false),
            row(d(ps), d(pe), AALBORG, ALL, 100000, 5.0, 5.1, 0.1, 2, false),
            row(d(ps), d(pe), ODDER, A_DAGPENGE_MV, 10000, 3.0, 2.8, -0.2, 1, true),
            row(d(ps), d(pe), ODDER, ALL, 10000, 3.0, 2.8, -0.2, 1, true),
            row(d(cs), d(ce), AALBORG, A_DAGPENGE_MV, 100000, 5.0, 4.9, -0.1, 1, true),
            row(d(cs), d(ce), AALBORG, ALL, 100000, 5.0, 4.9, -0.1, 1, true),
            row(d(cs), d(ce), ODDER, A_DAGPENGE_MV, 10000, 3.0, 3.2, 0.2, 2, false),
            row(d(cs), d(ce), ODDER, ALL, 10000, 3.0, 3.2, 0.2, 2, false));
    assertSameRows(expected, resultGoal(actual, benchmark, population), RESULT_KEY);
  }

  @Test
  void noActualCountsAsZeroAndNoPopulationMeansNoSharesNoRankButAGoalDecision() {
    String s = "2022-01-01", e = "2022-12-31";
    Dataset<Row> benchmark =
        frame(
            BENCHMARK,
            row(SAMSOE, d(s), d(e), SYGEDAGPENGE_MV, 50.0), // nobody on support in the registers
            row(BORNHOLM, d(s), d(e), SYGEDAGPENGE_MV, 700.0), // no population row for 2022
            row(VEJLE, d(s), d(e), SYGEDAGPENGE_MV, 2000.0));
    Dataset<Row> actual =
        frame(
            ACTUAL,
            row(d(s), d(e), BORNHOLM, SYGEDAGPENGE_MV, 720.0),
            row(d(s), d(e), VEJLE, SYGEDAGPENGE_MV, 2100.0));
    Dataset<Row> population =
        frame(POPULATION_TABLE, row(SAMSOE, 2022, 2000), row(VEJLE, 2022, 100000), row(BORNHOLM, 2021, 25000));
    Dataset<Row> expected =
        frame(
            RESULT_OUT,
            row(d(s), d(e), SAMSOE, "Samsø", SYGEDAGPENGE_MV, 50.0, 0.0, -50.0, 2000, 2.5, 0.0, -2.5, 1, true),
            row(d(s), d(e), SAMSOE, "Samsø", ALL, 50.0, 0.0, -50.0, 2000, 2.5, 0.0, -2.5, 1, true),
            row(d(s), d(e), VEJLE, "Vejle", SYGEDAGPENGE_MV, 2000.0, 2100.0, 100.0, 100000, 2.0, 2.1, 0.1, 2, false),
            row(d(s), d(e), VEJLE, "Vejle", ALL, 2000.0, 2100.0, 100.0, 100000, 2.0, 2.1, 0.1, 2, false),
            row(d(s), d(e), BORNHOLM, "Bornholm", SYGEDAGPENGE_MV, 700.0, 720.0, 20.0, null, null, null, null, null, false),
            row(d(s), d(e), BORNHOLM, "Bornholm", ALL, 700.0, 720.0, 20.0, null, null, null, null, null, false));
    assertSameRows(expected, resultGoal(actual, benchmark, population), RESULT_KEY);
  }

}
