package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.pipeline.IngestJob;
import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.Runs;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Landing → bronze (valid rows, with lineage) and quarantine (rows that break the contract). Idempotent per file.")
final class IngestCommand extends JobCommand {
  @Override
  void execute(JobContext ctx) throws Exception {
    Runs.run(ctx, "ingest", Map.of("lake", ctx.lake().root()), log -> IngestJob.run(ctx, log));
  }
}
