package dk.star.fokusmaal.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dk.star.fokusmaal.bronze.QuarantineRule;
import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.TableSpec;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.testing.SparkTestBase;
import dk.star.fokusmaal.testing.TestRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-made golden outputs: a few dozen hand-written persons, each a named scenario of SPEC §5–§8
 * ({@code src/test/resources/scenarios/README.md} says what each one is and what the spec says
 * should happen), landed as CSV, ingested and built for 2021-01 … 2022-12 with the real jobs. The
 * expected gold tables under {@code scenarios/expected/} are derived by hand from the spec, not
 * from the pipeline's output; there is deliberately no mode that rewrites them. With {@code
 * -Dscenarios.print=true} the test prints each table's actual text, to compare by eye.
 *
 * <p>The expected files hold every gold table in GoldenTest's text format (rows sorted, doubles
 * with 6 decimals, nulls empty, run_id dropped), with one filter: {@code focus_goal_monthly} and
 * {@code focus_goal_national_monthly} keep the breakdowns ALL and BENEFIT_GROUP of every month,
 * and BENEFIT only of December 2022. {@code expected/persons.csv} is the person-level view that
 * explains them: {@code silver.person_month} as runs of equal months per person.
 */
class ScenarioGoldenTest extends SparkTestBase {
  private static final Path DIR = Path.of("src/test/resources/scenarios");
  private static final boolean PRINT = Boolean.getBoolean("scenarios.print");
  static final YearMonth FROM = YearMonth.of(2021, 1);
  static final YearMonth TO = YearMonth.of(2022, 12);
  /** The only month whose BENEFIT breakdown is in the expected files. */
  private static final String BENEFIT_MONTH = "2022-12-01";
  private static final String PERSONS = "persons";

  /** The key columns of each expected file: a row is matched by them, then compared by column. */
  private static final Map<String, List<String>> KEYS =
      Map.of(
          Tables.FOCUS_GOAL_MONTHLY.name(), List.of(Cols.MONTH, Cols.MUNICIPALITY_CODE, Cols.BREAKDOWN, Cols.BREAKDOWN_VALUE),
          Tables.FOCUS_GOAL_NATIONAL_MONTHLY.name(), List.of(Cols.MONTH, Cols.BREAKDOWN, Cols.BREAKDOWN_VALUE),
          Tables.FOCUS_GOAL_12M.name(), List.of(Cols.MONTH, Cols.MUNICIPALITY_CODE),
          Tables.RESULT_GOAL.name(), List.of(Cols.PERIOD_START, Cols.PERIOD_END, Cols.MUNICIPALITY_CODE, Cols.BENEFIT_GROUP),
          Tables.SUPERVISION.name(), List.of(Cols.YEAR, Cols.MUNICIPALITY_CODE),
          Tables.QUARTERLY_REPORT.name(), List.of(Cols.MONTH, Cols.MUNICIPALITY_CODE),
          PERSONS, List.of(Cols.PERSON_ID, "from_month"));

  private static Lake lake;

  @BeforeAll
  static void buildLake() {
    lake = new Lake(tmp("scenarios").toString());
    for (SourceSpec spec : Sources.ALL.values()) {
      land(spec);
    }
    JobContext ctx =
        new JobContext(
            session(), Settings.defaults(Map.of(Settings.LAKE, lake.root())), lake, TestRules.RULES,
            new Progress("scenarios"));
    IngestJob.run(ctx, new RunLog("ingest", Map.of()));
    BuildJob.run(ctx, FROM, TO, new RunLog("build", Map.of()));
  }

  /**
   * Reads {@code landing/<source>.csv} with the contract schema (header checked against it, no
   * inference, a bad value fails the test) and lands it as one Parquet delivery. Lines starting
   * with {@code #} are comments naming the scenario of the rows below them.
   */
  private static void land(SourceSpec spec) {
    Dataset<Row> rows =
        session().read()
            .option("header", true)
            .option("enforceSchema", false)
            .option("comment", "#")
            .option("mode", "FAILFAST")
            .option("dateFormat", "yyyy-MM-dd")
            .option("timestampFormat", "yyyy-MM-dd HH:mm:ss")
            .schema(spec.schema())
            .csv(DIR.resolve("landing").resolve(spec.name() + ".csv").toString());
    rows.coalesce(1).write().parquet(lake.landing(spec.name()) + "/scenarios");
  }

  /** The build registered the temporary lake's tables in the shared session's catalog. */
  @AfterAll
  static void forgetCatalog() {
    for (String db : Lake.TABLE_ZONES) session().sql("DROP DATABASE IF EXISTS " + db + " CASCADE");
  }

  static Stream<TableSpec> goldTables() {
    return Tables.BUILD_OUTPUTS.stream().filter(t -> t.zone().equals(Lake.GOLD));
  }

  @ParameterizedTest
  @MethodSource("goldTables")
  void goldTableIsTheHandMadeOne(TableSpec spec) throws IOException {
    Dataset<Row> t = DeltaIO.read(session(), spec.path(lake)).drop(Cols.RUN_ID);
    if (spec == Tables.FOCUS_GOAL_MONTHLY || spec == Tables.FOCUS_GOAL_NATIONAL_MONTHLY) {
      t = t.filter(
          col(Cols.BREAKDOWN).isin(Cols.ALL, Cols.BY_BENEFIT_GROUP)
              .or(col(Cols.MONTH).equalTo(lit(java.sql.Date.valueOf(BENEFIT_MONTH)))));
    }
    compare(spec.name(), text(t));
  }

  /**
   * The person-level view behind the gold tables: per person, the runs of consecutive built months
   * with the same municipality, benefit, spell start and passive flags.
   */
  @Test
  void personsAreInThePopulationWhenTheHandMadeFileSays() throws IOException {
    Dataset<Row> pm =
        DeltaIO.read(session(), Tables.PERSON_MONTH.path(lake))
            .select(
                col(Cols.PERSON_ID), col(Cols.MONTH), col(Cols.MUNICIPALITY_CODE), col(Cols.BENEFIT_CODE),
                col(Cols.SPELL_START), col(Cols.PASSIVE_CONVERSATIONS_FLAG), col(Cols.PASSIVE_OFFERS_FLAG))
            .orderBy(col(Cols.PERSON_ID), col(Cols.MONTH));
    List<String> runs = new ArrayList<>();
    String person = null;
    String values = null;
    YearMonth first = null;
    YearMonth last = null;
    // a few hundred person-months of a test lake: collected to cut them into runs
    for (Row r : pm.collectAsList()) {
      String p = r.getAs(Cols.PERSON_ID);
      YearMonth m = YearMonth.from(r.<java.sql.Date>getAs(Cols.MONTH).toLocalDate());
      String v = String.join(",", String.valueOf(r.<Integer>getAs(Cols.MUNICIPALITY_CODE)), r.getAs(Cols.BENEFIT_CODE),
          String.valueOf(r.<java.sql.Date>getAs(Cols.SPELL_START)), String.valueOf(r.<Boolean>getAs(Cols.PASSIVE_CONVERSATIONS_FLAG)),
          String.valueOf(r.<Boolean>getAs(Cols.PASSIVE_OFFERS_FLAG)));
      if (p.equals(person) && v.equals(values) && m.equals(last.plusMonths(1))) {
        last = m;
        continue;
      }
      if (person != null) runs.add(String.join(",", person, first.toString(), last.toString(), values));
      person = p;
      values = v;
      first = m;
      last = m;
    }
    if (person != null) runs.add(String.join(",", person, first.toString(), last.toString(), values));
    String header = String.join(",", Cols.PERSON_ID, "from_month", "to_month", Cols.MUNICIPALITY_CODE,
        Cols.BENEFIT_CODE, Cols.SPELL_START, "passive_conversations", "passive_offers");
    compare(PERSONS, header + "\n" + String.join("\n", runs.stream().sorted().toList()) + "\n");
  }

  /**
   * Every landed row reaches bronze except the one bad row the scenarios include on purpose: a
   * typing error in a scenario file would otherwise vanish into quarantine unnoticed.
   */
  @Test
  void onlyTheDeliberatelyBadRowIsQuarantined() {
    List<String> quarantined = new ArrayList<>();
    for (SourceSpec spec : Sources.ALL.values()) {
      String path = lake.quarantine(spec.name());
      if (!DeltaIO.exists(session(), path)) continue;
      // a handful of rows at most: collected for the message
      for (Row r : DeltaIO.read(session(), path).collectAsList()) {
        quarantined.add(spec.name() + " " + (spec.schema().getFieldIndex(Cols.PERSON_ID).isDefined()
            ? r.getAs(Cols.PERSON_ID) : r.toString()) + " " + r.getAs(Cols.QUARANTINE_RULE));
      }
    }
    assertEquals(
        List.of(Sources.TASS_CONVERSATIONS + " quarantined_conversation_not_counted " + QuarantineRule.UNKNOWN_MUNICIPALITY),
        quarantined);
  }

  // ---- comparison ------------------------------------------------------------------------------

  /**
   * Compares the actual text of a table with its expected file row by row, matching rows by the
   * table's key columns, and fails with every difference named by file, line, key and column.
   */
  private static void compare(String name, String actual) throws IOException {
    Path file = DIR.resolve("expected").resolve(name + ".csv");
    if (PRINT) System.out.println("---- actual " + name + ".csv\n" + actual);
    if (!Files.exists(file)) fail("no expected file " + file + " (expected files are made by hand, see scenarios/README.md)");
    List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> got = actual.lines().toList();
    assertEquals(expected.get(0), got.get(0), name + ".csv: header");
    String[] header = expected.get(0).split(",", -1);
    List<Integer> key = KEYS.get(name).stream().map(k -> Arrays.asList(header).indexOf(k)).toList();
    Map<String, Integer> expLine = new LinkedHashMap<>();
    Map<String, String[]> exp = new LinkedHashMap<>();
    for (int i = 1; i < expected.size(); i++) {
      if (expected.get(i).isBlank()) continue;
      String[] cells = expected.get(i).split(",", -1);
      String k = keyOf(header, key, cells);
      if (exp.put(k, cells) != null) fail(name + ".csv line " + (i + 1) + ": key " + k + " twice");
      expLine.put(k, i + 1);
    }
    Map<String, String[]> act = new LinkedHashMap<>();
    for (int i = 1; i < got.size(); i++) {
      String[] cells = got.get(i).split(",", -1);
      act.put(keyOf(header, key, cells), cells);
    }
    List<String> problems = new ArrayList<>();
    for (var e : exp.entrySet()) {
      String where = name + ".csv line " + expLine.get(e.getKey()) + " " + e.getKey();
      String[] a = act.get(e.getKey());
      if (a == null) {
        problems.add(where + ": missing from the actual table");
        continue;
      }
      for (int c = 0; c < header.length; c++) {
        String ev = c < e.getValue().length ? e.getValue()[c] : "<none>";
        String av = c < a.length ? a[c] : "<none>";
        if (!Objects.equals(ev, av)) problems.add(where + ", column " + header[c] + ": expected '" + ev + "' but was '" + av + "'");
      }
    }
    for (var a : act.entrySet()) {
      if (!exp.containsKey(a.getKey())) problems.add(name + ".csv: unexpected row " + a.getKey() + ": " + String.join(",", a.getValue()));
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " difference(s) in " + name + ":\n  "
          + String.join("\n  ", problems.subList(0, Math.min(60, problems.size())))
          + (problems.size() > 60 ? "\n  …" : ""));
    }
  }

  private static String keyOf(String[] header, List<Integer> key, String[] cells) {
    List<String> parts = new ArrayList<>();
    for (int k : key) parts.add(header[k] + "=" + (k < cells.length ? cells[k] : ""));
    return "(" + String.join(", ", parts) + ")";
  }

  /** CSV text as GoldenTest writes it: rows sorted, doubles with 6 decimals, nulls empty. */
  private static String text(Dataset<Row> t) {
    Column[] order = Arrays.stream(t.columns()).map(c -> col(c).asc_nulls_first()).toArray(Column[]::new);
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", t.columns()));
    // a test table of a few hundred rows: collected to print it
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
