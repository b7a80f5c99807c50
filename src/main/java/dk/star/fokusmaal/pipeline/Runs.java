package dk.star.fokusmaal.pipeline;

import java.util.Map;

/**
 * Runs a job body under a {@link RunLog}: the run is appended to meta.run_log, failed or not. The
 * row is written last: a run without one never finished (it crashed or was killed), and {@code
 * status} says so.
 */
public final class Runs {
  private Runs() {}

  public interface Body {
    void run(RunLog log) throws Exception;
  }

  public static void run(JobContext ctx, String job, Map<String, String> params, Body body) throws Exception {
    RunLog log = new RunLog(job, params);
    ctx.progress().say("run %s", log.runId());
    try {
      body.run(log);
    } catch (Exception | Error e) {
      try {
        log.finish(ctx.spark(), ctx.lake(), RunLog.FAILED, String.valueOf(e.getMessage()));
      } catch (RuntimeException logFailure) {
        e.addSuppressed(logFailure);
      }
      throw e;
    }
    if (log.warnings().isEmpty()) {
      log.finish(ctx.spark(), ctx.lake(), RunLog.SUCCEEDED, null);
    } else {
      String why = String.join("; ", log.warnings());
      System.err.println("fokusmaal " + job + ": warning: " + why);
      log.finish(ctx.spark(), ctx.lake(), RunLog.SUCCEEDED_WITH_WARNINGS, why);
    }
  }
}
