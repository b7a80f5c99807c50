package dk.star.fokusmaal.generate;

import dk.star.fokusmaal.cli.JobContext;

/** Writes synthetic register deliveries into {@code landing/} (SPEC §10). */
public final class GenerateJob {
  private GenerateJob() {}

  public static void run(JobContext ctx, GenerateOptions opts) {
    throw new UnsupportedOperationException("generate is not implemented yet");
  }
}
