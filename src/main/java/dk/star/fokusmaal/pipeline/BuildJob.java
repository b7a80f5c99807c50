package dk.star.fokusmaal.pipeline;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.gold.Averages;
import dk.star.fokusmaal.gold.Shares;
import dk.star.fokusmaal.lake.Catalog;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.TableSpec;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Months;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.silver.Activity;
import dk.star.fokusmaal.silver.Corrections;
import dk.star.fokusmaal.silver.Periods;
import dk.star.fokusmaal.silver.Population;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Bronze → silver → gold for the measurement months {@code from … to} (SPEC §5, §8.1–8.3).
 *
 * <p>Reads the registers as they stand (corrections resolved), builds spells over their whole
 * history (seniority needs it), the population and activity of the months {@code from-11 … to}
 * (the 12-month averages need the 11 months before {@code from}), and replaces exactly the months
 * {@code from … to} of each output table in one atomic commit per table. Nothing is written when
 * a month has no population: missing inputs fail the build instead of writing zeros.
 */
public final class BuildJob {
  private BuildJob() {}

  /** The registers a fokusmål build reads. */
  public static final List<SourceSpec> INPUTS =
      List.of(Sources.FLEUR_SPEC, Sources.KMD_SPEC, Sources.MUNICIPAL_SPEC, Sources.TASS_SPEC,
          Sources.PLANDATA_SPEC, Sources.EINDKOMST_SPEC);

  public static void run(JobContext ctx, YearMonth from, YearMonth to, RunLog log) {
    SparkSession spark = ctx.spark();
    Lake lake = ctx.lake();
    Rules rules = ctx.rules();
    YearMonth windowFrom = from.minusMonths(11);
    log.ruleVersion(rules.versions(from, to));

    for (SourceSpec s : INPUTS) log.input("bronze." + s.name(), DeltaIO.version(spark, lake.bronze(s.name())));
    Dataset<Row> fleur = Corrections.read(spark, lake, Sources.FLEUR_SPEC);
    Dataset<Row> kmd = Corrections.read(spark, lake, Sources.KMD_SPEC);
    Dataset<Row> municipal = Corrections.read(spark, lake, Sources.MUNICIPAL_SPEC);
    Dataset<Row> tass = Corrections.read(spark, lake, Sources.TASS_SPEC);
    Dataset<Row> plandata = Corrections.read(spark, lake, Sources.PLANDATA_SPEC);
    // Pay periods are keyed by their dates: only those the windows can count are read.
    Dataset<Row> eindkomst =
        Corrections.read(spark, lake, Sources.EINDKOMST_SPEC, Activity.payPeriodsNeeded(windowFrom, to));

    // Conformed periods with their spells, over all history up to the last month built.
    Dataset<Row> periods =
        Periods.spelled(fleur, kmd, municipal, to).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> population = Population.of(periods, rules, windowFrom, to);
    Dataset<Row> measured =
        Activity.measure(population, tass, plandata, eindkomst, rules, windowFrom, to)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> counts = Shares.municipalCounts(measured).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> monthly = Shares.municipal(counts, rules);
      Dataset<Row> national = Shares.national(counts, rules);
      // Checked before anything is written: a month without population fails the build.
      ctx.progress().step("population and shares computed", () -> {
        requirePopulation(national, from, to);
        return null;
      });

      Outputs.overwrite(ctx, log, periods, Tables.BENEFIT_PERIODS);
      writeMonths(ctx, log, measured, Tables.PERSON_MONTH, from, to);
      writeMonths(ctx, log, monthly, Tables.FOCUS_GOAL_MONTHLY, from, to);
      writeMonths(ctx, log, national, Tables.FOCUS_GOAL_NATIONAL_MONTHLY, from, to);
      Dataset<Row> twelve = Averages.twelveMonth(monthly, national, rules, from, to);
      writeMonths(ctx, log, twelve, Tables.FOCUS_GOAL_12M, from, to);
      ResultStage.run(ctx, log, periods, twelve, from, to);
    } finally {
      counts.unpersist();
      measured.unpersist();
      periods.unpersist();
    }
    Catalog.register(spark, lake);
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
      JobContext ctx, RunLog log, Dataset<Row> rows, TableSpec table, YearMonth from, YearMonth to) {
    Outputs.replace(
        ctx, log, rows.filter(col(Cols.MONTH).between(lit(Months.date(from)), lit(Months.date(to)))),
        table, Months.date(from).toString(), Months.date(to).toString());
  }
}
