package dk.star.fokusmaal.bronze;

import static dk.star.fokusmaal.bronze.Fixtures.R;
import static dk.star.fokusmaal.bronze.Fixtures.SCENARIO;
import static dk.star.fokusmaal.bronze.Fixtures.d;
import static dk.star.fokusmaal.bronze.Fixtures.frame;
import static dk.star.fokusmaal.bronze.Fixtures.land;
import static dk.star.fokusmaal.bronze.Fixtures.landingSchema;
import static dk.star.fokusmaal.bronze.Fixtures.r;
import static dk.star.fokusmaal.bronze.Fixtures.rules;
import static dk.star.fokusmaal.bronze.Fixtures.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.pipeline.RunLog;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.SparkTestBase;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What ingest does with files (SPEC §4.9): files of another type, re-ingest, retry after a crash,
 * bad files that must fail the run and change nothing, extra columns, hidden files, lineage.
 * Mostly the small {@code population} source, each test on a lake of its own.
 */
class IngestFilesTest extends SparkTestBase {

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

  private static void garbage(Lake lake, String relative) throws IOException {
    Path p = Path.of(lake.root(), Lake.LANDING, relative);
    Files.createDirectories(p.getParent());
    Files.write(p, "this is not parquet".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aColumnStoredWithAnotherTypeIsConvertedRowByRow() {
    Lake lake = newLake("wrongtype");
    StructType fleur = landingSchema(Sources.FLEUR_SPEC);
    land(lake, Sources.FLEUR, "contract-types", fleur,
        List.of(r("int_code", "P1", 101, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 100.0, R)));
    // A register that writes municipality_code as text, in its own file.
    land(lake, Sources.FLEUR, "code-as-string", Fixtures.withType(fleur, Cols.MUNICIPALITY_CODE, DataTypes.StringType),
        List.of(
            r("string_code_101", "P2", "101", "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 100.0, R),
            r("string_code_abc", "P3", "abc", "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 100.0, R),
            r("string_code_999", "P4", "999", "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 100.0, R)));
    // …and one that writes it as long: 101L casts cleanly, 5 000 000 000 does not fit an int.
    land(lake, Sources.FLEUR, "code-as-long", Fixtures.withType(fleur, Cols.MUNICIPALITY_CODE, DataTypes.LongType),
        List.of(
            r("long_code_101", "P5", 101L, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 100.0, R),
            r("long_code_too_big", "P6", 5_000_000_000L, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 100.0, R)));

    Fixtures.ingest(lake);

    Dataset<Row> bronze = Fixtures.bronze(lake, Sources.FLEUR);
    Fixtures.assertContractTypes(Sources.FLEUR_SPEC, bronze);
    StructType expected =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(SCENARIO, DataTypes.StringType, true),
                DataTypes.createStructField(Cols.MUNICIPALITY_CODE, DataTypes.IntegerType, true)));
    Frames.assertSameRows(
        frame(expected, List.of(r("int_code", 101), r("string_code_101", 101), r("long_code_101", 101))),
        bronze,
        SCENARIO);

    Dataset<Row> q = Fixtures.quarantine(lake, Sources.FLEUR);
    Frames.assertSameRows(
        rules(
            "string_code_abc", "WRONG_TYPE(municipality_code)",
            "string_code_999", "UNKNOWN_MUNICIPALITY",
            "long_code_too_big", "WRONG_TYPE(municipality_code)"),
        q,
        SCENARIO);
    // The wrong value survives as delivered.
    StructType text =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(SCENARIO, DataTypes.StringType, true),
                DataTypes.createStructField(Cols.MUNICIPALITY_CODE, DataTypes.StringType, true)));
    Frames.assertSameRows(
        frame(
            text,
            List.of(
                r("string_code_abc", "abc"),
                r("string_code_999", "999"),
                r("long_code_too_big", "5000000000"))),
        q,
        SCENARIO);
  }

  @Test
  void reingestAddsNothingAndALaterFileIsPickedUp() throws IOException {
    Lake lake = newLake("idempotent");
    land(lake, POP, "2021", POP_SCHEMA,
        List.of(r("first_good", 101, 2021, 1000, R), r("first_bad", 101, 1999, 1000, R)));
    Fixtures.ingest(lake);
    Map<String, Long> afterFirst = versions(lake);

    RunLog second = Fixtures.ingest(lake);
    assertEquals(afterFirst, versions(lake), "a second run over the same files commits nothing");
    assertTrue(second.rowCounts().isEmpty(), "second run wrote rows: " + second.rowCounts());
    Frames.assertSameRows(scenarios("first_good"), Fixtures.bronze(lake, POP), SCENARIO);
    Frames.assertSameRows(scenarios("first_bad"), Fixtures.quarantine(lake, POP), SCENARIO);

    // A later delivery, in a sub-folder with a name that needs escaping in a URI.
    land(lake, POP, "2022/delivery 2 ø+%", POP_SCHEMA,
        List.of(r("second_good", 147, 2022, 2000, R), r("second_bad", 147, 2022, -1, R)));
    RunLog third = Fixtures.ingest(lake);
    Frames.assertSameRows(scenarios("first_good", "second_good"), Fixtures.bronze(lake, POP), SCENARIO);
    Frames.assertSameRows(
        scenarios("first_bad", "second_bad"), Fixtures.quarantine(lake, POP), SCENARIO);
    assertEquals(2L, DeltaIO.read(session(), Tables.INGESTED_FILES.path(lake)).count());

    // Lineage: every bronze row names its file exactly as the manifest does, and the run.
    Dataset<Row> manifest = DeltaIO.read(session(), Tables.INGESTED_FILES.path(lake));
    Dataset<Row> bronze = Fixtures.bronze(lake, POP);
    Dataset<Row> joined =
        bronze.join(
            manifest,
            bronze.col(Cols.SOURCE_FILE).equalTo(manifest.col(Cols.FILE_PATH))
                .and(bronze.col(Cols.INGEST_RUN_ID).equalTo(manifest.col(Cols.RUN_ID)))
                .and(bronze.col(Cols.INGESTED_AT).equalTo(manifest.col(Cols.FILE_INGESTED_AT))));
    assertEquals(2L, joined.count(), "bronze rows whose lineage matches the manifest");
    Row second2 = bronze.filter(bronze.col(SCENARIO).equalTo("second_good")).first();
    String file = second2.getString(second2.fieldIndex(Cols.SOURCE_FILE));
    assertTrue(file.contains("/landing/population/2022/delivery%202%20%C3%B8+%25/")
            || file.contains("/landing/population/2022/delivery%202%20ø+%25/"),
        file);
    assertTrue(
        Files.exists(Path.of(java.net.URI.create(file))),
        "_source_file is the full path of an existing file: " + file);
    assertEquals(third.runId(), second2.getString(second2.fieldIndex(Cols.INGEST_RUN_ID)));
  }

  /** Writes one Parquet file to {@code landing/<source>/<relative>} under a name of our choosing. */
  private static void landAs(Lake lake, String relative, List<Row> rows, long modifiedAt) throws IOException {
    Path staging = tmp("staging").resolve("d");
    frame(POP_SCHEMA, rows).coalesce(1).write().parquet(staging.toString());
    Path part;
    try (var files = Files.list(staging)) {
      part = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Path target = Path.of(lake.root(), Lake.LANDING, relative);
    Files.createDirectories(target.getParent());
    Files.copy(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(modifiedAt));
  }

  @Test
  void aFileRewrittenInPlaceIsANewDeliveryThatReplacesItsRows() throws IOException {
    Lake lake = newLake("rewritten");
    landAs(lake, POP + "/current.parquet", List.of(r("v1_good", 101, 2021, 1, R), r("v1_bad", 101, 2021, -1, R)),
        1_600_000_000_000L);
    Fixtures.ingest(lake);
    landAs(lake, POP + "/current.parquet", List.of(r("v2_good", 101, 2021, 2, R), r("v2_bad", 999, 2021, 2, R)),
        1_600_000_100_000L);
    Fixtures.ingest(lake);
    Frames.assertSameRows(scenarios("v2_good"), Fixtures.bronze(lake, POP), SCENARIO);
    Frames.assertSameRows(scenarios("v2_bad"), Fixtures.quarantine(lake, POP), SCENARIO);
    assertEquals(2L, DeltaIO.read(session(), Tables.INGESTED_FILES.path(lake)).count(), "both deliveries in the manifest");
  }

  @Test
  void aRetryAfterACrashBeforeTheManifestDoesNotDuplicateRows() {
    Lake lake = newLake("retry");
    land(lake, POP, "a", POP_SCHEMA, List.of(r("a_good", 101, 2021, 1, R), r("a_bad", 101, 2021, -1, R)));
    Fixtures.ingest(lake);
    long manifestBefore = DeltaIO.version(session(), Tables.INGESTED_FILES.path(lake));

    land(lake, POP, "b", POP_SCHEMA, List.of(r("b_good", 147, 2021, 1, R), r("b_bad", 147, 2021, -1, R)));
    Fixtures.ingest(lake);
    // As if that run had crashed after writing bronze and quarantine, before the manifest.
    DeltaTable.forPath(session(), Tables.INGESTED_FILES.path(lake)).restoreToVersion(manifestBefore);

    RunLog retry = Fixtures.ingest(lake);
    Frames.assertSameRows(scenarios("a_good", "b_good"), Fixtures.bronze(lake, POP), SCENARIO);
    Frames.assertSameRows(scenarios("a_bad", "b_bad"), Fixtures.quarantine(lake, POP), SCENARIO);
    Row b = Fixtures.bronze(lake, POP).filter(SCENARIO + " = 'b_good'").first();
    assertEquals(retry.runId(), b.getString(b.fieldIndex(Cols.INGEST_RUN_ID)), "b's rows are the retry's");
  }

  @Test
  void anUnreadableFileFailsTheIngestAndChangesNothing() throws IOException {
    Lake lake = newLake("unreadable");
    land(lake, POP, "2021", POP_SCHEMA, List.of(r("old", 101, 2021, 1, R)));
    Fixtures.ingest(lake);
    Map<String, Long> before = versions(lake);

    // Good new files in the first and the last source, and a broken one in the last.
    land(lake, Sources.FLEUR, "new", landingSchema(Sources.FLEUR_SPEC),
        List.of(r("new_fleur", "P1", 101, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 1.0, R)));
    land(lake, POP, "2022", POP_SCHEMA, List.of(r("new_population", 101, 2022, 1, R)));
    garbage(lake, POP + "/2022-extra/x.parquet");

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Fixtures.ingest(lake));
    assertTrue(e.getMessage().contains("/landing/population/2022-extra/x.parquet"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
    assertEquals(before, versions(lake), "no table changed");
    Frames.assertSameRows(scenarios("old"), Fixtures.bronze(lake, POP), SCENARIO);
  }

  @Test
  void aFileWithoutARequiredColumnFailsTheIngestNamingFileAndColumn() {
    Lake lake = newLake("missingcol");
    land(lake, POP, "2021", POP_SCHEMA, List.of(r("old", 101, 2021, 1, R)));
    Fixtures.ingest(lake);
    Map<String, Long> before = versions(lake);

    land(lake, Sources.FLEUR, "new", landingSchema(Sources.FLEUR_SPEC),
        List.of(r("new_fleur", "P1", 101, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 1.0, R)));
    String dir =
        land(lake, POP, "2022-no-count", Fixtures.without(POP_SCHEMA, Cols.POPULATION_16_66),
            List.of(r("no_count", 101, 2022, R)));

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Fixtures.ingest(lake));
    assertTrue(e.getMessage().contains("2022-no-count/part-"), e.getMessage());
    assertTrue(e.getMessage().contains(Cols.POPULATION_16_66), e.getMessage());
    assertTrue(dir.endsWith("2022-no-count"));
    assertEquals(before, versions(lake), "no table changed");
  }

  @Test
  void extraColumnsAreKeptInBronze() {
    Lake lake = newLake("extra");
    StructType withNote =
        Fixtures.plus(Fixtures.plus(POP_SCHEMA, "note", DataTypes.StringType), "batch_no", DataTypes.IntegerType);
    land(lake, POP, "with-extras", withNote, List.of(r("with_note", 101, 2021, 1, R, "checked", 7)));
    land(lake, POP, "without", POP_SCHEMA, List.of(r("without_note", 147, 2021, 1, R)));
    Fixtures.ingest(lake);
    // A later delivery adds yet another column: the bronze schema grows.
    land(lake, POP, "later", Fixtures.plus(POP_SCHEMA, "region_hint", DataTypes.StringType),
        List.of(r("later_hint", 151, 2021, 1, R, "H")));
    Fixtures.ingest(lake);

    StructType s =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(SCENARIO, DataTypes.StringType, true),
                DataTypes.createStructField("note", DataTypes.StringType, true),
                DataTypes.createStructField("batch_no", DataTypes.IntegerType, true),
                DataTypes.createStructField("region_hint", DataTypes.StringType, true)));
    Dataset<Row> bronze = Fixtures.bronze(lake, POP);
    Frames.assertSameRows(
        frame(
            s,
            List.of(
                r("with_note", "checked", 7, null),
                r("without_note", null, null, null),
                r("later_hint", null, null, "H"))),
        bronze,
        SCENARIO);
    assertEquals(DataTypes.IntegerType, bronze.schema().apply("batch_no").dataType());
  }

  @Test
  void anExtraColumnThatChangesTypeFailsBeforeAnythingIsWritten() {
    Lake lake = newLake("extratype");
    land(lake, POP, "a", Fixtures.plus(POP_SCHEMA, "batch_no", DataTypes.IntegerType),
        List.of(r("a", 101, 2021, 1, R, 7)));
    Fixtures.ingest(lake);
    Map<String, Long> before = versions(lake);
    land(lake, POP, "b", Fixtures.plus(POP_SCHEMA, "batch_no", DataTypes.StringType),
        List.of(r("b", 101, 2022, 1, R, "seven")));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Fixtures.ingest(lake));
    assertTrue(e.getMessage().contains("/b/part-") && e.getMessage().contains("batch_no"), e.getMessage());
    assertEquals(before, versions(lake));
  }

  @Test
  void hiddenFilesAndFoldersAreIgnoredAndFolderNamesAreNotColumns() throws IOException {
    Lake lake = newLake("hidden");
    land(lake, POP, "2021", POP_SCHEMA, List.of(r("visible", 101, 2021, 1, R)));
    // A folder named like a Hive partition: its name is not a column.
    land(lake, POP, "delivery=2", POP_SCHEMA, List.of(r("in_key_value_folder", 147, 2021, 1, R)));
    // Garbage that would fail the run if it were read.
    garbage(lake, POP + "/_temporary/0/part-0.parquet");
    garbage(lake, POP + "/.staging/part-0.parquet");
    garbage(lake, POP + "/2021/.part-0.parquet.crc");
    garbage(lake, POP + "/2021/_SUCCESS");
    garbage(lake, POP + "/.hidden.parquet");
    Fixtures.ingest(lake);
    Dataset<Row> bronze = Fixtures.bronze(lake, POP);
    Frames.assertSameRows(scenarios("visible", "in_key_value_folder"), bronze, SCENARIO);
    assertTrue(!List.of(bronze.columns()).contains("delivery"), "no column from a folder name");
    assertEquals(2L, DeltaIO.read(session(), Tables.INGESTED_FILES.path(lake)).count());
  }
}
