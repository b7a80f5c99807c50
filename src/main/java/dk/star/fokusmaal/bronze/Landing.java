package dk.star.fokusmaal.bronze;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.hadoop.Footer;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat$;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The driver-side part of ingest: listing a source's landing folder through the Hadoop file system
 * (local, {@code hdfs://}, {@code s3a://}), reading each new file's footer and checking its
 * schema against the contract — all before a single row is read or written, so that a bad file
 * fails the ingest and changes nothing (SPEC §4.9).
 */
public final class Landing {
  private Landing() {}

  /** Characters Delta refuses in column names (without column mapping). */
  private static final String DELTA_INVALID_CHARS = " ,;{}()\n\t=";

  /**
   * The Parquet files under {@code dir}, recursively, sorted by path. Files or folders whose name
   * starts with {@code _} or {@code .} are skipped: {@code _SUCCESS}, {@code .crc} checksums,
   * {@code _temporary/} of a writer still at work, hidden files.
   */
  public static List<FileStatus> list(SparkSession spark, String dir) {
    List<FileStatus> out = new ArrayList<>();
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) return out;
      int rootDepth = fs.makeQualified(root).depth();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus s = it.next();
        if (s.isFile() && !isHidden(s.getPath(), rootDepth)) out.add(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + oneLine(e), e);
    }
    out.sort(Comparator.comparing(s -> s.getPath().toString()));
    return out;
  }

  /** Hidden when the file, or a folder between the source folder and it, is named _… or .… . */
  static boolean isHidden(Path file, int rootDepth) {
    // Depth, not Path.equals: listed paths may spell the root as file:/// where ours is file:/.
    for (Path p = file; p != null && p.depth() > rootDepth; p = p.getParent()) {
      String n = p.getName();
      if (n.startsWith("_") || n.startsWith(".") || n.endsWith(".crc")) return true;
    }
    return false;
  }

  /**
   * The file's full path as Spark will report it in {@code _metadata.file_path}. Spark reads the
   * string we hand it ({@code FileStatus.getPath().toString()}) as a Path and reports its URI
   * (spaces as %20, {@code file:/} not {@code file:///}); computing the same spelling here lets the
   * manifest, the replaceWhere of the writes and the lineage column agree without asking Spark.
   */
  public static String pathOf(FileStatus status) {
    return new Path(status.getPath().toString()).toUri().toString();
  }

  /** The folders directly under {@code dir} (not hidden), e.g. the sources under landing/. */
  public static List<String> folders(SparkSession spark, String dir) {
    List<String> out = new ArrayList<>();
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) return out;
      for (FileStatus s : fs.listStatus(root)) {
        String n = s.getPath().getName();
        if (s.isDirectory() && !n.startsWith("_") && !n.startsWith(".")) out.add(n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + oneLine(e), e);
    }
    out.sort(String::compareTo);
    return out;
  }

  /**
   * Reads the footer of one listed file.
   *
   * @throws IllegalStateException naming the file when it is not a readable Parquet file
   */
  public static LandingFile describe(SparkSession spark, FileStatus status) {
    String readPath = status.getPath().toString();
    String path = pathOf(status);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    StructType schema;
    long rows;
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromStatus(status, conf))) {
      // Spark's own footer → schema conversion (it prefers the Spark schema a Spark writer
      // stores in the footer), so the schema is exactly what spark.read().parquet would infer.
      schema =
          ParquetFileFormat$.MODULE$.readSchemaFromFooter(
              new Footer(status.getPath(), r.getFooter()),
              new ParquetToSparkSchemaConverter(spark.sessionState().conf()));
      // Every row group of the footer, unfiltered: the rows the writer says the file holds.
      rows = r.getFooter().getBlocks().stream().mapToLong(b -> b.getRowCount()).sum();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot read landing file " + path + " as Parquet: " + oneLine(e), e);
    }
    return new LandingFile(
        readPath, path, status.getLen(), status.getModificationTime(), schema, rows);
  }

  /**
   * Checks a file's schema against the contract of its source.
   *
   * @param extraTypes the types of extra columns already seen (in the bronze table or in earlier
   *     files of this batch), keyed by column name; this file's extra columns are added
   * @param extraOrigin where each of {@code extraTypes} was seen, for the error message
   * @throws IllegalStateException naming the file and the column when a contract column is
   *     missing, a column name is reserved for lineage or unusable in Delta, or an extra column
   *     has another type than before (bronze keeps extra columns, with one type per column)
   */
  public static void checkSchema(
      LandingFile file,
      SourceSpec spec,
      Map<String, DataType> extraTypes,
      Map<String, String> extraOrigin) {
    StructType schema = file.schema();
    List<String> names = List.of(schema.fieldNames());
    for (String required : spec.requiredColumns()) {
      if (!names.contains(required)) {
        String hint =
            names.stream()
                .filter(n -> n.equalsIgnoreCase(required))
                .findFirst()
                .map(n -> " (it has " + n + "; column names are case-sensitive)")
                .orElse("");
        throw new IllegalStateException(
            "landing file " + file.path() + " lacks required column " + required + " of source "
                + spec.name() + hint);
      }
    }
    Map<String, String> lower = new LinkedHashMap<>();
    for (String n : names) {
      String before = lower.put(n.toLowerCase(Locale.ROOT), n);
      if (before != null) {
        throw new IllegalStateException(
            "landing file " + file.path() + " has columns " + before + " and " + n
                + " that differ only in case");
      }
      if (Validation.LINEAGE.contains(n) || n.equals(Cols.QUARANTINE_RULE)) {
        throw new IllegalStateException(
            "landing file " + file.path() + " has column " + n + ", a name reserved for lineage");
      }
      if (n.chars().anyMatch(ch -> DELTA_INVALID_CHARS.indexOf(ch) >= 0)) {
        throw new IllegalStateException(
            "landing file " + file.path() + " has column '" + n
                + "' whose name contains one of ' ,;{}()=', tab or newline, which Delta tables refuse");
      }
    }
    Set<String> contract = Set.copyOf(spec.requiredColumns());
    for (StructField f : schema.fields()) {
      if (contract.contains(f.name())) continue;
      DataType seen = extraTypes.get(f.name());
      if (seen == null) {
        extraTypes.put(f.name(), f.dataType());
        extraOrigin.put(f.name(), file.path());
      } else if (!seen.catalogString().equals(f.dataType().catalogString())) {
        // catalogString: the type without nullability, which Delta and footers spell apart.
        throw new IllegalStateException(
            "landing file " + file.path() + " has extra column " + f.name() + " as "
                + f.dataType().simpleString() + ", but " + extraOrigin.get(f.name()) + " has it as "
                + seen.simpleString());
      }
    }
  }

  /** An exception's message on one line (the CLI prints a one-line reason). */
  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }
}
