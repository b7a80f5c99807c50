package dk.star.fokusmaal.ingest;

import dk.star.fokusmaal.cli.JobContext;
import dk.star.fokusmaal.lake.RunLog;

/** Landing → bronze and quarantine (SPEC §4). */
public final class IngestJob {
  private IngestJob() {}

  public static void run(JobContext ctx, RunLog log) {
    throw new UnsupportedOperationException("ingest is not implemented yet");
  }
}
