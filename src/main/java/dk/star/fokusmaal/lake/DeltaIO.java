package dk.star.fokusmaal.lake;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/** Reading and writing the lake's Delta tables: atomic writes, run metadata, catalog entries. */
public final class DeltaIO {
  private DeltaIO() {}

  public static boolean exists(SparkSession spark, String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  public static Dataset<Row> read(SparkSession spark, String path) {
    if (!exists(spark, path)) {
      throw new IllegalStateException("table not found: " + path + " (run the job that writes it first)");
    }
    return spark.read().format("delta").load(path);
  }

  /** The table's current version, or -1 when it does not exist. */
  public static long version(SparkSession spark, String path) {
    if (!exists(spark, path)) return -1L;
    return DeltaTable.forPath(spark, path).history(1).select("version").as(
        org.apache.spark.sql.Encoders.LONG()).first();
  }

  /** Rows written by the table's latest commit (from Delta's operation metrics, no extra scan). */
  public static long lastCommitOutputRows(SparkSession spark, String path) {
    Row r = DeltaTable.forPath(spark, path).history(1).select("operationMetrics").first();
    Map<String, String> m = r.getJavaMap(r.fieldIndex("operationMetrics"));
    String n = m == null ? null : m.get("numOutputRows");
    return n == null ? 0L : Long.parseLong(n);
  }

  /** Attaches a comment to every column (Delta keeps it in the table schema; BI tools show it). */
  public static Dataset<Row> withComments(Dataset<Row> df, Map<String, String> comments) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      String c = comments.get(f.name());
      if (c == null) {
        throw new IllegalArgumentException("column without a comment: " + f.name());
      }
      Metadata md = new MetadataBuilder().withMetadata(f.metadata()).putString("comment", c).build();
      cols.add(df.col(f.name()).as(f.name(), md));
    }
    return df.select(cols.toArray(new Column[0]));
  }

  /**
   * Replaces exactly the partitions {@code partitionCol} between {@code from} and {@code to}
   * (inclusive, ISO dates or numbers) in one atomic commit; creates the table, partitioned by
   * {@code partitionCol}, when it does not exist yet. Every other partition is left as it was.
   */
  public static void replaceRange(
      Dataset<Row> df, String path, String partitionCol, String from, String to, String userMetadata) {
    SparkSession spark = df.sparkSession();
    if (!exists(spark, path)) {
      df.write()
          .format("delta")
          .mode(SaveMode.Overwrite)
          .partitionBy(partitionCol)
          .option("userMetadata", userMetadata)
          .save(path);
      return;
    }
    df.write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .option(
            "replaceWhere",
            String.format("%s >= '%s' AND %s <= '%s'", partitionCol, from, partitionCol, to))
        .option("userMetadata", userMetadata)
        .save(path);
  }

  /** Replaces the whole table in one atomic commit. */
  public static void overwrite(Dataset<Row> df, String path, String userMetadata) {
    df.write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .option("overwriteSchema", "true")
        .option("userMetadata", userMetadata)
        .save(path);
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

  /**
   * Registers every Delta table under the lake in the session catalog as {@code zone.table}, so
   * that {@code SELECT * FROM gold.focus_goal_monthly} works in every session and over JDBC.
   */
  public static Map<String, String> registerAll(SparkSession spark, Lake lake) {
    Map<String, String> registered = new LinkedHashMap<>();
    for (String zone : Lake.TABLE_ZONES) {
      String zonePath = lake.root() + "/" + zone;
      for (String name : listDirs(spark, zonePath)) {
        String path = zonePath + "/" + name;
        if (!exists(spark, path)) continue;
        if (!spark.catalog().databaseExists(zone)) spark.sql("CREATE DATABASE IF NOT EXISTS " + zone);
        spark.sql(
            String.format(
                "CREATE TABLE IF NOT EXISTS %s.%s USING DELTA LOCATION '%s'", zone, name, path));
        registered.put(zone + "." + name, path);
      }
    }
    return registered;
  }

  static List<String> listDirs(SparkSession spark, String dir) {
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
}
