package dk.star.fokusmaal.pipeline;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.gold.Averages;
import dk.star.fokusmaal.gold.Shares;
import dk.star.fokusmaal.lake.Catalog;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.TableSpec;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Months;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.silver.Activity;
import dk.star.fokusmaal.silver.Coverage;
import dk.star.fokusmaal.silver.Periods;
import dk.star.fokusmaal.silver.Population;
import dk.star.fokusmaal.restricted.Followup;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The build job: bronze → silver → gold for the measurement months {@code from … to} (SPEC §5,
 * §8.1–8.6), in stages:
 *
 * <ol>
 *   <li>Pin every bronze input to its current version ({@link Inputs}) and check the data horizon
 *       ({@link Coverage}): no month after the last one the registers cover is built.
 *   <li>Silver ({@link SilverStage}): read it when it was computed from these inputs, else compute
 *       it (corrections resolved, spells, population and activity per person and month).
 *   <li>The months {@code from-11 … to} from silver: the population's 12-month activity, passive
 *       flags, shares (the 12-month averages need the 11 months before {@code from}).
 *   <li>Checked before anything is written: every month built has a population (missing inputs
 *       fail the build instead of writing zeros).
 *   <li>Writes, one atomic commit per table, replacing exactly the months {@code from … to}: fresh
 *       silver, {@code silver.person_month}, the fokusmål tables, then the resultatmål, supervision
 *       and quarterly report ({@link ResultStage}).
 * </ol>
 *
 * The run is published by its row in {@code meta.run_log}, written last by {@link Runs}.
 */
public final class BuildJob {
  private BuildJob() {}

  public static void run(JobContext ctx, YearMonth from, YearMonth to, RunLog log) {
    run(ctx, from, to, null, log);
  }

  /**
   * @param asOf for a research build: bronze as it stood then (null: the latest). The official
   *     tables always reflect the latest data, so a build with {@code asOf} must run in a scenario.
   */
  public static void run(JobContext ctx, YearMonth from, YearMonth to, AsOf asOf, RunLog log) {
    SparkSession spark = ctx.spark();
    Lake lake = ctx.lake();
    Lake out = ctx.out();
    if (asOf != null && ctx.scenario() == null) {
      throw new UsageError("a build as of " + asOf + " is research: it needs a scenario");
    }
    Rules rules = ctx.rules();
    YearMonth windowFrom = from.minusMonths(11);
    log.ruleVersion(rules.versions(from, to));

    List<SourceSpec> sources = new ArrayList<>(SilverStage.REGISTERS);
    sources.addAll(ResultStage.REGISTERS);
    Inputs inputs =
        asOf == null ? Inputs.latest(spark, lake, sources)
            : asOf.instant() != null ? Inputs.asOf(spark, lake, sources, asOf.instant())
            : Inputs.ofRun(RunLog.inputsOf(spark, lake, asOf.runId()), sources);
    inputs.record(log);
    Map<String, YearMonth> covered = inputs.lastCovered(spark, lake, SilverStage.REGISTERS);
    YearMonth horizon = Coverage.require(covered, to);

    SilverStage.Silver silver = SilverStage.of(ctx, out, inputs, horizon);
    if (ctx.scenario() != null) ctx.progress().say("scenario %s: outputs in %s", ctx.scenario(), out);
    Dataset<Row> measured = Kept.keep(
        Activity.measure(SilverStage.months(silver.population(), windowFrom, to), silver.activity(), rules, windowFrom, to));
    Dataset<Row> counts = Kept.keep(Shares.municipalCounts(measured));
    Dataset<Row> suppression = null;
    try {
      // Primary and secondary suppression decided once for the municipal and national tables.
      suppression = Kept.keep(Shares.suppression(counts, rules));
      Dataset<Row> monthly = Shares.municipal(counts, suppression, rules);
      Dataset<Row> national = Shares.national(counts, suppression, rules);
      ctx.progress().step("population and shares computed", () -> {
        requirePopulation(national, from, to);
        return null;
      });

      SilverStage.write(ctx, log, out, silver);
      writeMonths(ctx, log, out, measured, Tables.PERSON_MONTH, from, to);
      writeMonths(ctx, log, out, monthly, Tables.FOCUS_GOAL_MONTHLY, from, to);
      writeMonths(ctx, log, out, national, Tables.FOCUS_GOAL_NATIONAL_MONTHLY, from, to);
      Dataset<Row> twelve = Averages.twelveMonth(monthly, national, rules, from, to);
      writeMonths(ctx, log, out, twelve, Tables.FOCUS_GOAL_12M, from, to);
      ResultStage.run(ctx, log, out, inputs, Periods.closeOpen(silver.periods(), Months.lastDay(to)), twelve, from, to);
      // The job centres' worklist, in the restricted zone (its own root, owner-only files).
      Dataset<Row> candidates =
          Followup.candidates(
              measured,
              Population.spellMonths(Periods.closeOpen(silver.periods(), Months.lastDay(horizon)), rules, from, to),
              rules, from, to);
      writeMonths(ctx, log, out, Followup.persons(candidates, silver.activity(), rules, from, to),
          Tables.FOLLOWUP_PERSONS, from, to);
    } finally {
      Kept.release(suppression, counts, measured);
      silver.release();
    }
    if (!Catalog.persistent(spark)) return;
    if (ctx.scenario() == null) Catalog.register(spark, lake);
    else Catalog.registerScenario(spark, out, ctx.scenario());
  }

  /**
   * Fails, before anything is written, when a month to build has no population at all: its
   * benefit registers are missing, and zeros would be a silent wrong number.
   */
  static void requirePopulation(Dataset<Row> national, YearMonth from, YearMonth to) {
    Dataset<Row> present =
        national
            .filter(col(Cols.BREAKDOWN).equalTo(Cols.ALL).and(col(Cols.POPULATION).gt(0)))
            .select(col(Cols.MONTH));
    Dataset<Row> wanted =
        national.sparkSession()
            .range(0, Months.index(to) - Months.index(from) + 1)
            .select(add_months(lit(Months.date(from)), col("id").cast("int")).as(Cols.MONTH));
    // at most a few hundred months: a tiny result, safe to bring to the driver for the message
    List<Row> missing = wanted.except(present).orderBy(col(Cols.MONTH)).limit(12).collectAsList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "input missing: no fokusmål population in month(s) "
              + missing.stream().map(r -> r.<java.sql.Date>getAs(Cols.MONTH).toString().substring(0, 7)).toList()
              + " — are the benefit registers (fleur, kmd_sygedagpenge, municipal_benefits) ingested for that period?");
    }
  }

  private static void writeMonths(
      JobContext ctx, RunLog log, Lake out, Dataset<Row> rows, TableSpec table, YearMonth from, YearMonth to) {
    Outputs.replace(
        ctx, log, out, rows.filter(col(Cols.MONTH).between(lit(Months.date(from)), lit(Months.date(to)))),
        table, Months.date(from).toString(), Months.date(to).toString());
  }
}
