package dk.star.fokusmaal.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.generate.GenerateOptions;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.TableSpec;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.reference.Benefit;
import dk.star.fokusmaal.testing.SparkTestBase;
import dk.star.fokusmaal.testing.TestRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden outputs: a small generated lake, ingested and built, whose gold tables are checked in as
 * reviewable text under {@code src/test/resources/golden/}. A change of any number shows up as a
 * diff a reviewer reads. After an intended change: {@code mvn test -Dtest=GoldenTest
 * -Dgolden.update=true}, then review and commit the diff.
 */
class GoldenTest extends SparkTestBase {
  private static final Path DIR = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static Lake lake;

  @BeforeAll
  static void buildLake() throws Exception {
    lake = new Lake(tmp("golden").toString());
    JobContext ctx =
        new JobContext(session(), Settings.defaults(Map.of(Settings.LAKE, lake.root())), lake, TestRules.RULES, new Progress("golden"));
    GenerateJob.run(ctx, new GenerateOptions(3000, YearMonth.of(2020, 1), YearMonth.of(2021, 12), 5, 2, 1));
    IngestJob.run(ctx, new RunLog("ingest", Map.of()));
    BuildJob.run(ctx, YearMonth.of(2021, 1), YearMonth.of(2021, 12), new RunLog("build", Map.of()));
  }

  /** What each golden file holds: the table, filtered to a reviewable size. */
  private static Dataset<Row> table(TableSpec spec) {
    Dataset<Row> t = DeltaIO.read(session(), spec.path(lake)).drop(Cols.RUN_ID);
    if (spec == Tables.FOCUS_GOAL_MONTHLY) return t.filter(col(Cols.BREAKDOWN).equalTo(Cols.ALL));
    if (spec == Tables.RESULT_GOAL) return t.filter(col(Cols.BENEFIT_GROUP).equalTo(Cols.ALL));
    return t;
  }

  static Stream<TableSpec> goldTables() {
    return Tables.BUILD_OUTPUTS.stream().filter(t -> t.zone().equals(Lake.GOLD));
  }

  @ParameterizedTest
  @MethodSource("goldTables")
  void goldTableMatchesItsGoldenFile(TableSpec spec) throws IOException {
    String name = spec.name();
    String actual = text(table(spec));
    Path file = DIR.resolve(name + ".csv");
    if (UPDATE) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) fail("no golden file " + file + "; run with -Dgolden.update=true and review it");
    List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> got = actual.lines().toList();
    for (int i = 0; i < Math.max(expected.size(), got.size()); i++) {
      String e = i < expected.size() ? expected.get(i) : "<no line>";
      String a = i < got.size() ? got.get(i) : "<no line>";
      assertEquals(e, a, name + ".csv line " + (i + 1) + " (columns: " + expected.get(0) + ")");
    }
  }

  /**
   * Disclosure control on a lake with many small cells (issue 11), checked independently of {@code
   * Shares.suppression}: every cell of fewer than 5 persons is suppressed, and no additive relation
   * of a month has exactly one suppressed cell (ALL = Σ benefit groups = Σ benefits, each group = Σ
   * its benefits, in each municipality and nationally; nation = Σ municipalities per breakdown),
   * so no hidden count is recoverable by subtraction.
   */
  @Test
  void noSuppressedCellCanBeRecoveredBySubtraction() {
    Map<String, List<Boolean>> relations = new HashMap<>();
    int cells = 0, hidden = 0;
    for (TableSpec spec : List.of(Tables.FOCUS_GOAL_MONTHLY, Tables.FOCUS_GOAL_NATIONAL_MONTHLY)) {
      boolean national = spec == Tables.FOCUS_GOAL_NATIONAL_MONTHLY;
      for (Row r : DeltaIO.read(session(), spec.path(lake)).collectAsList()) {
        String month = r.getAs(Cols.MONTH).toString();
        String where = national ? "nation" : r.getAs(Cols.MUNICIPALITY_CODE).toString();
        String breakdown = r.getAs(Cols.BREAKDOWN), value = r.getAs(Cols.BREAKDOWN_VALUE);
        boolean suppressed = r.getAs(Cols.SUPPRESSED);
        long population = r.getAs(Cols.POPULATION);
        String cell = month + " " + where + " " + breakdown + "=" + value;
        assertTrue(population >= 5 || suppressed, cell + " has " + population + " persons and is not suppressed");
        List<String> in = new ArrayList<>();
        String scope = month + " " + where;
        String group = switch (breakdown) {
          case Cols.ALL -> null;
          case Cols.BY_BENEFIT_GROUP -> value;
          default -> Benefit.valueOf(value).group().name();
        };
        if (!breakdown.equals(Cols.BY_BENEFIT)) in.add(scope + " ALL = sum of groups");
        if (!breakdown.equals(Cols.BY_BENEFIT_GROUP)) in.add(scope + " ALL = sum of benefits");
        if (group != null) in.add(scope + " " + group + " = sum of its benefits");
        in.add(month + " " + breakdown + "=" + value + " nation = sum of municipalities");
        for (String rel : in) relations.computeIfAbsent(rel, k -> new ArrayList<>()).add(suppressed);
        cells++;
        if (suppressed) hidden++;
      }
    }
    assertTrue(hidden > 100 && hidden < cells, "the lake has small cells: " + hidden + " of " + cells + " suppressed");
    relations.forEach((rel, members) ->
        assertTrue(members.stream().filter(b -> b).count() != 1, rel + ": exactly one of " + members.size() + " cells suppressed"));
  }

  /** CSV text, rows sorted, doubles with 6 decimals, nulls empty. */
  private static String text(Dataset<Row> t) {
    Column[] order = Arrays.stream(t.columns()).map(c -> col(c).asc_nulls_first()).toArray(Column[]::new);
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", t.columns()));
    for (Row r : t.orderBy(order).collectAsList()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        cells.add(v == null ? "" : v instanceof Double d ? String.format(Locale.ROOT, "%.6f", d) : v.toString().replace(",", ";"));
      }
      lines.add(String.join(",", cells));
    }
    return String.join("\n", lines) + "\n";
  }
}
