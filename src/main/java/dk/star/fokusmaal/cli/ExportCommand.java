package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.UsageError;
import dk.star.fokusmaal.serve.Export;
import java.time.YearMonth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Exports a gold table (or one month of it) to one CSV or Parquet file, for tools without Delta. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a gold table, or one month of it, to one CSV or Parquet file (columns in contract order, a header, UTF-8).",
      "--locale da: ';' between fields, decimal comma and a UTF-8 byte-order mark, for a Danish Excel."
    })
final class ExportCommand extends JobCommand {
  @Option(names = "--table", required = true, paramLabel = "ZONE.TABLE", description = "e.g. gold.focus_goal_monthly (gold, or meta run_log/dq_results/ingested_files).")
  String table;

  @Option(names = "--month", paramLabel = "YYYY-MM", converter = YearMonthConverter.class, description = "Only this month (tables with a month column); the file is named TABLE_YYYY-MM.")
  YearMonth month;

  @Option(names = "--format", defaultValue = "csv", description = "csv or parquet (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--locale", defaultValue = "en", description = "CSV number format: en (',' and decimal point) or da (';' and decimal comma) (default: ${DEFAULT-VALUE}).")
  String locale;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder the file is written to.")
  String out;

  private Export.Format fmt;

  @Override
  void validate() {
    String refusal = Export.refusal(table);
    if (refusal != null) throw new UsageError(refusal);
    try {
      fmt = Export.format(format);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage(), e);
    }
    if (!locale.equals("en") && !locale.equals("da")) throw new UsageError("--locale is en or da: '" + locale + "'");
  }

  @Override
  void execute(JobContext ctx) {
    String file = Export.run(ctx.spark(), ctx.out(), new Export.Request(table, month, fmt, locale.equals("da")), out);
    ctx.progress().say("wrote %s", file);
  }
}
