package dk.star.fokusmaal.focus;

import static org.apache.spark.sql.functions.lit;

import dk.star.fokusmaal.cli.JobContext;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.RunLog;
import dk.star.fokusmaal.schema.Cols;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Writes one output table of a build: run id, column comments, atomic replacement of a range. */
final class Outputs {
  private Outputs() {}

  /**
   * Replaces the partitions {@code partition} between {@code from} and {@code to} of {@code
   * zone.table} with {@code rows} (which must lie inside that range), stamps every row with the
   * run id and, for gold, every column with its comment; records version and rows in the run log.
   *
   * @param comments column comments (gold), or null (silver)
   */
  static void replace(
      JobContext ctx, RunLog log, Dataset<Row> rows, String zone, String table, String partition,
      String from, String to, Map<String, String> comments) {
    Dataset<Row> out = rows.withColumn(Cols.RUN_ID, lit(log.runId()));
    if (comments != null) out = DeltaIO.withComments(out, comments);
    String path = ctx.lake().table(zone, table);
    DeltaIO.replaceRange(out, path, partition, from, to, log.userMetadata());
    record(ctx, log, zone, table);
  }

  /** Records the table's new version and rows in the run log, and tells the person watching. */
  static void record(JobContext ctx, RunLog log, String zone, String table) {
    String path = ctx.lake().table(zone, table);
    long rows = DeltaIO.lastCommitOutputRows(ctx.spark(), path);
    long version = DeltaIO.version(ctx.spark(), path);
    log.output(zone + "." + table, version, rows);
    ctx.progress().say("%s.%s: %,d rows written (version %d)", zone, table, rows, version);
  }
}
