package dk.star.fokusmaal.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.lake.Catalog;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.TableSpec;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.testing.SparkTestBase;
import dk.star.fokusmaal.testing.TestRules;
import dk.star.fokusmaal.testing.TinyLake;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Person-level data goes only where it belongs (issue 11): the worklist lives in the restricted
 * zone under its own root, owner-only and outside the catalog; a job centre's CSV holds its own
 * citizens only; no gold table holds a person id; the suppression threshold cannot be opened.
 */
class DisclosureTest extends SparkTestBase {
  private static Lake lake;
  private static Path restricted;
  private static JobContext ctx;

  @BeforeAll
  static void build() {
    Lake tiny = TinyLake.create(session(), "disclosure");
    restricted = tmp("disclosure_restricted").resolve("worklists");
    lake = new Lake(tiny.root(), restricted.toString());
    ctx = TinyLake.context(session(), lake, TestRules.RULES);
    BuildJob.run(ctx, YearMonth.of(2022, 1), YearMonth.of(2022, 2), new RunLog("build", Map.of()));
  }

  @Test
  void restrictedZoneHasItsOwnOwnerOnlyRootOutsideTheCatalog() throws Exception {
    String path = Tables.FOLLOWUP_PERSONS.path(lake);
    assertEquals(restricted.resolve("followup_persons").toString(), path);
    assertTrue(DeltaIO.exists(session(), path));
    assertFalse(Files.exists(Path.of(lake.root(), Lake.RESTRICTED)), "nothing restricted under the lake's own root");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(restricted)));
    Set<PosixFilePermission> others = Set.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    try (Stream<Path> all = Files.walk(restricted)) {
      for (Path p : all.toList()) {
        Set<PosixFilePermission> perms = new HashSet<>(Files.getPosixFilePermissions(p));
        perms.retainAll(others);
        assertTrue(perms.isEmpty(), p + " is readable by others: " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
      }
    }
    Map<String, String> registered = Catalog.register(session(), lake);
    assertTrue(registered.containsKey("gold.focus_goal_monthly"), registered.toString());
    assertTrue(registered.keySet().stream().noneMatch(t -> t.startsWith(Lake.RESTRICTED + ".")), registered.toString());
    assertThrows(IllegalArgumentException.class, () -> Catalog.register(session(), lake, Lake.RESTRICTED));
    // every column documented
    for (var f : DeltaIO.read(session(), path).schema().fields()) {
      assertTrue(f.getComment().isDefined(), "followup_persons." + f.name() + " has no comment");
    }
  }

  @Test
  void aMunicipalitysCsvHoldsOnlyItsOwnCitizens() throws Exception {
    Dataset<Row> table = DeltaIO.read(session(), Tables.FOLLOWUP_PERSONS.path(lake));
    for (int muni : new int[] {101, 727}) {
      Set<String> own = new HashSet<>(table.filter(col(Cols.MONTH).equalTo(java.sql.Date.valueOf("2022-02-01")))
          .filter(col(Cols.MUNICIPALITY_CODE).equalTo(muni)).select(Cols.PERSON_ID).as(Encoders.STRING()).collectAsList());
      Path out = tmp("worklist_" + muni).resolve("list.csv");
      long n = Worklist.write(ctx, muni, YearMonth.of(2022, 2), out.toString(), Worklist.Lang.en);
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      List<String> header = List.of(lines.get(0).split(",", -1));
      assertEquals(Tables.FOLLOWUP_PERSONS.columnNames(), header);
      int person = header.indexOf(Cols.PERSON_ID);
      int code = header.indexOf(Cols.MUNICIPALITY_CODE);
      Set<String> listed = new HashSet<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        assertEquals(String.valueOf(muni), f[code], line);
        listed.add(f[person]);
      }
      assertFalse(own.isEmpty(), "municipality " + muni + " has someone on its list");
      assertEquals(own, listed);
      assertEquals(own.size(), n);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }
    // Danish headers by default
    Path da = tmp("worklist_da").resolve("liste.csv");
    Worklist.write(ctx, 101, YearMonth.of(2022, 2), da.toString(), Worklist.Lang.da);
    String header = Files.readAllLines(da, StandardCharsets.UTF_8).get(0);
    assertTrue(header.startsWith("Måned,Kommunekode,Prioritet,Borger (pseudonym)"), header);

    UsageError unknown = assertThrows(UsageError.class, () -> Worklist.write(ctx, 999, YearMonth.of(2022, 2), da.toString(), Worklist.Lang.da));
    assertTrue(unknown.getMessage().contains("unknown municipality code 999"), unknown.getMessage());
    UsageError notBuilt = assertThrows(UsageError.class, () -> Worklist.write(ctx, 101, YearMonth.of(2022, 5), da.toString(), Worklist.Lang.da));
    assertTrue(notBuilt.getMessage().contains("month 2022-05 is not built"), notBuilt.getMessage());
  }

  @Test
  void noGoldTableHoldsAPersonId() {
    Set<String> ids = new HashSet<>();
    for (var spec : List.of(Sources.FLEUR_SPEC, Sources.KMD_SPEC, Sources.MUNICIPAL_SPEC, Sources.TASS_SPEC,
        Sources.PLANDATA_SPEC, Sources.EINDKOMST_SPEC)) {
      ids.addAll(DeltaIO.read(session(), lake.bronze(spec.name())).select(col(Cols.PERSON_ID).cast("string"))
          .distinct().as(Encoders.STRING()).collectAsList());
    }
    assertTrue(ids.size() >= 7, "the test lake's persons: " + ids);
    int scanned = 0;
    for (TableSpec t : Tables.BUILD_OUTPUTS) {
      if (!t.zone().equals(Lake.GOLD) || !DeltaIO.exists(session(), t.path(lake))) continue;
      Dataset<Row> gold = DeltaIO.read(session(), t.path(lake));
      for (String c : gold.columns()) {
        List<String> hits = gold.select(col(c).cast("string").as("v")).filter(col("v").isin(ids.toArray()))
            .distinct().as(Encoders.STRING()).collectAsList();
        assertTrue(hits.isEmpty(), t.qualifiedName() + "." + c + " holds person ids " + hits);
        scanned++;
      }
    }
    assertTrue(scanned > 30, "columns scanned: " + scanned);
  }

  @Test
  void theSuppressionThresholdCannotBeSetBelowThree() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestRules.with(Map.of("suppression.min_population", "2")));
    assertTrue(e.getMessage().contains("suppression.min_population=2 is below 3"), e.getMessage());
    Rules three = TestRules.with(Map.of("suppression.min_population", "3"));
    assertEquals(3, three.forYear(2022).suppressBelow());
  }
}
