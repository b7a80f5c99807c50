package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.pipeline.BuildJob;
import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.UsageError;
import dk.star.fokusmaal.pipeline.Runs;
import java.time.YearMonth;
import dk.star.fokusmaal.pipeline.AsOf;
import java.util.LinkedHashMap;
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

  @Option(names = "--as-of", paramLabel = "TIMESTAMP|RUN_ID", description = "Research: compute from bronze exactly as it stood at an ISO-8601 instant (2024-03-01T08:00:00Z) or as a published run read it (needs --scenario).")
  String asOf;

  @Override
  void validate() {
    if (to.isBefore(from)) throw new UsageError("--to " + to + " is before --from " + from);
    if (asOf != null && common.scenario == null) {
      throw new UsageError("--as-of makes a research run: give --scenario NAME (the official tables always reflect the latest data)");
    }
  }

  @Override
  void execute(JobContext ctx) throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("from", from.toString());
    params.put("to", to.toString());
    params.putAll(common.runParameters(ctx.rules()));
    if (asOf != null) params.put("as_of", asOf);
    Runs.run(ctx, "build", params, log -> BuildJob.run(ctx, from, to, AsOf.parse(asOf), log));
  }
}
