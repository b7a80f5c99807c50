package dk.star.fokusmaal.pipeline;

import static org.apache.spark.sql.functions.col;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.silver.Coverage;
import dk.star.fokusmaal.silver.Reach;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a scheduler runs each month (SPEC §1: data engineers schedule the jobs monthly and after
 * late corrections): ingest the new deliveries, then rebuild the newest month and every earlier
 * month whose inputs changed since it was published — never everything.
 *
 * <p>Which months changed is found from the bronze versions each published month's run recorded
 * and the rows that came since: each new or corrected row reaches a range of months ({@link
 * Reach}); months that {@code status} finds inconsistent are rebuilt too. A run that finds nothing
 * new does nothing and says so.
 */
public final class MonthlyJob {
  private MonthlyJob() {}

  /** What a monthly run will rebuild, and why. */
  public record Plan(YearMonth horizon, List<YearMonth[]> ranges, List<String> reasons) {}

  public static void run(JobContext ctx, Map<String, String> params) throws Exception {
    Progress p = ctx.progress();
    p.say("step 1/3: ingest new deliveries");
    Runs.run(ctx, "ingest", params, log -> IngestJob.run(ctx, log));
    p.say("step 2/3: find the months to rebuild");
    Plan plan = plan(ctx);
    plan.reasons().forEach(r -> p.say("  %s", r));
    if (plan.ranges().isEmpty()) {
      p.say("step 3/3: nothing new: every built month is up to date with bronze (horizon %s)", plan.horizon());
      return;
    }
    for (YearMonth[] r : plan.ranges()) {
      p.say("step 3/3: build %s … %s", r[0], r[1]);
      Map<String, String> build = new LinkedHashMap<>(params);
      build.put("from", r[0].toString());
      build.put("to", r[1].toString());
      build.put("trigger", "monthly");
      Runs.run(ctx, "build", build, log -> BuildJob.run(ctx, r[0], r[1], log));
    }
  }

  /** The months to rebuild now, from the run log, the published months and bronze. */
  public static Plan plan(JobContext ctx) {
    SparkSession spark = ctx.spark();
    Lake lake = ctx.lake();
    List<SourceSpec> sources = new ArrayList<>(SilverStage.REGISTERS);
    sources.addAll(ResultStage.REGISTERS);
    Inputs now = Inputs.latest(spark, lake, sources);
    Map<String, YearMonth> covered = now.lastCovered(spark, lake, SilverStage.REGISTERS);
    YearMonth horizon = Coverage.horizon(covered);

    Status.Report status = Status.of(spark, lake, lake);
    TreeSet<YearMonth> rebuild = new TreeSet<>();
    List<String> reasons = new ArrayList<>();
    TreeMap<YearMonth, String> published = new TreeMap<>();
    for (Status.Month m : status.months()) {
      if (m.problem() != null) {
        rebuild.add(m.month());
        reasons.add(m.month() + ": " + m.problem());
      } else {
        published.put(m.month(), m.runs().iterator().next());
      }
    }
    YearMonth lastBuilt = status.months().isEmpty() ? null : status.months().get(status.months().size() - 1).month();
    YearMonth firstNew = lastBuilt == null ? horizon : lastBuilt.plusMonths(1);
    for (YearMonth m = firstNew; !m.isAfter(horizon); m = m.plusMonths(1)) rebuild.add(m);
    if (!firstNew.isAfter(horizon)) reasons.add("new months " + firstNew + " … " + horizon + " (the data horizon)");

    // Months whose publishing run read older bronze: rebuilt where the rows since then reach.
    Map<String, Set<YearMonth>> byRun = new LinkedHashMap<>();
    published.forEach((m, run) -> byRun.computeIfAbsent(run, k -> new TreeSet<>()).add(m));
    Map<String, YearMonth[]> reachCache = new HashMap<>();
    for (Map.Entry<String, Set<YearMonth>> e : byRun.entrySet()) {
      Map<String, Long> then = RunLog.inputsOf(spark, lake, e.getKey());
      for (SourceSpec s : sources) {
        Long vNow = now.versions().get(s.name());
        Long vThen = then.get("bronze." + s.name());
        if (vNow == null || vNow.equals(vThen)) continue;
        YearMonth[] reach = reachCache.computeIfAbsent(s.name() + "@" + vThen, k -> changed(spark, lake, s, vThen, vNow, horizon));
        if (reach == null) continue;
        List<YearMonth> hit = e.getValue().stream().filter(m -> !m.isBefore(reach[0]) && !m.isAfter(reach[1])).toList();
        if (!hit.isEmpty()) {
          rebuild.addAll(hit);
          reasons.add("bronze." + s.name() + " changed since run " + e.getKey() + " (version " + vThen + " → " + vNow
              + "): its new rows reach " + reach[0] + " … " + reach[1]);
        }
      }
    }
    List<YearMonth[]> ranges = new ArrayList<>();
    for (YearMonth m : rebuild) {
      YearMonth[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
      if (last != null && last[1].plusMonths(1).equals(m)) last[1] = m;
      else ranges.add(new YearMonth[] {m, m});
    }
    return new Plan(horizon, ranges, reasons);
  }

  /**
   * The months the rows of {@code spec} that came after version {@code then} reach, together with
   * the older rows they correct (same key): a correction moves a row's months, and both the old
   * and the new months change.
   */
  private static YearMonth[] changed(SparkSession spark, Lake lake, SourceSpec spec, Long then, long now, YearMonth horizon) {
    String path = lake.bronze(spec.name());
    Dataset<Row> current = DeltaIO.readVersion(spark, path, now);
    Dataset<Row> fresh;
    Dataset<Row> corrected;
    if (then == null) {
      fresh = current;
      corrected = current.limit(0);
    } else {
      Dataset<Row> before = DeltaIO.readVersion(spark, path, then);
      Dataset<Row> runsBefore = before.select(col(Cols.INGEST_RUN_ID)).distinct();
      fresh = current.join(runsBefore, current.col(Cols.INGEST_RUN_ID).equalTo(runsBefore.col(Cols.INGEST_RUN_ID)), "left_anti");
      Column[] key = spec.key().stream().map(k -> col(k)).toArray(Column[]::new);
      corrected = before.join(fresh.select(key).distinct(), spec.key().toArray(String[]::new), "left_semi");
    }
    Column[] contract = spec.requiredColumns().stream().map(c -> col(c)).toArray(Column[]::new);
    return Reach.of(spec, fresh.select(contract).unionByName(corrected.select(contract)), horizon);
  }

}
