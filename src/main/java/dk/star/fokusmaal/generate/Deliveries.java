package dk.star.fokusmaal.generate;

import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.contract.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes synthetic register deliveries into {@code landing/} (SPEC §10): for each source, Parquet
 * files in {@code landing/<source>/delivery=NNN/}, the way the registers would drop them. Delivery
 * {@code 001 … n} hold ordinary rows (later ones re-send corrected rows; a delivery with nothing
 * new for a source, e.g. the benchmark before any benchmark period has ended, has no folder for
 * it); with {@code --bad-rows N}, delivery {@code n+1} holds N rows of each contract violation of
 * SPEC §4.9 and delivery {@code n+2} a file whose column type is wrong.
 *
 * <p>A rerun first removes the {@code delivery=*} folders a previous generate run left (they are
 * generate's own), and leaves anything else in the source folder alone. The same options give the
 * same rows in the same number of files.
 */
public final class Deliveries {
  private Deliveries() {}

  /** Hadoop option that stops the committer writing {@code _SUCCESS} into the landing folders. */
  private static final String NO_SUCCESS_FILE = "mapreduce.fileoutputcommitter.marksuccessfuljobs";

  /** What one source's generation wrote. */
  public record Written(long rows, long badRows, int badKinds, String wrongTypeColumn) {}

  /** Replaces the generated deliveries of one source under {@code sourcePath}. */
  public static Written write(SyntheticRegisters registers, SourceSpec spec, String sourcePath) {
    SparkSession spark = registers.spark();
    GenerateOptions opts = registers.options();
    int n = registers.deliveries();
    clear(spark, sourcePath);
    Dataset<Row> rows = registers.source(spec.name());
    boolean small = spec.name().equals(Sources.BENCHMARK_EXPECTED) || spec.name().equals(Sources.POPULATION);
    // One file per task and delivery: the person sources keep the partitions of the person range
    // (a fixed number for a given --persons), the two small tables become one file per delivery.
    rows.coalesce(small ? 1 : registers.partitions())
        .write()
        .mode(SaveMode.Append)
        .option(NO_SUCCESS_FILE, "false")
        .partitionBy(SyntheticRegisters.DELIVERY)
        .parquet(sourcePath);
    long written = count(spark, spec, sourcePath, n);
    if (opts.badRows() == 0) return new Written(written, 0, 0, null);
    long at = registers.badRowsReportedEpochSecond();
    BadRows.rows(spark, spec, opts.badRows(), at).coalesce(1)
        .write().mode(SaveMode.Append).option(NO_SUCCESS_FILE, "false")
        .parquet(path(sourcePath, n + 1));
    BadRows.wrongType(spark, spec, opts.badRows(), at).coalesce(1)
        .write().mode(SaveMode.Append).option(NO_SUCCESS_FILE, "false")
        .parquet(path(sourcePath, n + 2));
    int kinds = BadRows.applicable(spec).size();
    return new Written(written, (long) opts.badRows() * kinds, kinds, BadRows.wrongTypeColumn(spec));
  }

  /** The folder of delivery {@code k} of a source. */
  public static String path(String sourcePath, int k) {
    return sourcePath + "/" + SyntheticRegisters.DELIVERY + "=" + SyntheticRegisters.deliveryFolder(k);
  }

  /** Rows in the ordinary deliveries, from the Parquet footers (read with the contract schema). */
  private static long count(SparkSession spark, SourceSpec spec, String path, int n) {
    List<String> paths = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      String p = path(path, k);
      if (exists(spark, p)) paths.add(p);
    }
    if (paths.isEmpty()) return 0;
    return spark.read().schema(spec.schema()).parquet(paths.toArray(new String[0])).count();
  }

  private static boolean exists(SparkSession spark, String p) {
    try {
      Path path = new Path(p);
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the {@code delivery=*} folders of an earlier generate run (and nothing else). */
  static void clear(SparkSession spark, String sourcePath) {
    try {
      Path root = new Path(sourcePath);
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) return;
      FileStatus[] old = fs.globStatus(new Path(root, SyntheticRegisters.DELIVERY + "=*"));
      if (old == null) return;
      for (FileStatus s : old) {
        if (!fs.delete(s.getPath(), true)) throw new IOException("cannot delete " + s.getPath());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + sourcePath, e);
    }
  }
}
