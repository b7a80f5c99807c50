package dk.star.fokusmaal.pipeline;

import static org.apache.spark.sql.functions.lit;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.TableSpec;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Writes one output table of a run: run id, columns in order with comments, one atomic commit. */
final class Outputs {
  private Outputs() {}

  /**
   * Replaces the partitions of {@code spec} between {@code from} and {@code to} (inclusive) with
   * {@code rows}, which must lie inside that range; every other partition stays as it was.
   */
  static void replace(JobContext ctx, RunLog log, Lake out, Dataset<Row> rows, TableSpec spec, String from, String to) {
    String path = spec.path(out);
    boolean restricted = Lake.RESTRICTED.equals(spec.zone());
    // The restricted root is owner-only before the first file lands in it.
    if (restricted) DeltaIO.ownerOnly(ctx.spark(), out.restrictedRoot(), path);
    log.before(spec.qualifiedName(), path, DeltaIO.version(ctx.spark(), path));
    DeltaIO.replaceRange(stamped(ctx, log, rows, spec), path, spec.partitionColumn(), from, to, log.userMetadata());
    long version = DeltaIO.version(ctx.spark(), path);
    long written = DeltaIO.commitOutputRows(ctx.spark(), path, version);
    // a comment sync is a commit of its own only when a rule named in a comment changed
    DeltaIO.syncComments(ctx.spark(), path, spec.comments(ctx.rules()));
    if (restricted) DeltaIO.ownerOnly(ctx.spark(), out.restrictedRoot(), path);
    record(ctx, log, spec.qualifiedName(), DeltaIO.version(ctx.spark(), path), written);
  }

  /** Replaces the whole table with {@code rows}; {@code extra} goes into the commit's userMetadata. */
  static void overwrite(JobContext ctx, RunLog log, Lake out, Dataset<Row> rows, TableSpec spec, Map<String, String> extra) {
    String path = spec.path(out);
    log.before(spec.qualifiedName(), path, DeltaIO.version(ctx.spark(), path));
    DeltaIO.overwrite(stamped(ctx, log, rows, spec), path, spec.partitionColumn(), log.userMetadata(extra));
    record(ctx, log, spec.qualifiedName(), path);
  }

  private static Dataset<Row> stamped(JobContext ctx, RunLog log, Dataset<Row> rows, TableSpec spec) {
    return spec.conform(rows.withColumn(Cols.RUN_ID, lit(log.runId())), ctx.rules());
  }

  /**
   * Records the table's new version and the rows its latest commit wrote (Delta's operation
   * metrics: no scan) in the run log, and tells the person watching.
   *
   * @return rows written by the commit
   */
  static long record(JobContext ctx, RunLog log, String table, String path) {
    long version = DeltaIO.version(ctx.spark(), path);
    return record(ctx, log, table, version, DeltaIO.commitOutputRows(ctx.spark(), path, version));
  }

  private static long record(JobContext ctx, RunLog log, String table, long version, long rows) {
    log.output(table, version, rows);
    ctx.progress().say("%s: %,d rows written (version %d)", table, rows, version);
    return rows;
  }
}
