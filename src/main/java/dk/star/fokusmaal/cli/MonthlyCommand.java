package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.MonthlyJob;
import dk.star.fokusmaal.pipeline.UsageError;
import java.util.Map;
import picocli.CommandLine.Command;

/** What cron or Airflow calls (jobs/monthly): ingest, then rebuild the newest month and the months whose inputs changed. */
@Command(
    name = "monthly",
    mixinStandardHelpOptions = true,
    description = "Ingest new deliveries, then rebuild the newest month and every earlier month whose inputs changed since it was published. "
        + "A run that finds nothing new does nothing and says so.")
final class MonthlyCommand extends JobCommand {
  @Override
  void validate() {
    if (common.scenario != null) throw new UsageError("monthly keeps the official tables up to date; a scenario is built with build --scenario");
  }

  @Override
  void execute(JobContext ctx) throws Exception {
    MonthlyJob.run(ctx, Map.of("lake", ctx.lake().root()));
  }
}
