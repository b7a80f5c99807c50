package dk.star.fokusmaal.generate;

import dk.star.fokusmaal.cli.JobContext;
import dk.star.fokusmaal.schema.SourceSpec;
import dk.star.fokusmaal.schema.Sources;
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
 * Writes synthetic register deliveries into {@code landing/} (SPEC §10): for each of the eight
 * sources, Parquet files in {@code landing/<source>/delivery=NNN/}, the way the registers would
 * drop them. Delivery {@code 001 … n} hold ordinary rows (later ones re-send corrected rows; a
 * delivery with nothing new for a source, e.g. the benchmark before any benchmark period has ended,
 * has no folder for it); with
 * {@code --bad-rows N}, delivery {@code n+1} holds N rows of each contract violation of SPEC §4.9
 * and delivery {@code n+2} a file whose column type is wrong.
 *
 * <p>A rerun first removes the {@code delivery=*} folders a previous generate run left (they are
 * generate's own), and leaves anything else in the source folder alone. The same options give the
 * same rows in the same number of files.
 */
public final class GenerateJob {
  private GenerateJob() {}

  /** Hadoop option that stops the committer writing {@code _SUCCESS} into the landing folders. */
  private static final String NO_SUCCESS_FILE = "mapreduce.fileoutputcommitter.marksuccessfuljobs";

  public static void run(JobContext ctx, GenerateOptions opts) {
    SparkSession spark = ctx.spark();
    SyntheticRegisters registers = new SyntheticRegisters(spark, opts);
    int n = registers.deliveries();
    ctx.progress()
        .say(
            "generating %,d persons, %s … %s, seed %d, %d deliveries%s",
            opts.persons(), opts.from(), opts.to(), opts.seed(), n,
            opts.badRows() > 0 ? ", " + opts.badRows() + " bad rows per source and kind" : "");
    long total = 0;
    for (SourceSpec spec : Sources.ALL.values()) {
      long t0 = System.nanoTime();
      String path = ctx.lake().landing(spec.name());
      removeGeneratedDeliveries(spark, path);
      Dataset<Row> rows = registers.source(spec.name());
      boolean small = spec.name().equals(Sources.BENCHMARK_EXPECTED) || spec.name().equals(Sources.POPULATION);
      // One file per task and delivery: the person sources keep the partitions of the person range
      // (a fixed number for a given --persons), the two small tables become one file per delivery.
      rows = rows.coalesce(small ? 1 : registers.partitions());
      rows.write()
          .mode(SaveMode.Append)
          .option(NO_SUCCESS_FILE, "false")
          .partitionBy(SyntheticRegisters.DELIVERY)
          .parquet(path);
      long written = count(spark, spec, path, n);
      total += written;
      String bad = "";
      if (opts.badRows() > 0) {
        long at = registers.badRowsReportedEpochSecond();
        Dataset<Row> b = BadRows.rows(spark, spec, opts.badRows(), at).coalesce(1);
        b.write().mode(SaveMode.Append).option(NO_SUCCESS_FILE, "false")
            .parquet(deliveryPath(path, n + 1));
        BadRows.wrongType(spark, spec, opts.badRows(), at).coalesce(1)
            .write().mode(SaveMode.Append).option(NO_SUCCESS_FILE, "false")
            .parquet(deliveryPath(path, n + 2));
        bad =
            String.format(
                ", + %d bad rows (%s) and %d with %s of the wrong type",
                (long) opts.badRows() * BadRows.applicable(spec).size(),
                BadRows.applicable(spec).size() + " kinds",
                opts.badRows(),
                BadRows.wrongTypeColumn(spec));
      }
      ctx.progress()
          .say(
              "%-20s %,12d rows in %d deliveries%s (%.1f s)",
              spec.name(), written, n, bad, (System.nanoTime() - t0) / 1e9);
    }
    ctx.progress().say("landing written: %,d rows in all, under %s", total, ctx.lake().root() + "/landing");
  }

  static String deliveryPath(String sourcePath, int k) {
    return sourcePath + "/" + SyntheticRegisters.DELIVERY + "=" + SyntheticRegisters.deliveryFolder(k);
  }

  /** Rows in the ordinary deliveries, from the Parquet footers (read with the contract schema). */
  private static long count(SparkSession spark, SourceSpec spec, String path, int n) {
    List<String> paths = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      String p = deliveryPath(path, k);
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
  static void removeGeneratedDeliveries(SparkSession spark, String sourcePath) {
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
