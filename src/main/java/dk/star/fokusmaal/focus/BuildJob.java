package dk.star.fokusmaal.focus;

import dk.star.fokusmaal.cli.JobContext;
import dk.star.fokusmaal.lake.RunLog;
import java.time.YearMonth;

/** Bronze → silver → gold for the months {@code from … to} (SPEC §5, §8). */
public final class BuildJob {
  private BuildJob() {}

  public static void run(JobContext ctx, YearMonth from, YearMonth to, RunLog log) {
    throw new UnsupportedOperationException("build is not implemented yet");
  }
}
