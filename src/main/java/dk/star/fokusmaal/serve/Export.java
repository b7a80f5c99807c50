package dk.star.fokusmaal.serve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.to_json;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.TableSpec;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Months;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code export}: one served table (a gold table, or a meta table without person ids), or one
 * month of it, as a single CSV or Parquet file for tools that cannot read Delta. The columns come
 * in the table's contract order (lake.Tables), the rows sorted by them, so two exports of the same
 * table version are byte-identical.
 *
 * <p>CSV: a header row, UTF-8, RFC 4180 quoting ({@code "} doubled), dates {@code yyyy-MM-dd},
 * empty for null, numbers without exponent (at most 12 decimals). {@code --locale da} gives what
 * a Danish Excel opens directly: {@code ;} between fields, decimal comma, and a UTF-8 byte-order
 * mark so that æ, ø and å survive.
 */
public final class Export {
  private Export() {}

  public enum Format { CSV, PARQUET }

  /** The export's request: the table ({@code gold.x}), an optional month, format and locale. */
  public record Request(String table, YearMonth month, Format format, boolean danish) {}

  /** The table specs export knows the column order of. */
  private static final List<TableSpec> SPECS =
      Stream.concat(Tables.BUILD_OUTPUTS.stream(), Stream.of(Tables.RUN_LOG, Tables.DQ_RESULTS, Tables.INGESTED_FILES)).toList();

  /** Why {@code table} cannot be exported, or null: only what serve serves. */
  public static String refusal(String table) {
    String[] p = table.split("\\.", -1);
    if (p.length != 2 || p[1].isEmpty()) return "--table is zone.table, e.g. gold.focus_goal_monthly: '" + table + "'";
    if (p[0].equals(Lake.GOLD)) return null;
    if (p[0].equals(Lake.META) && ServingCatalog.META_SERVED.contains(p[1])) return null;
    return "only gold tables and meta " + ServingCatalog.META_SERVED + " are exported (" + table + " holds person-level or internal rows)";
  }

  /** Writes the file and returns its path. {@code from} is the lake (or a scenario's namespace). */
  public static String run(SparkSession spark, Lake from, Request r, String outDir) {
    String[] p = r.table().split("\\.");
    String path = from.table(p[0], p[1]);
    if (!DeltaIO.exists(spark, path)) throw new IllegalArgumentException("no table " + r.table() + " in " + from);
    Dataset<Row> df = DeltaIO.read(spark, path);
    df = df.select(ordered(r.table(), df.columns()));
    if (r.month() != null) {
      if (!Arrays.asList(df.columns()).contains(Cols.MONTH)) {
        throw new IllegalArgumentException(r.table() + " has no month column: export it without --month");
      }
      df = df.where(col(Cols.MONTH).equalTo(lit(Months.date(r.month()))));
    }
    StructType schema = df.schema();
    df = df.orderBy(Arrays.stream(schema.fields()).filter(f -> sortable(f.dataType())).map(f -> col(f.name()).asc_nulls_first()).toArray(Column[]::new));
    String name = p[1] + (r.month() == null ? "" : "_" + r.month()) + (r.format() == Format.CSV ? ".csv" : ".parquet");
    String target = outDir + "/" + name;
    String tmp = outDir + "/_tmp_" + name;
    if (r.format() == Format.PARQUET) {
      df.coalesce(1).write().mode(SaveMode.Overwrite).parquet(tmp);
    } else {
      csv(df, r.danish()).coalesce(1).write().mode(SaveMode.Overwrite)
          .option("header", "true").option("sep", r.danish() ? ";" : ",").option("quote", "\"")
          .option("escape", "\"").option("encoding", "UTF-8").option("nullValue", "").option("emptyValue", "\"\"")
          .option("lineSep", "\n").csv(tmp);
    }
    moveSingleFile(spark, tmp, target, r.format() == Format.CSV && r.danish());
    return target;
  }

  private static boolean sortable(DataType t) {
    return !(t instanceof MapType || t instanceof ArrayType || t instanceof StructType);
  }

  /** The table's contract order; columns the contract does not know (none, normally) after it. */
  static Column[] ordered(String table, String[] have) {
    List<String> order = new ArrayList<>();
    SPECS.stream().filter(s -> s.qualifiedName().equals(table)).findFirst()
        .ifPresent(s -> s.columnNames().stream().filter(Arrays.asList(have)::contains).forEach(order::add));
    for (String c : have) if (!order.contains(c)) order.add(c);
    return order.stream().map(c -> col(c)).toArray(Column[]::new);
  }

  /** Every column as the text a CSV reader expects, in the locale's number format. */
  private static Dataset<Row> csv(Dataset<Row> df, boolean danish) {
    List<Column> out = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      Column c = col(f.name());
      DataType t = f.dataType();
      Column s;
      if (t instanceof DoubleType || t instanceof FloatType || (t instanceof DecimalType d && d.scale() > 0)) {
        Column dec = t instanceof DecimalType ? c.cast("string") : c.cast("decimal(38,12)").cast("string");
        s = regexp_replace(dec, "\\.?0+$", "");
        if (danish) s = regexp_replace(s, "\\.", ",");
      } else if (t instanceof MapType || t instanceof ArrayType || t instanceof StructType) {
        s = to_json(c);
      } else if (t.typeName().equals("date")) {
        s = org.apache.spark.sql.functions.date_format(c, "yyyy-MM-dd");
      } else if (t.typeName().equals("timestamp")) {
        s = org.apache.spark.sql.functions.date_format(c, "yyyy-MM-dd HH:mm:ss");
      } else {
        s = c.cast("string");
      }
      out.add(s.as(f.name()));
    }
    return df.select(out.toArray(new Column[0]));
  }

  private static void moveSingleFile(SparkSession spark, String tmpDir, String target, boolean bom) {
    try {
      Path dir = new Path(tmpDir);
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path part = null;
      for (FileStatus s : fs.listStatus(dir)) {
        if (s.getPath().getName().startsWith("part-")) part = s.getPath();
      }
      if (part == null) throw new IllegalStateException("Spark wrote no file to " + tmpDir);
      Path t = new Path(target);
      try (InputStream in = fs.open(part); OutputStream o = fs.create(t, true)) {
        if (bom) o.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        in.transferTo(o);
      }
      fs.delete(dir, true);
      Path crc = new Path(t.getParent(), "." + t.getName() + ".crc");
      if (fs.exists(crc)) fs.delete(crc, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** The format named on the command line. */
  public static Format format(String s) {
    try {
      return Format.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format is csv or parquet: '" + s + "'");
    }
  }
}
