package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.Worklist;
import java.time.YearMonth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One job centre's worklist of a month as CSV (restricted.followup_persons, SPEC §8.7). */
@Command(
    name = "worklist",
    mixinStandardHelpOptions = true,
    description = "Writes one municipality's worklist of a built month as CSV: the citizens passive now or at one of the "
        + "next 3 month-ends if nothing new happens, what they need and by when, in priority order. "
        + "Only that municipality's rows; the file is readable by its owner only.")
final class WorklistCommand extends JobCommand {
  @Option(names = "--municipality", required = true, paramLabel = "CODE", description = "Municipality (kommune) code, e.g. 727 for Odder.")
  int municipality;

  @Option(names = "--month", required = true, converter = YearMonthConverter.class, paramLabel = "YYYY-MM", description = "A built month.")
  YearMonth month;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write (replaced if it exists).")
  String out;

  @Option(names = "--lang", paramLabel = "da|en", defaultValue = "da",
      description = "Column headers: da (Danish, the default) or en (the table's own column names, such as municipality_code).")
  Worklist.Lang lang;

  @Override
  void execute(JobContext ctx) {
    long n = Worklist.write(ctx, municipality, month, out, lang);
    ctx.progress().say("%s: %,d persons on the worklist of municipality %d for %s", out, n, municipality, month);
  }
}
