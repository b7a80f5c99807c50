package dk.star.fokusmaal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.testing.SparkTestBase;
import dk.star.fokusmaal.testing.TestRules;
import dk.star.fokusmaal.testing.TinyLake;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever happens, a table has the right rows or says that it does not: a build killed between
 * two table commits, two builds at once, an ingest during a build, a month beyond the registers.
 */
class PublishTest extends SparkTestBase {
  private static final YearMonth JAN = YearMonth.of(2022, 1);
  private static final YearMonth MAR = YearMonth.of(2022, 3);

  /** A tiny lake built for January–March once per JVM; each test that changes it works on a copy. */
  private static Lake built;
  /** The run log of that build. */
  private static RunLog builtLog;

  @BeforeAll
  static void buildOnce() throws Exception {
    built = TinyLake.create(session(), "published");
    builtLog = build(built, JAN, MAR);
  }

  private static RunLog build(Lake lake, YearMonth from, YearMonth to) throws Exception {
    JobContext ctx = TinyLake.context(session(), lake, TestRules.RULES);
    RunLog[] ran = new RunLog[1];
    Runs.run(ctx, "build", Map.of("from", from.toString(), "to", to.toString()), log -> {
      ran[0] = log;
      BuildJob.run(ctx, from, to, log);
    });
    return ran[0];
  }

  /** A copy of the built lake's folder (Delta tables name their files relative to the table). */
  private static Lake copyOfBuilt(String name) throws Exception {
    Path from = Path.of(built.root());
    Path to = tmp(name);
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(target);
        else Files.copy(f, target);
      }
    }
    return new Lake(to.toString());
  }

  private static Status.Report status(Lake lake) {
    return Status.of(session(), lake, lake);
  }

  @Test
  void aBuildKilledBetweenTwoTableCommitsShowsInStatusAndARerunHealsIt() throws Exception {
    Lake lake = copyOfBuilt("crash");
    assertTrue(status(lake).consistent(), status(lake).toString());

    // A real build process of February–March, killed (SIGKILL) as soon as its first gold table commits.
    Path monthlyLog = Path.of(Tables.FOCUS_GOAL_MONTHLY.path(lake), "_delta_log");
    long commitsBefore = commits(monthlyLog);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:") || a.startsWith("-D") || a.startsWith("-Xmx")).toList());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dk.star.fokusmaal.cli.Main",
        "build", "--from", "2022-02", "--to", "2022-03", "--lake", lake.root(),
        "--conf-dir", "src/test/resources/conf", "--set", "spark.sql.shuffle.partitions=1",
        // as in this JVM (SparkTestBase): a handful of rows, no code to generate
        "--set", "spark.sql.codegen.wholeStage=false", "--set", "spark.sql.codegen.factoryMode=NO_CODEGEN"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(File.createTempFile("fokusmaal-crash", ".log")).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (commits(monthlyLog) == commitsBefore && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
      assertTrue(p.isAlive(), "the build ended before it could be killed");
      assertTrue(commits(monthlyLog) > commitsBefore, "the build did not commit in time");
    } finally {
      p.destroyForcibly().waitFor();
    }

    Status.Report killed = status(lake);
    assertFalse(killed.consistent(), killed.toString());
    assertEquals(List.of("2022-02", "2022-03"),
        killed.months().stream().filter(m -> m.problem() != null).map(m -> m.month().toString()).toList(), killed.toString());
    assertTrue(killed.months().get(1).problem().startsWith("mixed runs"), killed.toString());
    assertEquals(1, killed.rebuild().size());
    assertEquals(YearMonth.of(2022, 2), killed.rebuild().get(0)[0]);

    build(lake, killed.rebuild().get(0)[0], killed.rebuild().get(0)[1]);
    assertTrue(status(lake).consistent(), status(lake).toString());
  }

  private static long commits(Path deltaLog) throws Exception {
    if (!Files.isDirectory(deltaLog)) return 0;
    try (var s = Files.list(deltaLog)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".json")).count();
    }
  }

  @Test
  void twoBuildsAtOnceLeaveAStatusThatIsCleanOrSaysWhatToRerun() throws Exception {
    Lake lake = copyOfBuilt("concurrent");
    CompletableFuture<Void> a = CompletableFuture.runAsync(() -> quietly(() -> build(lake, JAN, MAR)));
    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> quietly(() -> build(lake, YearMonth.of(2022, 2), YearMonth.of(2022, 4))));
    List<Throwable> failures = new ArrayList<>();
    for (CompletableFuture<Void> f : List.of(a, b)) {
      try {
        f.get(10, TimeUnit.MINUTES);
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add(e.getCause());
      }
    }
    // Delta's optimistic concurrency: a loser fails with a reason, never a silent mix.
    for (Throwable t : failures) assertTrue(t.getMessage() != null && !t.getMessage().isBlank(), String.valueOf(t));
    Status.Report after = status(lake);
    for (YearMonth[] r : after.rebuild()) build(lake, r[0], r[1]);
    assertTrue(status(lake).consistent(), status(lake).toString());
  }

  @Test
  void aBuildReadsTheBronzeVersionsItRecords() throws Exception {
    // the tiny lake's bronze tables were each written once: version 0, and that is what was read
    assertEquals(0L, builtLog.inputVersions().get("bronze.tass_conversations"));
    assertEquals(DeltaIO.version(session(), built.bronze("tass_conversations")), builtLog.inputVersions().get("bronze.tass_conversations"));
  }

  @Test
  void aMonthBeyondTheDataHorizonFailsNamingTheRegisterAndItsLastMonth() {
    Lake lake = TinyLake.create(session(), "horizon");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> build(lake, YearMonth.of(2023, 12), YearMonth.of(2024, 1)));
    assertTrue(e.getMessage().startsWith("month 2024-01 is beyond the data horizon: ")
        && e.getMessage().contains("covers up to 2023-12"), e.getMessage());
    assertEquals(-1L, DeltaIO.version(session(), Tables.FOCUS_GOAL_MONTHLY.path(lake)), "nothing written");
  }

  interface Action {
    void run() throws Exception;
  }

  private static void quietly(Action a) {
    try {
      a.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }
}
