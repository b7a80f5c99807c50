package dk.star.fokusmaal.bronze;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The manifest {@code meta.ingested_files}: one row per landing file an ingest has finished,
 * written after the file's rows are committed to bronze and quarantine. A file whose path, size
 * and modification time are in the manifest is not read again; a file rewritten in place (same
 * path, other size or time) is a new delivery and replaces its earlier rows.
 */
public final class IngestedFiles {
  private IngestedFiles() {}

  /**
   * The identities ({@link LandingFile#identity()}) of the files already ingested, by source.
   * File-level metadata, one row per delivered file, so it is read to the driver.
   *
   * @param version the manifest version to read (the one the run log records), -1 for none
   */
  public static Map<String, Set<String>> identities(SparkSession spark, Lake lake, long version) {
    Map<String, Set<String>> out = new HashMap<>();
    if (version < 0) return out;
    List<Row> rows =
        spark.read().format("delta").option("versionAsOf", version).load(Tables.INGESTED_FILES.path(lake))
            .select(Cols.SOURCE, Cols.FILE_PATH, Cols.FILE_SIZE, Cols.FILE_MODIFIED_AT)
            .collectAsList();
    for (Row r : rows) {
      out.computeIfAbsent(r.<String>getAs(Cols.SOURCE), k -> new HashSet<>())
          .add(LandingFile.identity(r.<String>getAs(Cols.FILE_PATH), r.<Long>getAs(Cols.FILE_SIZE),
              r.<Timestamp>getAs(Cols.FILE_MODIFIED_AT).getTime()));
    }
    return out;
  }

  /**
   * The manifest rows of a batch: one per file (also files without rows), with its rows to bronze
   * and to quarantine from {@code stats} ({@code _source_file, _rule, rows}).
   */
  public static Dataset<Row> rows(
      SparkSession spark,
      String source,
      List<LandingFile> files,
      Dataset<Row> stats,
      String runId,
      Timestamp ingestedAt) {
    List<Row> listed = new ArrayList<>();
    for (LandingFile f : files) {
      listed.add(RowFactory.create(f.path(), f.size(), new Timestamp(f.modifiedAt())));
    }
    StructType listedSchema =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(Cols.FILE_PATH, DataTypes.StringType, false),
                DataTypes.createStructField(Cols.FILE_SIZE, DataTypes.LongType, false),
                DataTypes.createStructField(
                    Cols.FILE_MODIFIED_AT, DataTypes.TimestampType, false)));
    Dataset<Row> perFile =
        stats
            .groupBy(col(Cols.SOURCE_FILE).as(Cols.FILE_PATH))
            .agg(
                sum(when(col(Cols.QUARANTINE_RULE).isNull(), col(Cols.ROWS))).as(Cols.ROWS_BRONZE),
                sum(when(col(Cols.QUARANTINE_RULE).isNotNull(), col(Cols.ROWS)))
                    .as(Cols.ROWS_QUARANTINE));
    Dataset<Row> manifest =
        spark
            .createDataFrame(listed, listedSchema)
            .join(perFile, List.of(Cols.FILE_PATH).toArray(new String[0]), "left")
            .select(
                lit(source).as(Cols.SOURCE),
                col(Cols.FILE_PATH),
                col(Cols.FILE_SIZE),
                col(Cols.FILE_MODIFIED_AT),
                lit(runId).as(Cols.RUN_ID),
                coalesce(col(Cols.ROWS_BRONZE), lit(0L)).as(Cols.ROWS_BRONZE),
                coalesce(col(Cols.ROWS_QUARANTINE), lit(0L)).as(Cols.ROWS_QUARANTINE),
                lit(ingestedAt).as(Cols.FILE_INGESTED_AT));
    return Tables.INGESTED_FILES.conform(manifest);
  }
}
