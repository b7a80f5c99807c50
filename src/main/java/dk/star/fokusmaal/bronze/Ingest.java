package dk.star.fokusmaal.bronze;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Landing → bronze and quarantine for one source (SPEC §3, §4): which files are new ({@link
 * #plan}), their rows validated and split ({@link #validate}), and the atomic write of a batch's
 * rows ({@link #replaceFiles}). The job that runs it for every source is {@code
 * pipeline.IngestJob}.
 *
 * <p>Every bronze/quarantine write is one Delta commit that replaces the rows of exactly this
 * batch's files ({@code replaceWhere _source_file IN (...)}): atomic, and idempotent when a run
 * that crashed before its manifest commit is retried — the retry replaces what the crashed run
 * wrote instead of adding to it. The manifest ({@link IngestedFiles}) is the commit point of a file.
 *
 * <p>Bronze is append-only across deliveries: a correction is a new row, and the build resolves
 * corrections by key and latest {@code reported_at} when it reads bronze (SPEC §4). Keeping every
 * delivered row lets a researcher rebuild a month with the data as it stood.
 */
public final class Ingest {
  private Ingest() {}

  private static final String TIE_MIN = "_content_min";
  private static final String TIE_MAX = "_content_max";
  private static final String TIE_THIS_RUN = "_this_run";

  /**
   * The new files of one source, with their footers read and their schemas checked.
   *
   * @param skipped files of the source already in the manifest
   */
  public record Batch(SourceSpec spec, List<LandingFile> files, int skipped) {}

  /**
   * A batch's rows, validated: the valid ones as bronze holds them, the invalid ones as quarantine
   * holds them, and per file and rule the number of rows ({@code _source_file, _rule, rows}).
   */
  public record Validated(Dataset<Row> bronze, Dataset<Row> quarantine, Dataset<Row> stats) {}

  /**
   * Lists a source's landing folder and checks the footer of every new file.
   *
   * @param done identities of the source's files already in the manifest
   */
  public static Batch plan(SparkSession spark, Lake lake, SourceSpec spec, Set<String> done) {
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
    return new Batch(spec, files, skipped);
  }

  /**
   * Reads and validates one source's batch. Files of one schema are read together; files that
   * differ (a register that changed a column's type, added a column) are read apart and meet again
   * as bronze/quarantine rows, whose types no longer depend on the file.
   */
  public static Validated validate(SparkSession spark, Batch batch, Timestamp ingestedAt, String runId) {
    SourceSpec spec = batch.spec();
    Map<StructType, List<LandingFile>> bySchema = new LinkedHashMap<>();
    for (LandingFile f : batch.files()) {
      bySchema.computeIfAbsent(f.schema().asNullable(), k -> new ArrayList<>()).add(f);
    }
    List<Dataset<Row>> bronzeParts = new ArrayList<>();
    List<Dataset<Row>> quarantineParts = new ArrayList<>();
    List<Dataset<Row>> ruleParts = new ArrayList<>();
    for (Map.Entry<StructType, List<LandingFile>> g : bySchema.entrySet()) {
      Dataset<Row> raw = read(spark, g.getKey(), g.getValue(), ingestedAt, runId);
      Dataset<Row> validated = Validation.validate(raw, spec);
      bronzeParts.add(Validation.bronzeRows(validated, spec));
      quarantineParts.add(Validation.quarantineRows(validated, spec));
      ruleParts.add(validated.select(Cols.SOURCE_FILE, Cols.QUARANTINE_RULE));
    }
    List<String> contract = spec.requiredColumns();
    List<String> lineageAndRule = new ArrayList<>(Validation.LINEAGE);
    lineageAndRule.add(Cols.QUARANTINE_RULE);
    Dataset<Row> stats =
        union(ruleParts)
            .groupBy(Cols.SOURCE_FILE, Cols.QUARANTINE_RULE)
            .count()
            .withColumnRenamed("count", Cols.ROWS);
    return new Validated(
        ordered(union(bronzeParts), contract, Validation.LINEAGE),
        ordered(union(quarantineParts), contract, lineageAndRule),
        stats);
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
    Dataset<Row> rows =
        df.select(
            col("*"),
            col("_metadata.file_path").as(Cols.SOURCE_FILE),
            lit(ingestedAt).as(Cols.INGESTED_AT),
            lit(runId).as(Cols.INGEST_RUN_ID));
    UnaryOperator<Dataset<Row>> hook = afterRead;
    return hook == null ? rows : hook.apply(rows);
  }

  /**
   * Tests only: applied to the rows as read, to simulate a reader that loses rows (a skipped
   * corrupt row group, a filter pushed down by mistake) and prove that {@link #checkRowCounts}
   * catches it. Null in production.
   */
  static volatile UnaryOperator<Dataset<Row>> afterRead;

  /** Rows of one landing file that went to bronze and to quarantine. */
  public record FileRows(long bronze, long quarantine) {
    public long total() {
      return bronze + quarantine;
    }
  }

  /**
   * Per file, the rows validated to bronze and to quarantine, from {@code stats} ({@code
   * _source_file, _rule, rows}): one row per file, so it is read to the driver.
   */
  public static Map<String, FileRows> rowsPerFile(Dataset<Row> stats) {
    Map<String, FileRows> out = new LinkedHashMap<>();
    for (Row r :
        stats
            .groupBy(Cols.SOURCE_FILE)
            .agg(
                coalesce(sum(when(col(Cols.QUARANTINE_RULE).isNull(), col(Cols.ROWS))), lit(0L)).as(Cols.ROWS_BRONZE),
                coalesce(sum(when(col(Cols.QUARANTINE_RULE).isNotNull(), col(Cols.ROWS))), lit(0L))
                    .as(Cols.ROWS_QUARANTINE))
            .collectAsList()) {
      out.put(
          r.<String>getAs(Cols.SOURCE_FILE),
          new FileRows(r.<Long>getAs(Cols.ROWS_BRONZE), r.<Long>getAs(Cols.ROWS_QUARANTINE)));
    }
    return out;
  }

  /**
   * Rows in = bronze + quarantine (issue 9): every file's rows as validated must add up to the row
   * count of its Parquet footer, and the rows the bronze and quarantine commits wrote (Delta's
   * operation metrics) to the rows validated. A reader that silently loses or duplicates rows
   * thus fails the ingest before the manifest commit, so the files are read again by the rerun.
   *
   * @param read per file path, the rows validated ({@link #rowsPerFile})
   * @param writtenBronze rows of the bronze commit of this batch
   * @param writtenQuarantine rows of the quarantine commit of this batch
   * @throws IllegalStateException naming the file (or the table) and the counts
   */
  public static void checkRowCounts(
      Batch batch, Map<String, FileRows> read, long writtenBronze, long writtenQuarantine) {
    String source = batch.spec().name();
    long bronze = 0;
    long quarantine = 0;
    for (LandingFile f : batch.files()) {
      FileRows r = read.getOrDefault(f.path(), new FileRows(0, 0));
      if (r.total() != f.footerRows()) {
        throw new IllegalStateException(
            "landing file " + f.path() + " of " + source + ": its Parquet footer declares "
                + f.footerRows() + " rows, but ingest read " + r.total() + " (bronze " + r.bronze()
                + ", quarantine " + r.quarantine() + "); the file is not recorded as ingested");
      }
      bronze += r.bronze();
      quarantine += r.quarantine();
    }
    for (String path : read.keySet()) {
      if (batch.files().stream().noneMatch(f -> f.path().equals(path))) {
        throw new IllegalStateException(
            "ingest of " + source + " read rows from " + path + ", which is not a file of the batch");
      }
    }
    if (writtenBronze != bronze || writtenQuarantine != quarantine) {
      throw new IllegalStateException(
          "ingest of " + source + " validated " + bronze + " rows to bronze and " + quarantine
              + " to quarantine, but the commits wrote " + writtenBronze + " and " + writtenQuarantine
              + "; the files are not recorded as ingested");
    }
  }

  /**
   * The ties of corrections that involve rows of run {@code runId}: the groups of bronze rows with
   * the same key and the same {@code reported_at} whose contract columns differ (rows that differ
   * only in extra or lineage columns give the build the same row and are no tie). The build
   * resolves them by {@code silver.Corrections}' tie-break; their number goes to {@code
   * meta.dq_results} so that they are seen. Columns: the key columns and {@code reported_at}.
   */
  public static Dataset<Row> ties(Dataset<Row> bronze, SourceSpec spec, String runId) {
    List<Column> group = new ArrayList<>();
    for (String k : spec.key()) group.add(col(k));
    group.add(col(Cols.REPORTED_AT));
    List<Column> content = new ArrayList<>();
    for (StructField f : spec.schema().fields()) {
      if (spec.key().contains(f.name()) || f.name().equals(Cols.REPORTED_AT)) continue;
      // The null flag too: xxhash64 skips nulls, so (null, x) and (x, null) would hash alike.
      content.add(col(f.name()));
      content.add(col(f.name()).isNull());
    }
    Column hash = content.isEmpty() ? lit(0L) : xxhash64(content.toArray(new Column[0]));
    return bronze
        .groupBy(group.toArray(new Column[0]))
        .agg(
            min(hash).as(TIE_MIN),
            max(hash).as(TIE_MAX),
            max(col(Cols.INGEST_RUN_ID).equalTo(lit(runId))).as(TIE_THIS_RUN))
        .filter(col(TIE_MIN).notEqual(col(TIE_MAX)).and(col(TIE_THIS_RUN)))
        .select(
            group.toArray(new Column[0]));
  }

  /**
   * Writes {@code df} as the rows of {@code files} in one atomic commit: the first write creates
   * the table, later ones replace exactly the rows whose {@code _source_file} is one of {@code
   * files} (none, unless a crashed run wrote them) and add extra columns to the schema.
   */
  public static void replaceFiles(Dataset<Row> df, String path, List<LandingFile> files, String userMetadata) {
    DeltaIO.replaceWhere(df, path, null, inFiles(files), userMetadata);
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

  public static Dataset<Row> union(List<Dataset<Row>> parts) {
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
}
