package dk.star.fokusmaal.pipeline;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.gold.QuarterlyReport;
import dk.star.fokusmaal.gold.ResultGoal;
import dk.star.fokusmaal.gold.Supervision;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Months;
import dk.star.fokusmaal.silver.Corrections;
import dk.star.fokusmaal.contract.SourceSpec;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The build's second half (SPEC §8.4–8.6): the resultatmål of every benchmark period that ends
 * in the months built, the supervision decision of every year whose December is built, and the
 * quarterly report of every quarter-end month built. Each table is replaced on exactly those
 * periods, years or months.
 */
final class ResultStage {
  private ResultStage() {}

  /** The registers the stage reads besides silver. */
  static final List<SourceSpec> REGISTERS = List.of(Sources.BENCHMARK_SPEC, Sources.POPULATION_SPEC);

  static void run(
      JobContext ctx, RunLog log, Lake out, Inputs inputs, Dataset<Row> periods, Dataset<Row> twelve,
      YearMonth from, YearMonth to) {
    SparkSession spark = ctx.spark();
    Lake lake = ctx.lake();
    for (SourceSpec source : REGISTERS) {
      if (!inputs.has(source)) {
        String why = "bronze." + source.name() + " not ingested: resultatmål, supervision and quarterly report of "
            + from + " … " + to + " not computed (earlier rows of those periods, if any, are left as they were)";
        ctx.progress().say("WARNING: %s", why);
        log.warn(why);
        return;
      }
    }
    Dataset<Row> ended = Kept.keep(
        Corrections.latest(inputs.bronze(spark, lake, Sources.BENCHMARK_SPEC), Sources.BENCHMARK_SPEC)
            .filter(col(Cols.PERIOD_END).leq(lit(Months.lastDay(to)))));
    // The periods ending in the months built, and the latest one ended before them: the quarterly
    // report of a month looks back to the latest period ended by it. Ranks are per period, so
    // leaving out older periods changes nothing.
    java.sql.Date before =
        ended.filter(col(Cols.PERIOD_END).lt(lit(Months.date(from)))).agg(max(col(Cols.PERIOD_END))).first().getDate(0); // one row
    Dataset<Row> expected =
        ended.filter(col(Cols.PERIOD_END).geq(lit(before != null ? before : Months.date(from))));
    Dataset<Row> population =
        Corrections.latest(inputs.bronze(spark, lake, Sources.POPULATION_SPEC), Sources.POPULATION_SPEC);

    Dataset<Row> resultGoal = Kept.keep(
        ResultGoal.resultGoal(
                ResultGoal.actualFte(periods, expected, ctx.rules().fleurHoursPerMonth().doubleValue()),
                expected, population));
    try {
      String first = Months.date(from).toString();
      String last = Months.lastDay(to).toString();
      Outputs.replace(ctx, log, out, resultGoal.filter(col(Cols.PERIOD_END).between(first, last)),
          Tables.RESULT_GOAL, first, last);

      // The years whose December is among the months built.
      int firstYear = from.getYear();
      int lastYear = to.getMonthValue() == 12 ? to.getYear() : to.getYear() - 1;
      if (firstYear <= lastYear) {
        Dataset<Row> status =
            Supervision.status(twelve, resultGoal, ctx.rules())
                .filter(col(Cols.YEAR).between(firstYear, lastYear));
        Outputs.replace(ctx, log, out, status, Tables.SUPERVISION, String.valueOf(firstYear), String.valueOf(lastYear));
      }

      Dataset<Row> quarterly = QuarterlyReport.report(twelve, resultGoal, ctx.rules());
      Outputs.replace(ctx, log, out, quarterly, Tables.QUARTERLY_REPORT, first, Months.date(to).toString());
    } finally {
      Kept.release(resultGoal, ended);
    }
  }
}
