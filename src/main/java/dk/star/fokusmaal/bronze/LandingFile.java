package dk.star.fokusmaal.bronze;

import org.apache.spark.sql.types.StructType;

/**
 * One Parquet file in {@code landing/<source>/}, with the schema read from its footer.
 *
 * @param readPath the path as listed by the Hadoop file system, handed to Spark to read the file
 * @param path the file's full path as Spark reports it in {@code _metadata.file_path} (a URI,
 *     e.g. {@code file:/lake/landing/fleur/2021%2001/a.parquet}): the value of {@code _source_file}
 *     in bronze and quarantine and of {@code file_path} in {@code meta.ingested_files}
 * @param size bytes
 * @param modifiedAt modification time, epoch milliseconds
 * @param schema the Spark schema of the file (from its footer)
 * @param footerRows the number of rows the file's footer declares (the sum over its row groups):
 *     what ingest must account for, every row to bronze or quarantine
 */
public record LandingFile(
    String readPath, String path, long size, long modifiedAt, StructType schema, long footerRows) {

  /** Identifies a delivery: the same path with another size or time is a new delivery. */
  public String identity() {
    return identity(path, size, modifiedAt);
  }

  static String identity(String path, long size, long modifiedAt) {
    return path + "\u0000" + size + "\u0000" + modifiedAt;
  }
}
