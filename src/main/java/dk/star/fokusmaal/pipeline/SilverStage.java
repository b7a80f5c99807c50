package dk.star.fokusmaal.pipeline;

import static org.apache.spark.sql.functions.col;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.TableSpec;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.silver.ActivityMonths;
import dk.star.fokusmaal.silver.Corrections;
import dk.star.fokusmaal.silver.Periods;
import dk.star.fokusmaal.silver.Population;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The person-level facts every build month is computed from (SPEC §3 silver): {@code
 * silver.benefit_periods} (corrections resolved, conformed, spells), {@code
 * silver.population_month} (who is in the population in each month, §5.1–5.3) and {@code
 * silver.activity_month} (conversations, offers and hours per person and month, before any rule
 * of §7). They depend only on the bronze versions read and the seniority rules of {@code
 * common.properties} — not on the months built nor on the thresholds — so a build recomputes them
 * only when one of those changed, and a rerun of one month reads 12 months of them instead of
 * all of history.
 *
 * <p>The state they were computed from is recorded in the {@code userMetadata} of each of their
 * commits; the three agree only when the last refresh finished.
 */
final class SilverStage {
  private SilverStage() {}

  /** The registers silver is computed from. */
  static final List<SourceSpec> REGISTERS =
      List.of(Sources.FLEUR_SPEC, Sources.KMD_SPEC, Sources.MUNICIPAL_SPEC, Sources.TASS_SPEC,
          Sources.PLANDATA_SPEC, Sources.EINDKOMST_SPEC);

  /** The silver tables, in the order a refresh writes them (the last one seals the state). */
  static final List<TableSpec> TABLES =
      List.of(Tables.BENEFIT_PERIODS, Tables.POPULATION_MONTH, Tables.ACTIVITY_MONTH);

  private static final String STATE = "silver_state";
  private static final YearMonth FIRST = YearMonth.of(2000, 1);

  /**
   * Silver for a build. {@link #fresh} says whether it was computed now (and must be written with
   * {@link #write} once the build has checked its results) or read from the lake.
   */
  record Silver(
      Dataset<Row> periods, Dataset<Row> population, Dataset<Row> activity, String state, boolean fresh) {
    void release() {
      if (fresh) Kept.release(periods, population, activity);
    }
  }

  /** What silver computed from {@code inputs} under {@code rules} up to {@code horizon} depends on. */
  static String state(Inputs inputs, Rules rules, YearMonth horizon) {
    return inputs.describe(REGISTERS) + ";horizon=" + horizon + ";seniority.months=" + rules.seniorityMonths()
        + ";fleur.hours_per_month=" + rules.fleurHoursPerMonth().toPlainString() + ";activity=benefit_periods";
  }

  /**
   * Silver as it stands in {@code out} when it was computed from this state (or, for a scenario, in
   * the official lake: silver depends on no threshold, so a scenario that changes thresholds reads
   * the official silver), else computed now.
   */
  static Silver of(JobContext ctx, Lake out, Inputs inputs, YearMonth horizon) {
    SparkSession spark = ctx.spark();
    String state = state(inputs, ctx.rules(), horizon);
    for (Lake lake : out.equals(ctx.lake()) ? List.of(out) : List.of(out, ctx.lake())) {
      if (current(spark, lake, state)) {
        ctx.progress().say("silver of %s is up to date with %s", lake, state);
        return new Silver(
            DeltaIO.read(spark, Tables.BENEFIT_PERIODS.path(lake)),
            DeltaIO.read(spark, Tables.POPULATION_MONTH.path(lake)),
            DeltaIO.read(spark, Tables.ACTIVITY_MONTH.path(lake)),
            state, false);
      }
    }
    ctx.progress().say("silver is computed from %s", state);
    Dataset<Row> periods = Kept.keep(
        Periods.spelled(
                Corrections.latest(inputs.bronze(spark, ctx.lake(), Sources.FLEUR_SPEC), Sources.FLEUR_SPEC),
                Corrections.latest(inputs.bronze(spark, ctx.lake(), Sources.KMD_SPEC), Sources.KMD_SPEC),
                Corrections.latest(inputs.bronze(spark, ctx.lake(), Sources.MUNICIPAL_SPEC), Sources.MUNICIPAL_SPEC),
                horizon));
    Dataset<Row> population = Kept.keep(Population.of(periods, ctx.rules(), FIRST, horizon));
    Dataset<Row> activity = Kept.keep(
        ActivityMonths.of(
                Corrections.latest(inputs.bronze(spark, ctx.lake(), Sources.TASS_SPEC), Sources.TASS_SPEC),
                Corrections.latest(inputs.bronze(spark, ctx.lake(), Sources.PLANDATA_SPEC), Sources.PLANDATA_SPEC),
                Corrections.latest(inputs.bronze(spark, ctx.lake(), Sources.EINDKOMST_SPEC), Sources.EINDKOMST_SPEC),
                // everyone with an in-scope benefit period, not only the population: the worklist
                // needs the activity of those about to reach 12 months' seniority
                periods, FIRST, horizon));
    return new Silver(periods, population, activity, state, true);
  }

  private static boolean current(SparkSession spark, Lake lake, String state) {
    for (TableSpec t : TABLES) {
      String meta = DeltaIO.lastUserMetadata(spark, t.path(lake));
      if (meta == null || !meta.contains("\"" + STATE + "\":\"" + state + "\"")) return false;
    }
    return true;
  }

  /** Writes freshly computed silver to {@code lake}, each commit carrying the state. */
  static void write(JobContext ctx, RunLog log, Lake lake, Silver s) {
    if (!s.fresh()) return;
    Map<String, String> state = Map.of(STATE, s.state());
    Outputs.overwrite(ctx, log, lake, s.periods(), Tables.BENEFIT_PERIODS, state);
    Outputs.overwrite(ctx, log, lake, s.population(), Tables.POPULATION_MONTH, state);
    Outputs.overwrite(ctx, log, lake, s.activity(), Tables.ACTIVITY_MONTH, state);
  }

  /** The rows of {@code df} whose month lies in {@code from … to}. */
  static Dataset<Row> months(Dataset<Row> df, YearMonth from, YearMonth to) {
    return df.filter(col(Cols.MONTH).between(dk.star.fokusmaal.rules.Months.date(from), dk.star.fokusmaal.rules.Months.date(to)));
  }
}
