package dk.star.fokusmaal.lake;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/** Reading and writing the lake's Delta tables: atomic writes, run metadata, catalog entries. */
public final class DeltaIO {
  private DeltaIO() {}

  public static boolean exists(SparkSession spark, String path) {
    return DeltaLog.latestVersion(conf(spark), path) >= 0;
  }

  private static org.apache.hadoop.conf.Configuration conf(SparkSession spark) {
    return spark.sparkContext().hadoopConfiguration();
  }

  public static Dataset<Row> read(SparkSession spark, String path) {
    if (!exists(spark, path)) {
      throw new IllegalStateException("table not found: " + path + " (run the job that writes it first)");
    }
    return spark.read().format("delta").load(path);
  }

  /** The table as it was at {@code version} (Delta time travel). */
  public static Dataset<Row> readVersion(SparkSession spark, String path, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path);
  }

  /** The {@code userMetadata} of the table's latest commit, or null (no table, or none recorded). */
  public static String lastUserMetadata(SparkSession spark, String path) {
    long v = version(spark, path);
    return v < 0 ? null : DeltaLog.userMetadata(DeltaLog.commitInfo(conf(spark), path, v));
  }

  /**
   * The latest version of the table committed at or before {@code instant}, or -1 when the table
   * did not exist then.
   */
  public static long versionAt(SparkSession spark, String path, java.time.Instant instant) {
    if (!exists(spark, path)) return -1L;
    Row r =
        DeltaTable.forPath(spark, path).history()
            .filter(functions.col("timestamp").leq(functions.lit(java.sql.Timestamp.from(instant))))
            .agg(functions.max("version").as("version"))
            .first(); // one row
    Long v = r.getAs("version");
    return v == null ? -1L : v;
  }

  /** The table's current version, or -1 when it does not exist. */
  public static long version(SparkSession spark, String path) {
    return DeltaLog.latestVersion(conf(spark), path);
  }

  /** Rows written by commit {@code version} of the table (Delta's operation metrics, no scan). */
  public static long commitOutputRows(SparkSession spark, String path, long version) {
    return DeltaLog.outputRows(DeltaLog.commitInfo(conf(spark), path, version));
  }

  /**
   * Replaces exactly the partitions {@code partitionCol} between {@code from} and {@code to}
   * (inclusive, ISO dates or numbers) in one atomic commit; every other partition is left as it was.
   */
  public static void replaceRange(
      Dataset<Row> df, String path, String partitionCol, String from, String to, String userMetadata) {
    replaceWhere(df, path, partitionCol,
        String.format("%s >= '%s' AND %s <= '%s'", partitionCol, from, partitionCol, to), userMetadata);
  }

  /**
   * Replaces the rows matching {@code predicate} with {@code df} in one atomic commit (new columns
   * are added to the schema). The first write creates the table, partitioned by {@code
   * partitionCol} (null for none); if another writer created it meanwhile, this write fails rather
   * than overwrite it.
   */
  public static void replaceWhere(
      Dataset<Row> rows, String path, String partitionCol, String predicate, String userMetadata) {
    Dataset<Row> df = byPartition(rows, partitionCol);
    if (!exists(df.sparkSession(), path)) {
      DataFrameWriter<Row> w = df.write().format("delta").mode(SaveMode.ErrorIfExists).option("userMetadata", userMetadata);
      (partitionCol == null ? w : w.partitionBy(partitionCol)).save(path);
      return;
    }
    df.write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .option("replaceWhere", predicate)
        .option("mergeSchema", "true")
        .option("userMetadata", userMetadata)
        .save(path);
  }

  /**
   * Brings the stored column comments of the table at {@code path} up to {@code comments}: an
   * overwrite keeps the comments the table was created with, so a rules change (a threshold that
   * a comment names) would leave them stale. Nothing is committed when they already agree.
   */
  public static void syncComments(SparkSession spark, String path, Map<String, String> comments) {
    for (StructField f : read(spark, path).schema().fields()) {
      String want = comments.get(f.name());
      if (want == null || want.equals(f.getComment().getOrElse(() -> null))) continue;
      spark.sql(String.format("ALTER TABLE delta.`%s` ALTER COLUMN `%s` COMMENT '%s'",
          path.replace("`", "``"), f.name(), want.replace("\\", "\\\\").replace("'", "\\'")));
    }
  }

  /**
   * The greatest value of timestamp column {@code column} in the table at {@code version}, from
   * Delta's file statistics (no data read); empty when they cannot tell, and {@code
   * Optional.of(Optional.empty())} when the table holds no non-null value.
   */
  public static java.util.Optional<java.util.Optional<java.time.Instant>> maxTimestampFromStats(
      SparkSession spark, String path, long version, String column) {
    return DeltaLog.maxTimestamp(conf(spark), path, version, column);
  }

  /** Restores the table to {@code version} (a new commit that undoes the later ones). */
  public static void restore(SparkSession spark, String path, long version) {
    DeltaTable.forPath(spark, path).restoreToVersion(version);
  }

  /** Removes the table's folder: for a table that a failed run created. */
  public static void drop(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + path, e);
    }
  }

  /** Replaces the whole table in one atomic commit. */
  public static void overwrite(Dataset<Row> df, String path, String userMetadata) {
    overwrite(df, path, null, userMetadata);
  }

  /** Replaces the whole table in one atomic commit, partitioned by {@code partitionCol} (or none). */
  public static void overwrite(Dataset<Row> df, String path, String partitionCol, String userMetadata) {
    DataFrameWriter<Row> w =
        byPartition(df, partitionCol).write()
            .format("delta")
            .mode(SaveMode.Overwrite)
            .option("overwriteSchema", "true")
            .option("userMetadata", userMetadata);
    (partitionCol == null ? w : w.partitionBy(partitionCol)).save(path);
  }

  /**
   * {@code df} with each partition value's rows in one task, so that a write leaves one file per
   * partition (a month) instead of one per task and partition: hundreds of tiny files per table
   * otherwise, each a cost to write, to list in the log and to open for every reader.
   */
  private static Dataset<Row> byPartition(Dataset<Row> df, String partitionCol) {
    return partitionCol == null ? df : df.repartition(functions.col(partitionCol));
  }

  /** Appends in one atomic commit; new columns (extra landing columns) are added to the schema. */
  public static void append(Dataset<Row> df, String path, String userMetadata) {
    df.write()
        .format("delta")
        .mode(SaveMode.Append)
        .option("mergeSchema", "true")
        .option("userMetadata", userMetadata)
        .save(path);
  }

  public static List<String> listDirs(SparkSession spark, String dir) {
    List<String> out = new ArrayList<>();
    try {
      Path p = new Path(dir);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) return out;
      for (FileStatus s : fs.listStatus(p)) {
        if (s.isDirectory() && !s.getPath().getName().startsWith("_")) out.add(s.getPath().getName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    out.sort(String::compareTo);
    return out;
  }

  /** Owner-only permissions: folders rwx------, files rw-------. */
  public static final org.apache.hadoop.fs.permission.FsPermission OWNER_ONLY_DIR =
      new org.apache.hadoop.fs.permission.FsPermission((short) 0700);
  public static final org.apache.hadoop.fs.permission.FsPermission OWNER_ONLY_FILE =
      new org.apache.hadoop.fs.permission.FsPermission((short) 0600);

  /**
   * Makes {@code root} (created if missing) and the folder {@code table} under it readable by
   * their owner only: the restricted zone's root folder is rwx------ before anything is written
   * into it (so no other user can even list it), and every folder and file a write left in the
   * table is then narrowed as well, whatever the file system's default umask.
   */
  public static void ownerOnly(SparkSession spark, String root, String table) {
    try {
      Path p = new Path(root);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) fs.mkdirs(p, OWNER_ONLY_DIR);
      // the root folder itself, and the one table written: never a whole tree the root might
      // (misconfigured) sit above
      if (!fs.getFileStatus(p).getPermission().equals(OWNER_ONLY_DIR)) fs.setPermission(p, OWNER_ONLY_DIR);
      Path t = new Path(table);
      if (fs.exists(t)) narrow(fs, fs.getFileStatus(t));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restrict " + root + " to its owner: " + e.getMessage(), e);
    }
  }

  private static void narrow(FileSystem fs, FileStatus s) throws IOException {
    if (s.isDirectory()) {
      if (!s.getPermission().equals(OWNER_ONLY_DIR)) fs.setPermission(s.getPath(), OWNER_ONLY_DIR);
      for (FileStatus c : fs.listStatus(s.getPath())) narrow(fs, c);
    } else if (!s.getPermission().equals(OWNER_ONLY_FILE)) {
      fs.setPermission(s.getPath(), OWNER_ONLY_FILE);
    }
  }
}
