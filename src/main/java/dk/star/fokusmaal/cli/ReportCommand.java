package dk.star.fokusmaal.cli;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.report.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write charts and tables for one month: report-YYYY-MM.html and CSV files in --out.")
final class ReportCommand extends JobCommand {
  @Option(names = "--month", required = true, converter = YearMonthConverter.class, paramLabel = "YYYY-MM", description = "The month to report.")
  YearMonth month;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the report files (created if missing).")
  Path out;

  @Override
  void execute(JobContext ctx) throws IOException {
    ctx.progress().say("%s", Report.write(ctx.spark(), ctx.lake(), ctx.rules(), month, out));
  }
}
