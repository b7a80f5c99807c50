package dk.star.fokusmaal.pipeline;

import dk.star.fokusmaal.lake.DeltaIO;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Puts back every table the failed run wrote, so that a failed step leaves the lake as it was:
   * each to its version before the run, unless another run has committed to it since (then it is
   * left, and {@code status} shows what to rerun). A table the run created is removed.
   *
   * @return a note for the run log
   */
  static String rollback(JobContext ctx, RunLog log) {
    List<String> undone = new ArrayList<>();
    for (String[] w : log.written()) {
      String table = w[0];
      String path = w[1];
      long before = Long.parseLong(w[2]);
      long after = Long.parseLong(w[3]);
      try {
        if (DeltaIO.version(ctx.spark(), path) != after) continue;
        if (before < 0) DeltaIO.drop(ctx.spark(), path);
        else DeltaIO.restore(ctx.spark(), path, before);
        undone.add(table);
      } catch (RuntimeException e) {
        ctx.progress().say("could not roll back %s: %s", table, e.getMessage());
      }
    }
    if (undone.isEmpty()) return "";
    ctx.progress().say("rolled back %s", String.join(", ", undone));
    return " (rolled back " + String.join(", ", undone) + ")";
  }

  public static void run(JobContext ctx, String job, Map<String, String> params, Body body) throws Exception {
    RunLog log = new RunLog(job, params);
    ctx.progress().say("run %s", log.runId());
    try {
      body.run(log);
    } catch (Exception | Error e) {
      String undone = rollback(ctx, log);
      try {
        log.finish(ctx.spark(), ctx.lake(), RunLog.FAILED, String.valueOf(e.getMessage()) + undone);
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
