package dk.star.fokusmaal.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.TableSpec;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.Registry;
import dk.star.fokusmaal.testing.SparkTestBase;
import dk.star.fokusmaal.testing.TestRules;
import dk.star.fokusmaal.testing.TinyLake;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The monthly run after a late correction rebuilds exactly the months the correction reaches, the
 * result equals a build from scratch, and a research build as of before the correction gives the
 * rows that were published then. A one-month incremental rebuild after the correction also gives
 * exactly the rows of the build from scratch (issue 10).
 */
class MonthlyTest extends SparkTestBase {
  private static final YearMonth FROM = YearMonth.of(2023, 1);
  private static final YearMonth TO = YearMonth.of(2023, 12);

  /** The month rebuilt alone after the late correction: a month the correction reaches. */
  private static final YearMonth ONE = YearMonth.of(2023, 6);

  /** silver.person_month and every gold table partitioned by month that the build wrote. */
  private static List<TableSpec> monthTables(Lake lake) {
    List<TableSpec> ts = new ArrayList<>(List.of(Tables.PERSON_MONTH));
    Tables.BUILD_OUTPUTS.stream()
        .filter(t -> t.zone().equals(Lake.GOLD) && Cols.MONTH.equals(t.partitionColumn()))
        .filter(t -> DeltaIO.exists(session(), t.path(lake)))
        .forEach(ts::add);
    return ts;
  }

  private static String build(Lake lake, YearMonth from, YearMonth to, String scenario, AsOf asOf) throws Exception {
    JobContext ctx = new JobContext(session(), TinyLake.context(session(), lake, TestRules.RULES).settings(), lake,
        TestRules.RULES, new Progress("test"), scenario);
    String[] id = new String[1];
    Runs.run(ctx, "build", Map.of("from", from.toString(), "to", to.toString()), log -> {
      id[0] = log.runId();
      BuildJob.run(ctx, from, to, asOf, log);
    });
    return id[0];
  }

  /** Four conversations of kh3 in March–June 2023, delivered late: from June kh3 is not passive. */
  private static Dataset<Row> lateConversation() {
    return Registry.tass()
        .conversation("late1", "kh3", "2023-03-10", "JOBSAMTALE", "AFHOLDT")
        .conversation("late2", "kh3", "2023-04-10", "JOBSAMTALE", "AFHOLDT")
        .conversation("late3", "kh3", "2023-05-10", "JOBSAMTALE", "AFHOLDT")
        .conversation("late4", "kh3", "2023-06-10", "JOBSAMTALE", "AFHOLDT")
        .frame(session());
  }

  private static Dataset<Row> gold(Lake lake, TableSpec t, String month) {
    return DeltaIO.read(session(), t.path(lake)).filter(col(Cols.MONTH).equalTo(java.sql.Date.valueOf(month + "-01"))).drop(Cols.RUN_ID);
  }

  @Test
  void aLateCorrectionRebuildsWhatItReachesLikeABuildFromScratchAndAsOfGivesWhatWasPublished() throws Exception {
    Lake lake = TinyLake.landed(session(), "monthly");
    String published = build(lake, FROM, TO, null, null);
    JobContext ctx = TinyLake.context(session(), lake, TestRules.RULES);
    MonthlyJob.Plan nothing = MonthlyJob.plan(ctx);
    assertEquals(List.of(), nothing.ranges(), nothing.reasons().toString());
    Dataset<Row> juneBefore = gold(lake, Tables.FOCUS_GOAL_MONTHLY, "2023-06").localCheckpoint();

    TinyLake.land(lake, Sources.TASS_CONVERSATIONS, "d2", lateConversation());
    TinyLake.ingest(session(), lake);
    MonthlyJob.Plan plan = MonthlyJob.plan(ctx);
    assertEquals(1, plan.ranges().size(), plan.reasons().toString());
    assertEquals(List.of(YearMonth.of(2023, 3), TO), List.of(plan.ranges().get(0)), plan.reasons().toString());
    assertTrue(plan.reasons().get(0).contains("bronze.tass_conversations"), plan.reasons().toString());

    // Issue 10: an incremental rebuild of one later month alone, after the late correction to
    // March–May, for persons whose spells began in 2020: its rows are kept here and compared below
    // with the build from scratch (the monthly run may rebuild the month again).
    build(lake, ONE, ONE, null, null);
    Map<TableSpec, Dataset<Row>> oneMonth = new LinkedHashMap<>();
    for (TableSpec t : monthTables(lake)) oneMonth.put(t, gold(lake, t, ONE.toString()).localCheckpoint());

    MonthlyJob.run(ctx, Map.of());
    assertEquals(List.of(), MonthlyJob.plan(ctx).ranges(), "after the monthly run nothing is left to do");
    assertTrue(Status.of(session(), lake, lake).consistent());

    // The same registers and correction, built from scratch in another lake: the same rows.
    Lake fresh = TinyLake.landed(session(), "monthly-fresh");
    TinyLake.land(fresh, Sources.TASS_CONVERSATIONS, "d2", lateConversation());
    TinyLake.ingest(session(), fresh);
    build(fresh, FROM, TO, null, null);
    for (TableSpec t : List.of(Tables.PERSON_MONTH, Tables.FOCUS_GOAL_MONTHLY, Tables.FOCUS_GOAL_12M)) {
      for (String m : List.of("2023-02", "2023-06", "2023-12")) {
        Frames.assertSameRows(gold(fresh, t, m), gold(lake, t, m));
      }
    }
    assertEquals(monthTables(fresh), List.copyOf(oneMonth.keySet()), "the same tables hold month " + ONE);
    for (var e : oneMonth.entrySet()) Frames.assertSameRows(gold(fresh, e.getKey(), ONE.toString()), e.getValue());
    // kh3's four conversations show: June has one passive for conversations fewer than before.
    long before = juneBefore.filter("municipality_code = 101 and breakdown = 'ALL'").first().getAs(Cols.PASSIVE_CONVERSATIONS);
    long after = gold(lake, Tables.FOCUS_GOAL_MONTHLY, "2023-06").filter("municipality_code = 101 and breakdown = 'ALL'").first().getAs(Cols.PASSIVE_CONVERSATIONS);
    assertEquals(before - 1, after);

    // A researcher rebuilds as the first build read bronze: June as it was published then.
    build(lake, YearMonth.of(2023, 6), YearMonth.of(2023, 6), "as_published", new AsOf(null, published));
    Frames.assertSameRows(juneBefore, gold(lake.scenario("as_published"), Tables.FOCUS_GOAL_MONTHLY, "2023-06"));
  }
}
