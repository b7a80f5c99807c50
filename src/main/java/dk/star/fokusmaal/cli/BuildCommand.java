package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.pipeline.BuildJob;
import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.UsageError;
import dk.star.fokusmaal.pipeline.Runs;
import java.time.YearMonth;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Bronze → silver → gold for the months --from … --to; a rerun replaces exactly those months.")
final class BuildCommand extends JobCommand {
  @Option(names = "--from", required = true, converter = YearMonthConverter.class, paramLabel = "YYYY-MM", description = "First measurement month.")
  YearMonth from;

  @Option(names = "--to", required = true, converter = YearMonthConverter.class, paramLabel = "YYYY-MM", description = "Last measurement month.")
  YearMonth to;

  @Override
  void validate() {
    if (to.isBefore(from)) throw new UsageError("--to " + to + " is before --from " + from);
  }

  @Override
  void execute(JobContext ctx) throws Exception {
    Runs.run(
        ctx,
        "build",
        Map.of("from", from.toString(), "to", to.toString(), "rules", ctx.rules().source().toString()),
        log -> BuildJob.run(ctx, from, to, log));
  }
}
