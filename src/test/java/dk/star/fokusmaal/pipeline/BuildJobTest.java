package dk.star.fokusmaal.pipeline;

import dk.star.fokusmaal.testing.TinyLake;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.TableSpec;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.testing.Frames;
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
    return TinyLake.context(session(), lake, rules);
  }

  private static Lake lakeWithRegisters() {
    return TinyLake.create(session(), "build");
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

    // Silver as the first build left it: a later rebuild of one month must not touch it (issue 9.6)
    List<TableSpec> silver = List.of(Tables.BENEFIT_PERIODS, Tables.POPULATION_MONTH, Tables.ACTIVITY_MONTH);
    List<Long> silverVersions = silver.stream().map(t -> DeltaIO.version(session(), t.path(lake))).toList();
    Dataset<Row> marchPopulation = month(lake, Tables.POPULATION_MONTH, "2022-03-01").localCheckpoint();

    // February is rebuilt (e.g. after a late correction): only February's files change.
    RunLog second = new RunLog("build", Map.of());
    BuildJob.run(context(lake, TestRules.RULES), YearMonth.of(2022, 2), YearMonth.of(2022, 2), second);
    Row feb2 = month(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-02-01")
        .filter("municipality_code = 101 and breakdown = 'ALL'").first();
    assertEquals(4L, feb2.<Long>getAs(Cols.PASSIVE_CONVERSATIONS));
    assertEquals(second.runId(), feb2.<String>getAs(Cols.RUN_ID));
    Frames.assertSameRows(jan, month(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-01-01"));
    Frames.assertSameRows(mar, month(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-03-01"));
    assertEquals(janFiles, files(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-01-01"), "January's files untouched");
    assertEquals(marFiles, files(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-03-01"), "March's files untouched");
    assertEquals(silverVersions, silver.stream().map(t -> DeltaIO.version(session(), t.path(lake))).toList(),
        "silver is not rewritten by a rebuild of an earlier month");
    Frames.assertSameRows(marchPopulation, month(lake, Tables.POPULATION_MONTH, "2022-03-01"));
    String userMetadata = DeltaTable.forPath(session(), Tables.FOCUS_GOAL_12M.path(lake)).history(1)
        .select("userMetadata").as(org.apache.spark.sql.Encoders.STRING()).first();
    assertTrue(userMetadata.contains(second.runId()), userMetadata);
    assertTrue(second.rowCounts().containsKey(Tables.FOCUS_GOAL_MONTHLY.qualifiedName()));

    // A researcher reruns February with 5 conversations required, in a scenario: the official
    // tables are untouched, the scenario's own tables hold the result.
    Rules stricter = TestRules.with(Map.of("conversations.min_count", "5"));
    JobContext research = new JobContext(session(), context(lake, stricter).settings(), lake, stricter,
        new Progress("test"), "five_conversations");
    BuildJob.run(research, YearMonth.of(2022, 2), YearMonth.of(2022, 2), new RunLog("build", Map.of()));
    Row scenarioFeb = DeltaIO.read(session(), Tables.FOCUS_GOAL_MONTHLY.path(lake.scenario("five_conversations")))
        .filter("municipality_code = 101 and breakdown = 'ALL'").first();
    assertEquals(5L, scenarioFeb.<Long>getAs(Cols.PASSIVE_CONVERSATIONS), "February under the scenario's rule");
    assertEquals(feb2, month(lake, Tables.FOCUS_GOAL_MONTHLY, "2022-02-01")
        .filter("municipality_code = 101 and breakdown = 'ALL'").first(), "official February untouched");
    assertEquals(-1L, DeltaIO.version(session(), Tables.ACTIVITY_MONTH.path(lake.scenario("five_conversations"))),
        "thresholds do not change silver: the scenario reads the official silver");

    // Every column has a comment, and the comments describe the rules the table was built under.
    // (This lake has no benchmark: the resultatmål tables are not written.)
    for (TableSpec t : List.of(Tables.BENEFIT_PERIODS, Tables.POPULATION_MONTH, Tables.ACTIVITY_MONTH,
        Tables.PERSON_MONTH, Tables.FOCUS_GOAL_MONTHLY, Tables.FOCUS_GOAL_NATIONAL_MONTHLY, Tables.FOCUS_GOAL_12M)) {
      for (var f : DeltaIO.read(session(), t.path(lake)).schema().fields()) {
        assertTrue(f.getComment().isDefined(), t.qualifiedName() + "." + f.name() + " has no comment");
      }
    }
    assertTrue(comment(Tables.FOCUS_GOAL_MONTHLY.path(lake)).contains("fewer than 4 held conversations"));
    String scenario = comment(Tables.FOCUS_GOAL_MONTHLY.path(lake.scenario("five_conversations")));
    assertTrue(scenario.contains("fewer than 5 held conversations"), scenario);
  }

  private static String comment(String path) {
    return DeltaIO.read(session(), path).schema().apply(Cols.PASSIVE_CONVERSATIONS).getComment().get();
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
