package dk.star.fokusmaal.pipeline;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One job run: its id, parameters, the Delta versions it read and wrote, and its row counts.
 * {@link #finish} appends it to {@code meta.run_log} (SPEC §8.8), successful or not; {@link
 * #userMetadata()} goes into every Delta commit the run makes.
 */
public final class RunLog {
  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String SUCCEEDED_WITH_WARNINGS = "SUCCEEDED_WITH_WARNINGS";
  public static final String FAILED = "FAILED";

  /** Whether a run of this status published its outputs. */
  public static boolean published(String status) {
    return SUCCEEDED.equals(status) || SUCCEEDED_WITH_WARNINGS.equals(status);
  }

  private static final StructType SCHEMA =
      new StructType()
          .add(Cols.RUN_ID, DataTypes.StringType, false)
          .add(Cols.JOB, DataTypes.StringType, false)
          .add(Cols.PARAMETERS, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false)
          .add(Cols.RULE_VERSION, DataTypes.StringType, true)
          .add(Cols.INPUT_VERSIONS, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
          .add(Cols.OUTPUT_VERSIONS, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
          .add(Cols.ROW_COUNTS, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
          .add(Cols.STARTED_AT, DataTypes.TimestampType, false)
          .add(Cols.ENDED_AT, DataTypes.TimestampType, false)
          .add(Cols.STATUS, DataTypes.StringType, false)
          .add(Cols.ERROR, DataTypes.StringType, true);

  private final String runId;
  private final String job;
  private final Map<String, String> parameters;
  private final Instant started = Instant.now();
  private final Map<String, Long> inputVersions = new LinkedHashMap<>();
  private final Map<String, Long> outputVersions = new LinkedHashMap<>();
  private final Map<String, Long> rowCounts = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, String> paths = new LinkedHashMap<>();
  private final Map<String, Long> versionsBefore = new LinkedHashMap<>();
  private String ruleVersion;

  public RunLog(String job, Map<String, String> parameters) {
    this.job = job;
    this.parameters = new LinkedHashMap<>(parameters);
    this.runId =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
            + "-" + job + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public String runId() {
    return runId;
  }

  public void ruleVersion(String v) {
    this.ruleVersion = v;
  }

  public void input(String table, long version) {
    inputVersions.put(table, version);
  }

  public Map<String, Long> inputVersions() {
    return Map.copyOf(inputVersions);
  }

  /** Notes a table's version before this run first writes to it (for a rollback on failure). */
  public void before(String table, String path, long version) {
    if (!versionsBefore.containsKey(table)) {
      versionsBefore.put(table, version);
      paths.put(table, path);
    }
  }

  /** The tables this run wrote, with their path, version before and version after the run. */
  public List<String[]> written() {
    List<String[]> out = new ArrayList<>();
    versionsBefore.forEach((t, v) -> {
      Long after = outputVersions.get(t);
      if (after != null) out.add(new String[] {t, paths.get(t), String.valueOf(v), String.valueOf(after)});
    });
    return out;
  }

  public void output(String table, long version, long rows) {
    outputVersions.put(table, version);
    rowCounts.put(table, rows);
  }

  public void count(String what, long rows) {
    rowCounts.put(what, rows);
  }

  /** Something the run could not do, said in the run log and on stderr: it ends SUCCEEDED_WITH_WARNINGS. */
  public void warn(String warning) {
    warnings.add(warning);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public Map<String, Long> rowCounts() {
    return rowCounts;
  }

  /** What each Delta commit of this run records in its {@code userMetadata}. */
  public String userMetadata() {
    return userMetadata(Map.of());
  }

  /** {@link #userMetadata()} with more fields, e.g. the state a silver table was built from. */
  public String userMetadata(Map<String, String> extra) {
    StringBuilder sb = new StringBuilder("{\"run_id\":\"").append(runId).append("\",\"job\":\"")
        .append(job).append('"');
    if (ruleVersion != null) sb.append(",\"rule_version\":\"").append(ruleVersion).append('"');
    Map<String, String> fields = new LinkedHashMap<>(parameters);
    fields.putAll(extra);
    fields.forEach(
        (k, v) -> sb.append(",\"").append(k).append("\":\"").append(v.replace("\"", "'")).append('"'));
    return sb.append('}').toString();
  }

  /**
   * The bronze versions a published run read (its {@code input_versions}), for a build as of it.
   *
   * @throws UsageError when there is no such run, or it did not publish
   */
  public static Map<String, Long> inputsOf(SparkSession spark, Lake lake, String runId) {
    String path = Tables.RUN_LOG.path(lake);
    List<Row> rows =
        DeltaIO.exists(spark, path)
            ? DeltaIO.read(spark, path).filter(functions.col(Cols.RUN_ID).equalTo(runId)).collectAsList() // one run
            : List.of();
    Row r = rows.stream().filter(x -> published(x.getAs(Cols.STATUS))).findFirst().orElse(null);
    if (r == null) throw new UsageError("no published run " + runId + " in " + path);
    return new LinkedHashMap<>(r.<String, Long>getJavaMap(r.fieldIndex(Cols.INPUT_VERSIONS)));
  }

  /** Appends this run to {@code meta/run_log}. */
  public void finish(SparkSession spark, Lake lake, String status, String error) {
    Row row =
        RowFactory.create(
            runId,
            job,
            scala(parameters),
            ruleVersion,
            scala(inputVersions),
            scala(outputVersions),
            scala(rowCounts),
            Timestamp.from(started),
            Timestamp.from(Instant.now()),
            status,
            error);
    Dataset<Row> df = spark.createDataFrame(List.of(row), SCHEMA);
    DeltaIO.append(Tables.RUN_LOG.conform(df), Tables.RUN_LOG.path(lake), userMetadata());
  }

  private static <V> scala.collection.immutable.Map<String, V> scala(Map<String, V> m) {
    return scala.collection.immutable.Map.from(scala.jdk.javaapi.CollectionConverters.asScala(m));
  }
}
