package dk.star.fokusmaal.bronze;

import static dk.star.fokusmaal.bronze.Fixtures.R;
import static dk.star.fokusmaal.bronze.Fixtures.SCENARIO;
import static dk.star.fokusmaal.bronze.Fixtures.frame;
import static dk.star.fokusmaal.bronze.Fixtures.land;
import static dk.star.fokusmaal.bronze.Fixtures.landingSchema;
import static dk.star.fokusmaal.bronze.Fixtures.r;
import static dk.star.fokusmaal.bronze.Fixtures.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.bronze.Ingest.Batch;
import dk.star.fokusmaal.bronze.Ingest.FileRows;
import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.pipeline.RunLog;
import dk.star.fokusmaal.silver.Corrections;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.SparkTestBase;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: rows in = bronze + quarantine, file by file against the Parquet footer, recorded in
 * {@code meta.dq_results}, and a mismatch fails the ingest before the manifest; ties of
 * corrections are counted in {@code meta.dq_results}. On the small {@code population} source.
 */
class IngestCountsTest extends SparkTestBase {

  private static final String POP = Sources.POPULATION;
  private static final StructType POP_SCHEMA = landingSchema(Sources.POPULATION_SPEC);

  @AfterAll
  static void forgetCatalog() {
    Fixtures.forgetCatalog();
  }

  private static Lake newLake(String name) {
    session();
    return new Lake(tmp(name).toString());
  }

  private static Dataset<Row> scenarios(String... names) {
    StructType s =
        DataTypes.createStructType(
            List.of(DataTypes.createStructField(SCENARIO, DataTypes.StringType, true)));
    return frame(s, java.util.Arrays.stream(names).map(n -> r(n)).toList());
  }

  /** The DQ rows {@code (rule, rows)} of one run and source. */
  private static Dataset<Row> dq(Lake lake, RunLog run, String source) {
    return DeltaIO.read(session(), Tables.DQ_RESULTS.path(lake))
        .filter(String.format("%s = '%s' AND %s = '%s'", Cols.RUN_ID, run.runId(), Cols.SOURCE, source))
        .select(Cols.DQ_RULE, Cols.ROWS);
  }

  private static Dataset<Row> ruleRows(Object... ruleCountPairs) {
    StructType s =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(Cols.DQ_RULE, DataTypes.StringType, true),
                DataTypes.createStructField(Cols.ROWS, DataTypes.LongType, true)));
    java.util.List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < ruleCountPairs.length; i += 2) rows.add(r(ruleCountPairs[i], ruleCountPairs[i + 1]));
    return frame(s, rows);
  }

  @Test
  void theFootersRowsAreRecordedAndAccountedFor() {
    Lake lake = newLake("footer");
    land(lake, POP, "a", POP_SCHEMA,
        List.of(r("a1", 101, 2021, 1, R), r("a2", 147, 2021, 1, R), r("a_bad", 101, 1999, 1, R)));
    land(lake, POP, "b", POP_SCHEMA, List.of(r("b1", 151, 2021, 1, R), r("b2", 153, 2021, 1, R)));
    RunLog run = Fixtures.ingest(lake);
    Frames.assertSameRows(
        ruleRows(
            "ROWS_IN_FOOTER", 5L,
            "ROWS_READ", 5L,
            "ROWS_BRONZE", 4L,
            "ROWS_QUARANTINE", 1L,
            "CORRECTION_TIES", 0L,
            "DATE_OUT_OF_RANGE(year)", 1L),
        dq(lake, run, POP),
        Cols.DQ_RULE);
  }

  /**
   * A reader that loses a row (simulated by the test hook after the read) leaves bronze +
   * quarantine one short of the footer: the ingest fails naming the file, the manifest and the
   * DQ summary get no commit, and the rerun replaces what the failed run wrote.
   */
  @Test
  void aFileWhoseRowsDoNotAddUpToItsFooterFailsTheIngestBeforeTheManifest() {
    Lake lake = newLake("mismatch");
    land(lake, POP, "a", POP_SCHEMA, List.of(r("old", 101, 2021, 1, R)));
    Fixtures.ingest(lake);
    land(lake, POP, "b", POP_SCHEMA,
        List.of(r("kept", 147, 2021, 1, R), r("lost", 151, 2021, 1, R), r("bad", 153, 2021, -1, R)));
    Map<String, Long> before = versions(lake);

    IllegalStateException e;
    Ingest.afterRead = df -> df.filter(df.col(SCENARIO).notEqual("lost"));
    try {
      e = assertThrows(IllegalStateException.class, () -> Fixtures.ingest(lake));
    } finally {
      Ingest.afterRead = null;
    }
    assertTrue(e.getMessage().contains("/landing/population/b/part-"), e.getMessage());
    assertTrue(e.getMessage().contains("declares 3 rows, but ingest read 2"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
    Map<String, Long> after = versions(lake);
    assertEquals(before.get(Tables.INGESTED_FILES.name()), after.get(Tables.INGESTED_FILES.name()),
        "nothing committed to the manifest");
    assertEquals(before.get(Tables.DQ_RESULTS.name()), after.get(Tables.DQ_RESULTS.name()),
        "nothing committed to the DQ summary");
    assertEquals(1L, DeltaIO.read(session(), Tables.INGESTED_FILES.path(lake)).count());

    RunLog rerun = Fixtures.ingest(lake);
    Frames.assertSameRows(scenarios("old", "kept", "lost"), Fixtures.bronze(lake, POP), SCENARIO);
    Frames.assertSameRows(scenarios("bad"), Fixtures.quarantine(lake, POP), SCENARIO);
    assertEquals(2L, DeltaIO.read(session(), Tables.INGESTED_FILES.path(lake)).count());
    Frames.assertSameRows(
        ruleRows(
            "ROWS_IN_FOOTER", 3L, "ROWS_READ", 3L, "ROWS_BRONZE", 2L, "ROWS_QUARANTINE", 1L,
            "CORRECTION_TIES", 0L, "NEGATIVE_VALUE(population_16_66)", 1L),
        dq(lake, rerun, POP),
        Cols.DQ_RULE);
  }

  /** The comparison itself, on counts: footer against validated rows, validated against written. */
  @Test
  void rowCountsMustAgreeFileByFileAndWithTheCommits() {
    StructType schema = Sources.POPULATION_SPEC.schema();
    LandingFile a = new LandingFile("a", "file:/l/a.parquet", 1, 1, schema, 3);
    LandingFile empty = new LandingFile("e", "file:/l/empty.parquet", 1, 1, schema, 0);
    Batch batch = new Batch(Sources.POPULATION_SPEC, List.of(a, empty), 0);
    Map<String, FileRows> read = Map.of(a.path(), new FileRows(2, 1));

    Ingest.checkRowCounts(batch, read, 2, 1); // agrees; a file without rows needs no stats row

    IllegalStateException fewer =
        assertThrows(IllegalStateException.class,
            () -> Ingest.checkRowCounts(batch, Map.of(a.path(), new FileRows(2, 0)), 2, 0));
    assertTrue(fewer.getMessage().contains("file:/l/a.parquet") && fewer.getMessage().contains("declares 3 rows"),
        fewer.getMessage());
    IllegalStateException more =
        assertThrows(IllegalStateException.class,
            () -> Ingest.checkRowCounts(batch, Map.of(a.path(), new FileRows(3, 1)), 3, 1));
    assertTrue(more.getMessage().contains("ingest read 4"), more.getMessage());
    IllegalStateException commit =
        assertThrows(IllegalStateException.class, () -> Ingest.checkRowCounts(batch, read, 1, 1));
    assertTrue(commit.getMessage().contains("the commits wrote 1 and 1"), commit.getMessage());
    IllegalStateException stranger =
        assertThrows(IllegalStateException.class,
            () -> Ingest.checkRowCounts(
                batch, Map.of(a.path(), new FileRows(2, 1), "file:/l/other.parquet", new FileRows(1, 0)), 3, 1));
    assertTrue(stranger.getMessage().contains("other.parquet"), stranger.getMessage());
  }

  /**
   * Ties (same key, same reported_at, other values) are counted by the run whose rows take part,
   * within one file or against an earlier delivery; rows that differ only in an extra column are
   * no tie. The build resolves every tie the same way: later ingest, then file, then content.
   */
  @Test
  void tiesOfCorrectionsAreCountedByTheRunThatBringsThem() {
    Lake lake = newLake("ties");
    land(lake, POP, "d1", POP_SCHEMA,
        List.of(
            r("tie_in_file", 101, 2021, 1000, R),
            r("tie_in_file", 101, 2021, 1001, R),
            // the same contract row twice (only the extra column differs): no tie
            r("same_row_a", 147, 2021, 5, R),
            r("same_row_b", 147, 2021, 5, R),
            r("single", 151, 2021, 7, R),
            // a correction (later reported_at), no tie
            r("corrected", 153, 2021, 1, R),
            r("corrected", 153, 2021, 2, Fixtures.ts("2021-07-01 08:00:00"))));
    RunLog first = Fixtures.ingest(lake);
    Frames.assertSameRows(ruleRows("CORRECTION_TIES", 1L),
        dq(lake, first, POP).filter(Cols.DQ_RULE + " = 'CORRECTION_TIES'"), Cols.DQ_RULE);

    land(lake, POP, "d2", POP_SCHEMA,
        List.of(r("tie_across", 151, 2021, 6, R), r("new_key", 155, 2021, 3, R)));
    RunLog second = Fixtures.ingest(lake);
    // 151/2021 ties with the first delivery; the tie inside d1 is not this run's and not recounted.
    Frames.assertSameRows(ruleRows("CORRECTION_TIES", 1L),
        dq(lake, second, POP).filter(Cols.DQ_RULE + " = 'CORRECTION_TIES'"), Cols.DQ_RULE);

    StructType s =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(Cols.MUNICIPALITY_CODE, DataTypes.IntegerType, true),
                DataTypes.createStructField(Cols.POPULATION_16_66, DataTypes.IntegerType, true)));
    Frames.assertSameRows(
        frame(s, List.of(
            r(101, 1001), // one file, one ingest: the content decides (the greater count)
            r(147, 5),
            r(151, 6), // the later ingest wins, though its count is smaller
            r(153, 2),
            r(155, 3))),
        Corrections.read(session(), lake, Sources.POPULATION_SPEC),
        Cols.MUNICIPALITY_CODE);
  }
}
