package dk.star.fokusmaal.focus;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.cli.JobContext;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.RunLog;
import dk.star.fokusmaal.reference.Municipalities;
import dk.star.fokusmaal.result.QuarterlyReport;
import dk.star.fokusmaal.result.ResultGoal;
import dk.star.fokusmaal.result.Supervision;
import dk.star.fokusmaal.schema.Cols;
import dk.star.fokusmaal.schema.Sources;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The build's second half (SPEC §8.4–8.6): the resultatmål of every benchmark period that ends
 * in the months built, the supervision decision of every year whose December is built, and the
 * quarterly report of every quarter-end month built. Each table is replaced on exactly those
 * periods, years or months.
 */
final class ResultStage {
  private ResultStage() {}

  static final String RESULT_GOAL = "result_goal";
  static final String SUPERVISION_STATUS = "supervision_status";
  static final String QUARTERLY_REPORT = "quarterly_report";

  static void run(JobContext ctx, RunLog log, Dataset<Row> periods, Dataset<Row> twelve, YearMonth from, YearMonth to) {
    SparkSession spark = ctx.spark();
    Lake lake = ctx.lake();
    for (String source : new String[] {Sources.BENCHMARK_EXPECTED, Sources.POPULATION}) {
      if (!DeltaIO.exists(spark, lake.bronze(source))) {
        ctx.progress().say("WARNING: bronze.%s not ingested: resultatmål, supervision and quarterly report skipped", source);
        return;
      }
      log.input("bronze." + source, DeltaIO.version(spark, lake.bronze(source)));
    }
    Dataset<Row> expected =
        Registers.read(spark, lake, Sources.BENCHMARK_SPEC)
            .filter(col(Cols.PERIOD_END).leq(lit(Months.lastDay(to))));
    Dataset<Row> population = Registers.read(spark, lake, Sources.POPULATION_SPEC);
    Dataset<Row> municipalities = Municipalities.table(spark);

    // Every benchmark period that has ended by the last month built: the quarterly report of a
    // month looks back to the latest one, which may end before the first month built.
    Dataset<Row> resultGoal =
        ResultGoal.resultGoal(
                ResultGoal.actualFte(periods, expected, ctx.rules().fleurHoursPerMonth().doubleValue()),
                expected, population, municipalities)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      String first = Months.date(from).toString();
      String last = Months.lastDay(to).toString();
      Outputs.replace(ctx, log, resultGoal.filter(col(Cols.PERIOD_END).between(first, last)),
          Lake.GOLD, RESULT_GOAL, Cols.PERIOD_END, first, last, ResultGoal.COMMENTS);

      // The years whose December is among the months built.
      int firstYear = from.getYear();
      int lastYear = to.getMonthValue() == 12 ? to.getYear() : to.getYear() - 1;
      if (firstYear <= lastYear) {
        Dataset<Row> status =
            Supervision.status(twelve, resultGoal, ctx.rules(), municipalities)
                .filter(col(Cols.YEAR).between(firstYear, lastYear));
        Outputs.replace(ctx, log, status, Lake.GOLD, SUPERVISION_STATUS, Cols.YEAR,
            String.valueOf(firstYear), String.valueOf(lastYear), Supervision.COMMENTS);
      }

      Dataset<Row> quarterly = QuarterlyReport.report(twelve, resultGoal, ctx.rules(), municipalities);
      Outputs.replace(ctx, log, quarterly, Lake.GOLD, QUARTERLY_REPORT, Cols.MONTH, first,
          Months.date(to).toString(), QuarterlyReport.COMMENTS);
    } finally {
      resultGoal.unpersist();
    }
  }
}
