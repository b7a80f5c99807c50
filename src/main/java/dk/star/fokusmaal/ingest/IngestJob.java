package dk.star.fokusmaal.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dk.star.fokusmaal.cli.JobContext;
import dk.star.fokusmaal.cli.Progress;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.RunLog;
import dk.star.fokusmaal.schema.Cols;
import dk.star.fokusmaal.schema.SourceSpec;
import dk.star.fokusmaal.schema.Sources;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Landing → bronze and quarantine (SPEC §3, §4). A thin job: it lists files and writes; the
 * contract checks are {@link Validation}.
 *
 * <ol>
 *   <li>Plan, before anything is written: for every source, list {@code landing/<source>/}
 *       recursively, drop the files already in {@code meta.ingested_files}, read each new file's
 *       footer and check its schema. An unreadable file or a missing contract column fails the
 *       whole ingest here, with the lake unchanged.
 *   <li>Per source with new files: validate; write the valid rows to {@code bronze/<source>} and
 *       the invalid ones to {@code quarantine/<source>}.
 *   <li>Then, one commit each for all sources: the data-quality summary to {@code
 *       meta.dq_results}, and last the files to the manifest {@code meta.ingested_files}.
 *   <li>Register every table in the catalog.
 * </ol>
 *
 * <p>Every bronze/quarantine write is one Delta commit that replaces the rows of exactly this
 * batch's files ({@code replaceWhere _source_file IN (...)}): atomic, and idempotent when a run
 * that crashed before its manifest commit is retried — the retry replaces what the crashed run
 * wrote instead of adding to it. The manifest is the commit point of a file.
 *
 * <p>Bronze is append-only across deliveries: a correction is a new row, and the build resolves
 * corrections by key and latest {@code reported_at} when it reads bronze (SPEC §4). Keeping every
 * delivered row lets a researcher rebuild a month with the data as it stood.
 */
public final class IngestJob {
  private IngestJob() {}

  public static void run(JobContext ctx, RunLog log) {
    run(ctx.spark(), ctx.lake(), ctx.progress(), log);
  }

  /** The new files of one source, with their footers read and their schemas checked. */
  record Batch(SourceSpec spec, List<LandingFile> files) {}

  public static void run(SparkSession spark, Lake lake, Progress progress, RunLog log) {
    // One instant for the whole run: bronze, quarantine and manifest rows of a file agree.
    Timestamp ingestedAt = Timestamp.from(Instant.now());
    String manifest = IngestedFiles.path(lake);
    long manifestVersion = DeltaIO.version(spark, manifest);
    log.input(Lake.META + "." + IngestedFiles.TABLE, manifestVersion);

    for (String folder : Landing.folders(spark, lake.root() + "/" + Lake.LANDING)) {
      if (!Sources.ALL.containsKey(folder)) {
        progress.say("landing/%s is not a source of the contract; ignored", folder);
      }
    }

    List<Batch> batches = new ArrayList<>();
    Map<String, Set<String>> done = IngestedFiles.identities(spark, lake, manifestVersion);
    for (SourceSpec spec : Sources.ALL.values()) {
      batches.add(plan(spark, lake, spec, done.getOrDefault(spec.name(), Set.of()), progress));
    }

    List<Dataset<Row>> dqParts = new ArrayList<>();
    List<Dataset<Row>> manifestParts = new ArrayList<>();
    List<Dataset<Row>> persisted = new ArrayList<>();
    try {
      for (Batch b : batches) {
        if (b.files().isEmpty()) continue;
        Dataset<Row> stats = ingest(spark, lake, b, progress, log, ingestedAt);
        persisted.add(stats);
        dqParts.add(DqResults.rows(stats, log.runId(), b.spec().name()));
        manifestParts.add(
            IngestedFiles.rows(spark, b.spec().name(), b.files(), stats, log.runId(), ingestedAt));
      }
      if (manifestParts.isEmpty()) {
        progress.say("no new landing files");
      } else {
        // One commit each for all sources. The manifest goes last: once a file is in it, later
        // runs skip the file; until then a rerun replaces the file's rows instead of adding them.
        String userMetadata = log.userMetadata();
        String dq = DqResults.path(lake);
        DeltaIO.append(union(dqParts), dq, userMetadata);
        logOutput(spark, log, Lake.META + "." + DqResults.TABLE, dq);
        DeltaIO.append(union(manifestParts), manifest, userMetadata);
        logOutput(spark, log, Lake.META + "." + IngestedFiles.TABLE, manifest);
      }
    } finally {
      persisted.forEach(Dataset::unpersist);
    }
    DeltaIO.registerAll(spark, lake);
  }

  /**
   * Lists a source's landing folder and checks the footer of every new file.
   *
   * @param done identities of the source's files already in the manifest
   */
  static Batch plan(SparkSession spark, Lake lake, SourceSpec spec, Set<String> done, Progress progress) {
    List<FileStatus> fresh = new ArrayList<>();
    int skipped = 0;
    for (FileStatus s : Landing.list(spark, lake.landing(spec.name()))) {
      if (done.contains(LandingFile.identity(Landing.pathOf(s), s.getLen(), s.getModificationTime()))) {
        skipped++;
      } else {
        fresh.add(s);
      }
    }
    List<LandingFile> files = new ArrayList<>();
    if (!fresh.isEmpty()) {
      // Extra columns must keep one type per source: start from what bronze already holds.
      Map<String, DataType> extraTypes = new LinkedHashMap<>();
      Map<String, String> extraOrigin = new LinkedHashMap<>();
      String bronze = lake.bronze(spec.name());
      if (DeltaIO.exists(spark, bronze)) {
        for (StructField f : DeltaIO.read(spark, bronze).schema().fields()) {
          if (!spec.requiredColumns().contains(f.name()) && !Validation.LINEAGE.contains(f.name())) {
            extraTypes.put(f.name(), f.dataType());
            extraOrigin.put(f.name(), Lake.BRONZE + "." + spec.name());
          }
        }
      }
      for (FileStatus s : fresh) {
        LandingFile f = Landing.describe(spark, s);
        Landing.checkSchema(f, spec, extraTypes, extraOrigin);
        files.add(f);
      }
    }
    progress.say("%s: %d new file(s), %d already ingested", spec.name(), files.size(), skipped);
    return new Batch(spec, files);
  }

  /**
   * Validates one source's batch and writes bronze and quarantine.
   *
   * @return per file and rule, the rows ({@code _source_file, _rule, rows}), persisted: a few rows
   *     from which the DQ summary and the manifest are made without reading the files again
   */
  static Dataset<Row> ingest(
      SparkSession spark, Lake lake, Batch batch, Progress progress, RunLog log, Timestamp ingestedAt) {
    long t0 = System.nanoTime();
    SourceSpec spec = batch.spec();
    String source = spec.name();
    String userMetadata = log.userMetadata();

    // Files of one schema are read together; files that differ (a register that changed a
    // column's type, added a column) are read apart and meet again as bronze/quarantine rows,
    // whose types no longer depend on the file.
    Map<StructType, List<LandingFile>> bySchema = new LinkedHashMap<>();
    for (LandingFile f : batch.files()) {
      bySchema.computeIfAbsent(f.schema().asNullable(), k -> new ArrayList<>()).add(f);
    }
    List<Dataset<Row>> bronzeParts = new ArrayList<>();
    List<Dataset<Row>> quarantineParts = new ArrayList<>();
    List<Dataset<Row>> ruleParts = new ArrayList<>();
    for (Map.Entry<StructType, List<LandingFile>> g : bySchema.entrySet()) {
      Dataset<Row> raw = read(spark, g.getKey(), g.getValue(), ingestedAt, log.runId());
      Dataset<Row> validated = Validation.validate(raw, spec);
      bronzeParts.add(Validation.bronzeRows(validated, spec));
      quarantineParts.add(Validation.quarantineRows(validated, spec));
      ruleParts.add(validated.select(Cols.SOURCE_FILE, Cols.QUARANTINE_RULE));
    }
    List<String> contract = spec.requiredColumns();
    Dataset<Row> bronzeRows = ordered(union(bronzeParts), contract, Validation.LINEAGE);
    List<String> lineageAndRule = new ArrayList<>(Validation.LINEAGE);
    lineageAndRule.add(Cols.QUARANTINE_RULE);
    Dataset<Row> quarantineRows = ordered(union(quarantineParts), contract, lineageAndRule);

    String bronze = lake.bronze(source);
    replaceFiles(bronzeRows, bronze, batch.files(), userMetadata);
    long toBronze = logOutput(spark, log, Lake.BRONZE + "." + source, bronze);

    String quarantine = lake.quarantine(source);
    replaceFiles(quarantineRows, quarantine, batch.files(), userMetadata);
    long toQuarantine = logOutput(spark, log, Lake.QUARANTINE + "." + source, quarantine);

    Dataset<Row> stats =
        union(ruleParts)
            .groupBy(Cols.SOURCE_FILE, Cols.QUARANTINE_RULE)
            .count()
            .withColumnRenamed("count", Cols.ROWS)
            .persist();
    report(progress, source, stats, toBronze, toQuarantine, (System.nanoTime() - t0) / 1e9, log);
    return stats;
  }

  /**
   * Records the version and rows of the table's latest commit (this run's) in the run log,
   * from the Delta history: no scan of the table.
   *
   * @return rows written by the commit
   */
  static long logOutput(SparkSession spark, RunLog log, String table, String path) {
    long rows = DeltaIO.lastCommitOutputRows(spark, path);
    log.output(table, DeltaIO.version(spark, path), rows);
    return rows;
  }

  /** Reads files of one schema, with the lineage columns. */
  static Dataset<Row> read(
      SparkSession spark, StructType schema, List<LandingFile> files, Timestamp ingestedAt, String runId) {
    String[] paths = files.stream().map(LandingFile::readPath).toArray(String[]::new);
    Dataset<Row> df =
        spark
            .read()
            // The footer's schema: no inference pass over the files. Explicit file paths, so
            // a folder named like delivery=3/ gives no partition column.
            .schema(schema)
            .parquet(paths);
    return df.select(
        col("*"),
        col("_metadata.file_path").as(Cols.SOURCE_FILE),
        lit(ingestedAt).as(Cols.INGESTED_AT),
        lit(runId).as(Cols.INGEST_RUN_ID));
  }

  /**
   * Writes {@code df} as the rows of {@code files} in one atomic commit: the first write creates
   * the table, later ones replace exactly the rows whose {@code _source_file} is one of {@code
   * files} (none, unless a crashed run wrote them) and add extra columns to the schema.
   */
  static void replaceFiles(Dataset<Row> df, String path, List<LandingFile> files, String userMetadata) {
    SparkSession spark = df.sparkSession();
    if (!DeltaIO.exists(spark, path)) {
      df.write()
          .format("delta")
          .mode(SaveMode.ErrorIfExists)
          .option("userMetadata", userMetadata)
          .save(path);
      return;
    }
    df.write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .option("replaceWhere", inFiles(files))
        .option("mergeSchema", "true")
        .option("userMetadata", userMetadata)
        .save(path);
  }

  /** {@code `_source_file` IN ('…', …)} as a SQL predicate. */
  static String inFiles(List<LandingFile> files) {
    return "`" + Cols.SOURCE_FILE + "` IN ("
        + files.stream().map(f -> sqlString(f.path())).collect(Collectors.joining(", "))
        + ")";
  }

  static String sqlString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static Dataset<Row> union(List<Dataset<Row>> parts) {
    Dataset<Row> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) all = all.unionByName(parts.get(i), true);
    return all;
  }

  /** Columns in the order first, the rest (extra columns) as they come, last. */
  private static Dataset<Row> ordered(Dataset<Row> df, List<String> first, List<String> last) {
    List<Column> cols = new ArrayList<>();
    for (String n : first) cols.add(df.col(n));
    for (String n : df.columns()) if (!first.contains(n) && !last.contains(n)) cols.add(df.col(n));
    for (String n : last) cols.add(df.col(n));
    return df.select(cols.toArray(new Column[0]));
  }

  private static void report(
      Progress progress,
      String source,
      Dataset<Row> stats,
      long toBronze,
      long toQuarantine,
      double seconds,
      RunLog log) {
    log.count(Lake.LANDING + "." + source, toBronze + toQuarantine);
    progress.say(
        "%s: %d rows read → bronze %d, quarantine %d (%.1f s)",
        source, toBronze + toQuarantine, toBronze, toQuarantine, seconds);
    if (toQuarantine == 0) return;
    // Rows per rule broken: an aggregate of at most one row per rule, for the person watching.
    List<Row> byRule =
        DqResults.byRule(stats).orderBy(Cols.DQ_RULE).collectAsList();
    for (Row r : byRule) {
      progress.say("%s:   %-45s %d", source, r.<String>getAs(Cols.DQ_RULE), r.<Long>getAs(Cols.ROWS));
    }
  }
}
