package dk.star.fokusmaal.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * Intermediate results a build uses several times (silver, the measured person-months, the
 * counts), computed once and kept on the executors (memory, spilling to disk) as a local
 * checkpoint rather than a cache: every later query then starts from a plain scan of the kept
 * rows instead of the whole lineage back to bronze. With a cache, every query of the build
 * carried (and re-analysed, re-optimised and printed into each adaptive-execution event) the full
 * plan of everything before it; at 300 persons that was half of a build's wall time.
 *
 * <p>A local checkpoint is not recomputed when an executor is lost: the build then fails with the
 * lost block in its reason and a rerun heals it, like any failed run (nothing is published before
 * the run log row).
 */
final class Kept {
  private Kept() {}

  /** {@code df} computed now and kept. */
  static Dataset<Row> keep(Dataset<Row> df) {
    return df.localCheckpoint(true);
  }

  /** Frees the kept rows of frames made by {@link #keep} (others are left alone). */
  @SafeVarargs
  static void release(Dataset<Row>... kept) {
    for (Dataset<Row> df : kept) {
      if (df != null && df.queryExecution().logical() instanceof LogicalRDD r) r.rdd().unpersist(false);
    }
  }
}
