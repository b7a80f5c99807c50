package dk.star.fokusmaal.bronze;

import static dk.star.fokusmaal.bronze.Fixtures.R;
import static dk.star.fokusmaal.bronze.Fixtures.SCENARIO;
import static dk.star.fokusmaal.bronze.Fixtures.d;
import static dk.star.fokusmaal.bronze.Fixtures.r;
import static dk.star.fokusmaal.bronze.Fixtures.rules;
import static dk.star.fokusmaal.bronze.Fixtures.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.pipeline.RunLog;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract of SPEC §4 per source, through the job: one landing delivery per source with good
 * rows and one bad row of each kind, ingested once; bronze must hold exactly the good rows and
 * quarantine exactly the bad ones, each with the rule it broke. Every row carries an extra column
 * {@code scenario} that names it (and shows that extra columns are kept).
 */
class IngestContractTest extends SparkTestBase {

  private static Lake lake;
  private static RunLog log;
  /** Per source: the good rows (landed as they must appear in bronze). */
  private static final Map<String, List<Row>> GOOD = new LinkedHashMap<>();
  /** Per source: the bad rows and the rule each breaks (scenario, _rule). */
  private static final Map<String, List<Object>> BAD = new LinkedHashMap<>();

  private static void good(String source, Row row) {
    GOOD.computeIfAbsent(source, k -> new ArrayList<>()).add(row);
  }

  private static void bad(String source, String rule, Row row) {
    List<Object> l = BAD.computeIfAbsent(source, k -> new ArrayList<>());
    l.add(row);
    l.add(rule);
  }

  @BeforeAll
  static void ingestOneDeliveryPerSource() {
    session();
    // The catalog is shared by the test JVM; register this lake's tables, not another test's.
    Fixtures.forgetCatalog();
    lake = new Lake(tmp("contract").toString());

    String f = Sources.FLEUR;
    good(f, r("good_a_dagpenge", "P1", 101, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 160.0, R));
    // A later correction of the same key: bronze keeps both (the build takes the latest).
    good(f, r("good_correction", "P1", 101, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 150.0, ts("2021-07-01 08:00:00")));
    good(f, r("good_out_of_scope_code_zero_hours", "P2", 851, "EFTERLOEN", d("2021-01-01"), d("2021-01-31"), 0.0, R));
    good(f, r("good_full_week", "P3", 860, "KONTANTYDELSE", d("2021-02-01"), d("2021-02-07"), 37.0, R));
    bad(f, "MISSING_KEY(person_id)", r("missing_person", null, 101, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 1.0, R));
    bad(f, "MISSING_KEY(benefit_code)", r("empty_benefit", "P4", 101, "", d("2021-01-01"), d("2021-01-31"), 1.0, R));
    bad(f, "MISSING_KEY(period_start)", r("missing_start", "P5", 101, "A_DAGPENGE", null, d("2021-01-31"), 1.0, R));
    bad(f, "MISSING_VALUE(municipality_code)", r("missing_municipality", "P6", null, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 1.0, R));
    bad(f, "MISSING_VALUE(period_end)", r("missing_end", "P7", 101, "A_DAGPENGE", d("2021-01-01"), null, 1.0, R));
    bad(f, "INVALID_PERSON_ID", r("person_with_space", "P 8", 101, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 1.0, R));
    bad(f, "UNKNOWN_CODE(benefit_code)", r("lower_case_code", "P9", 101, "a_dagpenge", d("2021-01-01"), d("2021-01-31"), 1.0, R));
    bad(f, "UNKNOWN_MUNICIPALITY", r("municipality_100", "P10", 100, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 1.0, R));
    bad(f, "END_BEFORE_START(period_start,period_end)", r("reversed_period", "P11", 101, "A_DAGPENGE", d("2021-02-10"), d("2021-02-01"), 1.0, R));
    bad(f, "NEGATIVE_VALUE(unemployment_hours)", r("negative_hours", "P12", 101, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), -1.0, R));
    bad(f, "HOURS_OUT_OF_RANGE", r("41_hours_in_a_week", "P13", 101, "A_DAGPENGE", d("2021-02-01"), d("2021-02-07"), 41.0, R));
    bad(f, "DATE_OUT_OF_RANGE(period_start)", r("start_1999", "P14", 101, "A_DAGPENGE", d("1999-12-27"), d("2000-01-02"), 1.0, R));
    bad(f, "DATE_OUT_OF_RANGE(reported_at)", r("reported_2101", "P15", 101, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 1.0, ts("2101-01-01 00:00:00")));
    // Issue 9: no CPR number enters bronze; no register reports the future (the ingest is now).
    bad(f, "CPR_LIKE_ID", r("cpr_person", "010190-1234", 101, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 1.0, R));
    bad(f, "REPORTED_IN_FUTURE", r("reported_2099", "P17", 101, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 1.0, ts("2099-01-01 00:00:00")));
    bad(f, "UNKNOWN_MUNICIPALITY; NEGATIVE_VALUE(unemployment_hours)",
        r("two_rules", "P16", 100, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), -5.0, R));

    String k = Sources.KMD_SYGEDAGPENGE;
    good(k, r("good_open_case", "C1", "P1", 101, d("2021-01-01"), d("2021-01-15"), null, false, R));
    good(k, r("good_closed_partial", "C2", "P2", 147, d("2021-01-01"), d("2021-01-15"), d("2021-03-01"), true, R));
    good(k, r("good_one_day", "C3", "P3", 147, d("2021-01-01"), d("2021-01-15"), d("2021-01-15"), false, R));
    bad(k, "MISSING_KEY(case_id)", r("blank_case_id", "  ", "P4", 101, d("2021-01-01"), d("2021-01-15"), null, false, R));
    bad(k, "MISSING_VALUE(person_id)", r("missing_person", "C5", null, 101, d("2021-01-01"), d("2021-01-15"), null, false, R));
    bad(k, "MISSING_VALUE(partial)", r("missing_partial", "C6", "P6", 101, d("2021-01-01"), d("2021-01-15"), null, null, R));
    bad(k, "MISSING_VALUE(start_date)", r("missing_start", "C7", "P7", 101, d("2021-01-01"), null, null, false, R));
    bad(k, "INVALID_PERSON_ID", r("person_65_chars", "C8", "x".repeat(65), 101, d("2021-01-01"), d("2021-01-15"), null, false, R));
    bad(k, "UNKNOWN_MUNICIPALITY", r("municipality_999", "C9", "P9", 999, d("2021-01-01"), d("2021-01-15"), null, false, R));
    bad(k, "END_BEFORE_START(start_date,end_date)", r("reversed_case", "C10", "P10", 101, d("2021-01-01"), d("2021-03-01"), d("2021-02-28"), false, R));
    bad(k, "DATE_OUT_OF_RANGE(first_absence_date)", r("absence_1900", "C11", "P11", 101, d("1900-01-01"), d("2021-01-15"), null, false, R));
    bad(k, "DATE_OUT_OF_RANGE(end_date)", r("end_2101", "C12", "P12", 101, d("2021-01-01"), d("2021-01-15"), d("2101-01-01"), false, R));

    String m = Sources.MUNICIPAL_BENEFITS;
    good(m, r("good_no_readiness_no_flag", "M1", "P1", 101, "KONTANTHJAELP", null, null, d("2021-01-01"), null, R));
    good(m, r("good_overgangsydelse", "M2", "P2", 101, "OVERGANGSYDELSE", "JOBPARAT", false, d("2021-01-01"), d("2021-06-30"), R));
    good(m, r("good_out_of_scope", "M3", "P3", 461, "FOERTIDSPENSION", "AKTIVITETSPARAT", null, d("2021-01-01"), null, R));
    bad(m, "MISSING_KEY(period_id)", r("missing_period_id", null, "P4", 101, "KONTANTHJAELP", null, null, d("2021-01-01"), null, R));
    bad(m, "MISSING_VALUE(in_integration_programme)", r("overgang_without_flag", "M5", "P5", 101, "OVERGANGSYDELSE", null, null, d("2021-01-01"), null, R));
    bad(m, "MISSING_VALUE(start_date)", r("missing_start", "M6", "P6", 101, "KONTANTHJAELP", null, null, null, null, R));
    bad(m, "UNKNOWN_CODE(benefit_code)", r("fleur_code", "M7", "P7", 101, "A_DAGPENGE", null, null, d("2021-01-01"), null, R));
    bad(m, "UNKNOWN_CODE(readiness)", r("mixed_case_readiness", "M8", "P8", 101, "KONTANTHJAELP", "Jobparat", null, d("2021-01-01"), null, R));
    bad(m, "END_BEFORE_START(start_date,end_date)", r("reversed_period", "M9", "P9", 101, "KONTANTHJAELP", null, null, d("2021-02-01"), d("2021-01-31"), R));
    bad(m, "UNKNOWN_CODE(benefit_code); UNKNOWN_MUNICIPALITY",
        r("code_and_municipality", "M10", "P10", 0, "XYZ", null, null, d("2021-01-01"), null, R));

    String t = Sources.TASS_CONVERSATIONS;
    good(t, r("good_held", "T1", "P1", 101, d("2021-03-01"), "JOBSAMTALE", "FREMMOEDE", "AFHOLDT", R));
    good(t, r("good_no_show", "T2", "P1", 101, d("2021-04-01"), "CV_SAMTALE", "DIGITAL", "UDEBLEVET", R));
    bad(t, "MISSING_KEY(conversation_id)", r("empty_id", "", "P3", 101, d("2021-03-01"), "JOBSAMTALE", "TELEFON", "AFHOLDT", R));
    bad(t, "MISSING_VALUE(conversation_type)", r("missing_type", "T4", "P4", 101, d("2021-03-01"), null, "TELEFON", "AFHOLDT", R));
    bad(t, "MISSING_VALUE(reported_at)", r("missing_reported_at", "T5", "P5", 101, d("2021-03-01"), "JOBSAMTALE", "TELEFON", "AFHOLDT", null));
    bad(t, "UNKNOWN_CODE(conversation_type)", r("trailing_space_type", "T6", "P6", 101, d("2021-03-01"), "JOBSAMTALE ", "TELEFON", "AFHOLDT", R));
    bad(t, "UNKNOWN_CODE(channel)", r("sms_channel", "T7", "P7", 101, d("2021-03-01"), "JOBSAMTALE", "SMS", "AFHOLDT", R));
    bad(t, "UNKNOWN_CODE(status)", r("english_status", "T8", "P8", 101, d("2021-03-01"), "JOBSAMTALE", "TELEFON", "HELD", R));
    bad(t, "UNKNOWN_MUNICIPALITY", r("municipality_102", "T9", "P9", 102, d("2021-03-01"), "JOBSAMTALE", "TELEFON", "AFHOLDT", R));
    bad(t, "DATE_OUT_OF_RANGE(conversation_date)", r("date_2101", "T10", "P10", 101, d("2101-03-01"), "JOBSAMTALE", "TELEFON", "AFHOLDT", R));

    String o = Sources.PLANDATA_OFFERS;
    good(o, r("good_ongoing", "O1", "P1", 101, "VIRKSOMHEDSPRAKTIK", d("2021-01-04"), null, "IGANGVAERENDE", R));
    good(o, r("good_one_day", "O2", "P2", 101, "MENTOR", d("2021-01-04"), d("2021-01-04"), "AFSLUTTET", R));
    bad(o, "MISSING_KEY(offer_id)", r("missing_offer_id", null, "P3", 101, "MENTOR", d("2021-01-04"), null, "PLANLAGT", R));
    bad(o, "UNKNOWN_CODE(offer_type)", r("praktik", "O4", "P4", 101, "PRAKTIK", d("2021-01-04"), null, "PLANLAGT", R));
    bad(o, "UNKNOWN_CODE(status)", r("lower_case_status", "O5", "P5", 101, "MENTOR", d("2021-01-04"), null, "annulleret", R));
    bad(o, "END_BEFORE_START(start_date,end_date)", r("reversed_offer", "O6", "P6", 101, "MENTOR", d("2021-01-04"), d("2021-01-03"), "AFSLUTTET", R));
    bad(o, "MISSING_VALUE(status)", r("missing_status", "O7", "P7", 101, "MENTOR", d("2021-01-04"), null, null, R));

    String e = Sources.EINDKOMST;
    good(e, r("good_ordinary", "P1", "12345678", d("2021-01-01"), d("2021-01-31"), 160.33, "ORDINAER", R));
    // No hours ceiling outside fleur: a month of overtime is valid pay.
    good(e, r("good_many_hours", "P1", "87654321", d("2021-01-01"), d("2021-01-31"), 300.0, "ORDINAER", R));
    good(e, r("good_zero_hours", "P2", "12345678", d("2021-01-01"), d("2021-01-31"), 0.0, "FLEKSJOB", R));
    bad(e, "MISSING_KEY(employer_id)", r("missing_employer", "P3", null, d("2021-01-01"), d("2021-01-31"), 1.0, "ORDINAER", R));
    bad(e, "MISSING_KEY(period_end)", r("missing_end", "P4", "12345678", d("2021-01-01"), null, 1.0, "ORDINAER", R));
    bad(e, "INVALID_PERSON_ID", r("danish_letter_person", "Pø5", "12345678", d("2021-01-01"), d("2021-01-31"), 1.0, "ORDINAER", R));
    bad(e, "MISSING_VALUE(paid_hours)", r("missing_hours", "P6", "12345678", d("2021-01-01"), d("2021-01-31"), null, "ORDINAER", R));
    bad(e, "NEGATIVE_VALUE(paid_hours)", r("negative_hours", "P7", "12345678", d("2021-01-01"), d("2021-01-31"), -3.5, "ORDINAER", R));
    bad(e, "UNKNOWN_CODE(employment_type)", r("danish_letter_code", "P8", "12345678", d("2021-01-01"), d("2021-01-31"), 1.0, "ORDINÆR", R));
    bad(e, "END_BEFORE_START(period_start,period_end)", r("reversed_pay_period", "P9", "12345678", d("2021-02-01"), d("2021-01-31"), 1.0, "ORDINAER", R));

    String b = Sources.BENCHMARK_EXPECTED;
    good(b, r("good_year", 101, d("2021-01-01"), d("2021-12-31"), "A_DAGPENGE_MV", 1234.5, R));
    good(b, r("good_half_years", 851, d("2020-07-01"), d("2021-06-30"), "KONTANTHJAELP_MV", 0.0, R));
    bad(b, "MISSING_KEY(municipality_code)", r("missing_municipality", null, d("2021-01-01"), d("2021-12-31"), "A_DAGPENGE_MV", 1.0, R));
    bad(b, "UNKNOWN_MUNICIPALITY", r("municipality_102", 102, d("2021-01-01"), d("2021-12-31"), "A_DAGPENGE_MV", 1.0, R));
    bad(b, "UNKNOWN_CODE(benefit_group)", r("benefit_not_group", 101, d("2021-01-01"), d("2021-12-31"), "A_DAGPENGE", 1.0, R));
    bad(b, "NEGATIVE_VALUE(expected_fte)", r("negative_fte", 101, d("2021-01-01"), d("2021-12-31"), "SYGEDAGPENGE_MV", -0.5, R));
    bad(b, "MISSING_VALUE(expected_fte)", r("missing_fte", 101, d("2021-01-01"), d("2021-12-31"), "SYGEDAGPENGE_MV", null, R));
    bad(b, "END_BEFORE_START(period_start,period_end)", r("reversed_benchmark", 101, d("2021-12-31"), d("2021-01-01"), "SYGEDAGPENGE_MV", 1.0, R));

    String p = Sources.POPULATION;
    good(p, r("good_copenhagen", 101, 2021, 450000, R));
    good(p, r("good_hjoerring", 860, 2100, 40000, R));
    bad(p, "MISSING_KEY(year)", r("missing_year", 101, null, 1, R));
    bad(p, "DATE_OUT_OF_RANGE(year)", r("year_1999", 101, 1999, 1, R));
    bad(p, "NEGATIVE_VALUE(population_16_66)", r("negative_population", 147, 2021, -1, R));
    bad(p, "MISSING_VALUE(population_16_66)", r("missing_population", 147, 2022, null, R));
    bad(p, "UNKNOWN_MUNICIPALITY", r("municipality_999", 999, 2021, 1, R));

    for (SourceSpec spec : Sources.ALL.values()) {
      List<Row> rows = new ArrayList<>(GOOD.get(spec.name()));
      List<Object> badRows = BAD.get(spec.name());
      for (int i = 0; i < badRows.size(); i += 2) rows.add((Row) badRows.get(i));
      Fixtures.land(lake, spec.name(), "delivery-2021-06", Fixtures.landingSchema(spec), rows);
    }
    log = Fixtures.ingest(lake);
  }

  @AfterAll
  static void forgetCatalog() {
    Fixtures.forgetCatalog();
  }

  /** Whole bronze and quarantine tables of one source against the literal rows. */
  private static void assertSource(SourceSpec spec) {
    StructType s = Fixtures.landingSchema(spec);
    Dataset<Row> bronze = Fixtures.bronze(lake, spec.name());
    Frames.assertSameRows(Fixtures.frame(s, GOOD.get(spec.name())), bronze, SCENARIO);
    Fixtures.assertContractTypes(spec, bronze);
    List<Object> bad = BAD.get(spec.name());
    List<Object> pairs = new ArrayList<>();
    for (int i = 0; i < bad.size(); i += 2) {
      pairs.add(((Row) bad.get(i)).getString(0));
      pairs.add(bad.get(i + 1));
    }
    Frames.assertSameRows(rules(pairs.toArray()), Fixtures.quarantine(lake, spec.name()), SCENARIO);
  }

  @Test
  void fleur() {
    assertSource(Sources.FLEUR_SPEC);
  }

  @Test
  void kmdSygedagpenge() {
    assertSource(Sources.KMD_SPEC);
  }

  @Test
  void municipalBenefits() {
    assertSource(Sources.MUNICIPAL_SPEC);
  }

  @Test
  void tassConversations() {
    assertSource(Sources.TASS_SPEC);
  }

  @Test
  void plandataOffers() {
    assertSource(Sources.PLANDATA_SPEC);
  }

  @Test
  void eindkomst() {
    assertSource(Sources.EINDKOMST_SPEC);
  }

  @Test
  void benchmarkExpected() {
    assertSource(Sources.BENCHMARK_SPEC);
  }

  @Test
  void population() {
    assertSource(Sources.POPULATION_SPEC);
  }

  @Test
  void quarantineKeepsEveryLandedValueAsTextWithLineage() {
    Dataset<Row> q =
        Fixtures.quarantine(lake, Sources.POPULATION)
            .select(SCENARIO, Cols.MUNICIPALITY_CODE, Cols.YEAR, Cols.POPULATION_16_66, Cols.INGEST_RUN_ID);
    StructType s =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(SCENARIO, DataTypes.StringType, true),
                DataTypes.createStructField(Cols.MUNICIPALITY_CODE, DataTypes.StringType, true),
                DataTypes.createStructField(Cols.YEAR, DataTypes.StringType, true),
                DataTypes.createStructField(Cols.POPULATION_16_66, DataTypes.StringType, true),
                DataTypes.createStructField(Cols.INGEST_RUN_ID, DataTypes.StringType, true)));
    String run = log.runId();
    Frames.assertSameRows(
        Fixtures.frame(
            s,
            List.of(
                r("missing_year", "101", null, "1", run),
                r("year_1999", "101", "1999", "1", run),
                r("negative_population", "147", "2021", "-1", run),
                r("missing_population", "147", "2022", null, run),
                r("municipality_999", "999", "2021", "1", run))),
        q,
        SCENARIO);
    assertEquals(DataTypes.StringType, q.schema().apply(Cols.MUNICIPALITY_CODE).dataType());
  }

  @Test
  void dataQualitySummaryCountsRowsAndRules() {
    Dataset<Row> dq =
        DeltaIO.read(session(), Tables.DQ_RESULTS.path(lake))
            .filter("source = 'fleur'")
            .select(Cols.RUN_ID, Cols.DQ_RULE, Cols.ROWS);
    StructType s =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(Cols.RUN_ID, DataTypes.StringType, true),
                DataTypes.createStructField(Cols.DQ_RULE, DataTypes.StringType, true),
                DataTypes.createStructField(Cols.ROWS, DataTypes.LongType, true)));
    String run = log.runId();
    Frames.assertSameRows(
        Fixtures.frame(
            s,
            List.of(
                r(run, "ROWS_IN_FOOTER", 20L),
                r(run, "ROWS_READ", 20L),
                r(run, "ROWS_BRONZE", 4L),
                r(run, "ROWS_QUARANTINE", 16L),
                // good_a_dagpenge and good_correction differ in reported_at: a correction, no tie.
                r(run, "CORRECTION_TIES", 0L),
                r(run, "CPR_LIKE_ID", 1L),
                r(run, "REPORTED_IN_FUTURE", 1L),
                r(run, "MISSING_KEY(person_id)", 1L),
                r(run, "MISSING_KEY(benefit_code)", 1L),
                r(run, "MISSING_KEY(period_start)", 1L),
                r(run, "MISSING_VALUE(municipality_code)", 1L),
                r(run, "MISSING_VALUE(period_end)", 1L),
                r(run, "INVALID_PERSON_ID", 1L),
                r(run, "UNKNOWN_CODE(benefit_code)", 1L),
                // municipality_100 and two_rules: a row breaking two rules counts under both.
                r(run, "UNKNOWN_MUNICIPALITY", 2L),
                r(run, "END_BEFORE_START(period_start,period_end)", 1L),
                r(run, "NEGATIVE_VALUE(unemployment_hours)", 2L),
                r(run, "HOURS_OUT_OF_RANGE", 1L),
                r(run, "DATE_OUT_OF_RANGE(period_start)", 1L),
                r(run, "DATE_OUT_OF_RANGE(reported_at)", 1L))),
        dq,
        Cols.DQ_RULE);
  }

  @Test
  void manifestListsTheFileWithItsCounts() {
    Dataset<Row> files =
        DeltaIO.read(session(), Tables.INGESTED_FILES.path(lake))
            .filter("source = 'population'")
            .select(Cols.RUN_ID, Cols.ROWS_BRONZE, Cols.ROWS_QUARANTINE);
    StructType s =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(Cols.RUN_ID, DataTypes.StringType, true),
                DataTypes.createStructField(Cols.ROWS_BRONZE, DataTypes.LongType, true),
                DataTypes.createStructField(Cols.ROWS_QUARANTINE, DataTypes.LongType, true)));
    Frames.assertSameRows(
        Fixtures.frame(s, List.of(r(log.runId(), 2L, 5L))), files, Cols.RUN_ID);
  }

  @Test
  void runLogAndCommitsRecordTheRun() {
    for (String source : Sources.ALL.keySet()) {
      assertTrue(log.rowCounts().containsKey("bronze." + source), "run log lacks bronze." + source);
      assertTrue(log.rowCounts().containsKey("quarantine." + source), "run log lacks quarantine." + source);
    }
    assertEquals(4L, log.rowCounts().get("bronze.fleur"));
    assertEquals(16L, log.rowCounts().get("quarantine.fleur"));
    assertEquals(8L, log.rowCounts().get("meta.ingested_files"));
    assertEquals(20L, log.rowCounts().get("landing.fleur"));
    for (String path :
        List.of(lake.bronze(Sources.FLEUR), lake.quarantine(Sources.FLEUR), Tables.INGESTED_FILES.path(lake), Tables.DQ_RESULTS.path(lake))) {
      String meta =
          io.delta.tables.DeltaTable.forPath(session(), path).history(1).select("userMetadata").first().getString(0);
      assertEquals(log.userMetadata(), meta, "userMetadata of the last commit of " + path);
    }
  }

  @Test
  void tablesAreInTheCatalog() {
    dk.star.fokusmaal.lake.Catalog.register(session(), lake);
    assertEquals(4L, session().sql("SELECT * FROM bronze.fleur").count());
    assertEquals(16L, session().sql("SELECT * FROM quarantine.fleur").count());
  }

  /** Issue 9: the CPR number lands neither in bronze nor in quarantine; quarantine keeps it masked. */
  @Test
  void noCprNumberIsKeptAnywhere() {
    Row q = Fixtures.quarantine(lake, Sources.FLEUR).filter(SCENARIO + " = 'cpr_person'").first();
    assertEquals("010190-XXXX", q.getString(q.fieldIndex(Cols.PERSON_ID)));
    for (SourceSpec spec : Sources.ALL.values()) {
      if (!spec.requiredColumns().contains(Cols.PERSON_ID)) continue;
      for (Dataset<Row> t : List.of(Fixtures.bronze(lake, spec.name()), Fixtures.quarantine(lake, spec.name()))) {
        assertEquals(0L, t.filter(t.col(Cols.PERSON_ID).rlike(Validation.CPR_PATTERN)).count(),
            "CPR-like person_id in " + spec.name());
      }
    }
  }
}
