package dk.star.fokusmaal.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.TableSpec;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.Registry;
import dk.star.fokusmaal.testing.SparkTestBase;
import dk.star.fokusmaal.testing.TestRules;
import io.delta.tables.DeltaTable;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The build job: writes exactly the months asked for, reruns atomically, refuses missing inputs. */
class BuildJobTest extends SparkTestBase {

  private static JobContext context(Lake lake, Rules rules) {
    return new JobContext(session(), Settings.defaults(Map.of(Settings.LAKE, lake.root())), lake, rules, new Progress("test"));
  }

  /** A tiny lake: bronze tables written straight from literal registers. */
  private static Lake lakeWithRegisters() {
    Lake lake = new Lake(tmp("build").toString());
    Registry.Municipal m = Registry.municipal();
    Registry.Tass t = Registry.tass();
    for (int i = 0; i < 6; i++) {
      m.period("m" + i, "kh" + i, 101, "KONTANTHJAELP", false, "2020-01-01", null);
      // person i has i held conversations in 2021: 0–3 passive, 4–5 not
      for (int j = 0; j < i; j++) {
        t.conversation("c" + i + j, "kh" + i, String.format("2021-%02d-15", j + 6), "JOBSAMTALE", "AFHOLDT");
      }
    }
    Registry.Kmd k = Registry.kmd().sickCase("s1", "sick", 727, "2020-06-01", null);
    // Every register delivers something (an empty register is refused as missing input): a short
    // a-dagpenge spell, an offer and pay of someone who is never in the population.
    write(lake, Sources.FLEUR, Registry.fleur().period("short", 101, "A_DAGPENGE", "2021-01-01", "2021-01-31", 160.33).frame(session()));
    write(lake, Sources.KMD_SYGEDAGPENGE, k.frame(session()));
    write(lake, Sources.MUNICIPAL_BENEFITS, m.frame(session()));
    write(lake, Sources.TASS_CONVERSATIONS, t.frame(session()));
    write(lake, Sources.PLANDATA_OFFERS, Registry.offers().offer("o", "short", "MENTOR", "2021-02-01", null, "IGANGVAERENDE").frame(session()));
    write(lake, Sources.EINDKOMST, Registry.pay().report("short", "E1", "2021-02-01", "2021-02-28", 160.0, "ORDINAER").frame(session()));
    return lake;
  }

  private static void write(Lake lake, String source, Dataset<Row> rows) {
    DeltaIO.overwrite(rows, lake.bronze(source), "{}");
  }

  private static Dataset<Row> month(Lake lake, TableSpec table, String month) {
    return DeltaIO.read(session(), table.path(lake)).filter(col(Cols.MONTH).equalTo(java.sql.Date.valueOf(month)));
  }

  private static List<String> files(Lake lake, TableSpec table, String month) {
    return month(lake, table, month).select(col("_metadata.file_path")).distinct().orderBy("file_path")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  @Test
  void rerunOfOneMonthReplacesExactlyThatMonth() {
    Lake lake = lakeWithRegisters();
    RunLog first = new RunLog("build", Map.of());
    BuildJob.run(context(lake, TestRules.RULES), YearMonth.of(2022, 1), YearMonth.of(2022, 3), first);

    Dataset<Row> all = DeltaIO.read(session(), Tables.FOCUS_GOAL_MONTHLY.path(lake));
    assertEquals(3, all.select(Cols.MONTH).distinct().count(), "months written");
    Dataset<Row> jan = month(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-01-01").localCheckpoint();
    Dataset<Row> mar = month(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-03-01").localCheckpoint();
    List<String> janFiles = files(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-01-01");
    List<String> marFiles = files(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-03-01");
    // København in February: 4 of 6 passive for conversations (fewer than 4 held)
    Row feb = month(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-02-01")
        .filter("municipality_code = 101 and breakdown = 'ALL'").first();
    assertEquals(4L, feb.<Long>getAs(Cols.PASSIVE_CONVERSATIONS));

    // A researcher reruns February with 5 conversations required.
    Rules stricter = TestRules.with(Map.of("conversations.min_count", "5"));
    RunLog second = new RunLog("build", Map.of());
    BuildJob.run(context(lake, stricter), YearMonth.of(2022, 2), YearMonth.of(2022, 2), second);

    Row feb2 = month(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-02-01")
        .filter("municipality_code = 101 and breakdown = 'ALL'").first();
    assertEquals(5L, feb2.<Long>getAs(Cols.PASSIVE_CONVERSATIONS), "February rebuilt under the new rule");
    assertEquals(second.runId(), feb2.<String>getAs(Cols.RUN_ID));
    Frames.assertSameRows(jan, month(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-01-01"));
    Frames.assertSameRows(mar, month(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-03-01"));
    assertEquals(janFiles, files(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-01-01"), "January's files untouched");
    assertEquals(marFiles, files(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-03-01"), "March's files untouched");

    // The commit records the run; the run log has versions and row counts.
    String userMetadata = DeltaTable.forPath(session(), Tables.FOCUS_GOAL_12M.path(lake)).history(1)
        .select("userMetadata").as(org.apache.spark.sql.Encoders.STRING()).first();
    assertTrue(userMetadata.contains(second.runId()), userMetadata);
    assertTrue(second.rowCounts().containsKey(Tables.FOCUS_GOAL_MONTHLY.qualifiedName()));
    // Every column has a comment, and the comments describe the rules the table was built under.
    // (This lake has no benchmark: the resultatmål tables are not written.)
    for (TableSpec t : List.of(Tables.BENEFIT_PERIODS, Tables.PERSON_MONTH, Tables.FOCUS_GOAL_MONTHLY,
        Tables.FOCUS_GOAL_NATIONAL_MONTHLY, Tables.FOCUS_GOAL_12M)) {
      for (var f : DeltaIO.read(session(), t.path(lake)).schema().fields()) {
        assertTrue(f.getComment().isDefined(), t.qualifiedName() + "." + f.name() + " has no comment");
      }
    }
    String comment = DeltaIO.read(session(), Tables.FOCUS_GOAL_MONTHLY.path(lake)).schema()
        .apply(Cols.PASSIVE_CONVERSATIONS).getComment().get();
    assertTrue(comment.contains("fewer than 5 held conversations"), comment);
  }

  @Test
  void missingInputsFailWithoutWriting() {
    Lake empty = new Lake(tmp("empty").toString());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BuildJob.run(context(empty, TestRules.RULES), YearMonth.of(2022, 1), YearMonth.of(2022, 1), new RunLog("build", Map.of())));
    assertTrue(e.getMessage().contains("input missing") && e.getMessage().contains("fleur"), e.getMessage());

    // Registers present, but nobody on benefit yet in 2019: no zeros are written.
    Lake lake = lakeWithRegisters();
    IllegalStateException noPop = assertThrows(IllegalStateException.class,
        () -> BuildJob.run(context(lake, TestRules.RULES), YearMonth.of(2019, 1), YearMonth.of(2019, 2), new RunLog("build", Map.of())));
    assertTrue(noPop.getMessage().contains("no fokusmål population in month(s) [2019-01, 2019-02]"), noPop.getMessage());
    // nothing written: no silver, no gold table exists (version -1)
    assertEquals(-1L, DeltaIO.version(session(), Tables.FOCUS_GOAL_MONTHLY.path(lake)));
    assertEquals(-1L, DeltaIO.version(session(), Tables.BENEFIT_PERIODS.path(lake)));
  }
}
