package dk.star.fokusmaal.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.pipeline.IngestJob;
import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.Progress;
import dk.star.fokusmaal.pipeline.RunLog;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Literal landing files and ingest runs for the ingest tests. */
final class Fixtures {
  private Fixtures() {}

  /** An extra (non-contract) column naming each test row's scenario; kept in bronze. */
  static final String SCENARIO = "scenario";

  static final Timestamp R = ts("2021-06-01 08:00:00");

  static Date d(String iso) {
    return Date.valueOf(iso);
  }

  static Timestamp ts(String s) {
    return Timestamp.valueOf(s);
  }

  static Row r(Object... values) {
    return RowFactory.create(values);
  }

  /** {@code scenario} then the contract columns, all nullable so that tests can land nulls. */
  static StructType landingSchema(SourceSpec spec) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(SCENARIO, DataTypes.StringType, true));
    for (StructField f : spec.schema().fields()) fields.add(f.copy(f.name(), f.dataType(), true, f.metadata()));
    return DataTypes.createStructType(fields);
  }

  /** The contract schema with one column's type replaced (a register writing another type). */
  static StructType withType(StructType schema, String column, DataType type) {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : schema.fields()) {
      fields.add(f.name().equals(column) ? DataTypes.createStructField(column, type, true) : f);
    }
    return DataTypes.createStructType(fields);
  }

  static StructType without(StructType schema, String column) {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : schema.fields()) if (!f.name().equals(column)) fields.add(f);
    return DataTypes.createStructType(fields);
  }

  static StructType plus(StructType schema, String column, DataType type) {
    return schema.add(column, type, true);
  }

  static Dataset<Row> frame(StructType schema, List<Row> rows) {
    return spark().createDataFrame(rows, schema);
  }

  static SparkSession spark() {
    return SparkSession.active();
  }

  /** Writes one Parquet delivery (one file) under {@code landing/<source>/<folder>}. */
  static String land(Lake lake, String source, String folder, StructType schema, List<Row> rows) {
    String dir = lake.landing(source) + "/" + folder;
    frame(schema, rows).coalesce(1).write().parquet(dir);
    return dir;
  }

  /**
   * Drops the catalog databases ingest registers into. The session (and its catalog) is shared by
   * the whole test JVM and registration keeps an existing entry, so a test class that ingests
   * leaves the catalog as it found it: empty of its temporary lakes. The tables are external: their
   * data stays.
   */
  static void forgetCatalog() {
    for (String db : List.of(Lake.BRONZE, Lake.QUARANTINE, Lake.META)) {
      spark().sql("DROP DATABASE IF EXISTS " + db + " CASCADE");
    }
  }

  /** Runs the ingest job on the lake as the CLI would, and returns its run log. */
  static RunLog ingest(Lake lake) {
    RunLog log = new RunLog("ingest", Map.of("lake", lake.root()));
    IngestJob.run(new JobContext(spark(), null, lake, null, new Progress("ingest")), log);
    return log;
  }

  /**
   * The Delta version of every table ingest writes (-1 when absent), from the commit files in
   * {@code _delta_log/} (a listing, not a Spark job per table).
   */
  static Map<String, Long> versions(Lake lake) {
    Map<String, Long> v = new LinkedHashMap<>();
    for (String source : Sources.ALL.keySet()) {
      v.put(Lake.BRONZE + "." + source, version(lake.bronze(source)));
      v.put(Lake.QUARANTINE + "." + source, version(lake.quarantine(source)));
    }
    v.put(Tables.INGESTED_FILES.name(), version(Tables.INGESTED_FILES.path(lake)));
    v.put(Tables.DQ_RESULTS.name(), version(Tables.DQ_RESULTS.path(lake)));
    return v;
  }

  private static long version(String table) {
    java.io.File[] commits =
        new java.io.File(table, "_delta_log").listFiles((dir, name) -> name.matches("\\d{20}\\.json"));
    if (commits == null) return -1L;
    long max = -1L;
    for (java.io.File f : commits) max = Math.max(max, Long.parseLong(f.getName().substring(0, 20)));
    return max;
  }

  static Dataset<Row> bronze(Lake lake, String source) {
    return DeltaIO.read(spark(), lake.bronze(source));
  }

  static Dataset<Row> quarantine(Lake lake, String source) {
    return DeltaIO.read(spark(), lake.quarantine(source));
  }

  /** Rows of {@code (scenario, _rule)}: what quarantine must hold. */
  static Dataset<Row> rules(Object... scenarioRulePairs) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < scenarioRulePairs.length; i += 2) {
      rows.add(r(scenarioRulePairs[i], scenarioRulePairs[i + 1]));
    }
    return frame(
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(SCENARIO, DataTypes.StringType, true),
                DataTypes.createStructField(
                    dk.star.fokusmaal.contract.Cols.QUARANTINE_RULE, DataTypes.StringType, true))),
        rows);
  }

  /** The contract columns of a bronze table have exactly the contract types. */
  static void assertContractTypes(SourceSpec spec, Dataset<Row> bronze) {
    for (StructField f : spec.schema().fields()) {
      assertEquals(f.dataType(), bronze.schema().apply(f.name()).dataType(), "type of " + f.name());
    }
  }
}
