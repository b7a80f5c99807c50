package dk.star.fokusmaal.pipeline;

import dk.star.fokusmaal.bronze.DqResults;
import dk.star.fokusmaal.bronze.Ingest.Batch;
import dk.star.fokusmaal.bronze.Ingest.Validated;
import dk.star.fokusmaal.bronze.Ingest;
import dk.star.fokusmaal.bronze.IngestedFiles;
import dk.star.fokusmaal.bronze.Landing;
import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.lake.Catalog;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The ingest job: landing → bronze and quarantine for every source (SPEC §3, §4).
 *
 * <ol>
 *   <li>Plan, before anything is written: for every source, list {@code landing/<source>/}
 *       recursively, drop the files already in {@code meta.ingested_files}, read each new file's
 *       footer and check its schema. An unreadable file or a missing contract column fails the
 *       whole ingest here, with the lake unchanged.
 *   <li>Per source with new files: validate; write the valid rows to {@code bronze/<source>} and
 *       the invalid ones to {@code quarantine/<source>}, one commit each ({@link Ingest}). Then
 *       check, file by file, that the rows its Parquet footer declares all went to bronze or
 *       quarantine (a mismatch fails the run here: nothing reaches the manifest, and the rerun
 *       replaces the rows written), and count the ties of corrections the batch takes part in.
 *   <li>Then, one commit each for all sources: the data-quality summary to {@code
 *       meta.dq_results}, and last the files to the manifest {@code meta.ingested_files}.
 * </ol>
 */
public final class IngestJob {
  private IngestJob() {}

  public static void run(JobContext ctx, RunLog log) {
    SparkSession spark = ctx.spark();
    Lake lake = ctx.lake();
    Progress progress = ctx.progress();
    // One instant for the whole run: bronze, quarantine and manifest rows of a file agree.
    Timestamp ingestedAt = Timestamp.from(Instant.now());
    String manifest = Tables.INGESTED_FILES.path(lake);
    long manifestVersion = DeltaIO.version(spark, manifest);
    log.input(Tables.INGESTED_FILES.qualifiedName(), manifestVersion);

    for (String folder : Landing.folders(spark, lake.root() + "/" + Lake.LANDING)) {
      if (!Sources.ALL.containsKey(folder)) {
        progress.say("landing/%s is not a source of the contract; ignored", folder);
      }
    }

    List<Batch> batches = new ArrayList<>();
    Map<String, Set<String>> done = IngestedFiles.identities(spark, lake, manifestVersion);
    for (SourceSpec spec : Sources.ALL.values()) {
      Batch b = Ingest.plan(spark, lake, spec, done.getOrDefault(spec.name(), Set.of()));
      progress.say("%s: %d new file(s), %d already ingested", spec.name(), b.files().size(), b.skipped());
      batches.add(b);
    }

    List<Dataset<Row>> dqParts = new ArrayList<>();
    List<Dataset<Row>> manifestParts = new ArrayList<>();
    List<Dataset<Row>> persisted = new ArrayList<>();
    try {
      for (Batch b : batches) {
        if (b.files().isEmpty()) continue;
        Ingested in = ingest(ctx, b, log, ingestedAt, persisted);
        Dataset<Row> stats = in.stats();
        dqParts.add(DqResults.rows(stats, log.runId(), b.spec().name(), in.footerRows(), in.ties()));
        manifestParts.add(
            IngestedFiles.rows(spark, b.spec().name(), b.files(), stats, log.runId(), ingestedAt));
      }
      if (manifestParts.isEmpty()) {
        progress.say("no new landing files");
      } else {
        // One commit each for all sources. The manifest goes last: once a file is in it, later
        // runs skip the file; until then a rerun replaces the file's rows instead of adding them.
        String dq = Tables.DQ_RESULTS.path(lake);
        DeltaIO.append(Ingest.union(dqParts), dq, log.userMetadata());
        Outputs.record(ctx, log, Tables.DQ_RESULTS.qualifiedName(), dq);
        DeltaIO.append(Ingest.union(manifestParts), manifest, log.userMetadata());
        Outputs.record(ctx, log, Tables.INGESTED_FILES.qualifiedName(), manifest);
      }
    } finally {
      persisted.forEach(Dataset::unpersist);
    }
    if (Catalog.persistent(spark)) Catalog.register(spark, lake);
  }

  /** What one source's batch gave: its stats (persisted), footer rows and ties of corrections. */
  private record Ingested(Dataset<Row> stats, long footerRows, long ties) {}

  /**
   * Validates one source's batch, writes bronze and quarantine, checks that every file's rows are
   * accounted for (footer = bronze + quarantine, else the run fails here, before the manifest
   * commit) and counts the ties of corrections in bronze that involve the batch.
   *
   * @param persisted gets the stats, to unpersist when the run ends
   */
  private static Ingested ingest(
      JobContext ctx, Batch batch, RunLog log, Timestamp ingestedAt, List<Dataset<Row>> persisted) {
    long t0 = System.nanoTime();
    String source = batch.spec().name();
    Lake lake = ctx.lake();
    Validated v = Ingest.validate(ctx.spark(), batch, ingestedAt, log.runId());
    Ingest.replaceFiles(v.bronze(), lake.bronze(source), batch.files(), log.userMetadata());
    long toBronze = Outputs.record(ctx, log, Lake.BRONZE + "." + source, lake.bronze(source));
    Ingest.replaceFiles(v.quarantine(), lake.quarantine(source), batch.files(), log.userMetadata());
    long toQuarantine = Outputs.record(ctx, log, Lake.QUARANTINE + "." + source, lake.quarantine(source));
    // A few rows (per file and rule) from which the checks, the DQ summary and the manifest are
    // made without reading the files again.
    Dataset<Row> stats = v.stats().persist();
    persisted.add(stats);
    // Rows in = bronze + quarantine, per file against its footer: metadata, one row per file.
    Ingest.checkRowCounts(batch, Ingest.rowsPerFile(stats), toBronze, toQuarantine);
    long footerRows = batch.files().stream().mapToLong(f -> f.footerRows()).sum();
    log.count(Lake.LANDING + "." + source, toBronze + toQuarantine);
    ctx.progress().say(
        "%s: %d rows read (= the files' footers) → bronze %d, quarantine %d (%.1f s)",
        source, toBronze + toQuarantine, toBronze, toQuarantine, (System.nanoTime() - t0) / 1e9);
    if (toQuarantine > 0) {
      // Rows per rule broken: an aggregate of at most one row per rule, for the person watching.
      for (Row r : DqResults.byRule(stats).orderBy(Cols.DQ_RULE).collectAsList()) {
        ctx.progress().say("%s:   %-45s %d", source, r.<String>getAs(Cols.DQ_RULE), r.<Long>getAs(Cols.ROWS));
      }
    }
    long t1 = System.nanoTime();
    long ties = Ingest.ties(DeltaIO.read(ctx.spark(), lake.bronze(source)), batch.spec(), log.runId()).count();
    ctx.progress().say(
        "%s: %d key(s) with different rows at the same reported_at (%.1f s)",
        source, ties, (System.nanoTime() - t1) / 1e9);
    return new Ingested(stats, footerRows, ties);
  }
}
