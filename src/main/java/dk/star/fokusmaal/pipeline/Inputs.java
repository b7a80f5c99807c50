package dk.star.fokusmaal.pipeline;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.silver.Coverage;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The bronze tables a run reads, each pinned to one Delta version when the run starts: every read
 * of a register during the run is of that version (time travel), so an ingest that commits while
 * a build runs changes nothing in it, and the run log records exactly what was read.
 *
 * @param versions the version of each bronze table, by source name; absent = not ingested
 */
public record Inputs(Map<String, Long> versions) {
  public Inputs {
    versions = new TreeMap<>(versions);
  }

  /** The current version of each of {@code sources} that exists. */
  public static Inputs latest(SparkSession spark, Lake lake, List<SourceSpec> sources) {
    Map<String, Long> v = new LinkedHashMap<>();
    for (SourceSpec s : sources) {
      long version = DeltaIO.version(spark, lake.bronze(s.name()));
      if (version >= 0) v.put(s.name(), version);
    }
    return new Inputs(v);
  }

  /**
   * Each of {@code sources} as it stood at {@code instant}: the latest version committed at or
   * before it (Delta time travel); a table created later is absent.
   */
  public static Inputs asOf(SparkSession spark, Lake lake, List<SourceSpec> sources, Instant instant) {
    Map<String, Long> v = new LinkedHashMap<>();
    for (SourceSpec s : sources) {
      long version = DeltaIO.versionAt(spark, lake.bronze(s.name()), instant);
      if (version >= 0) v.put(s.name(), version);
    }
    return new Inputs(v);
  }

  /** The bronze versions a published run recorded in its run log (its {@code input_versions}). */
  public static Inputs ofRun(Map<String, Long> recorded, List<SourceSpec> sources) {
    Map<String, Long> v = new LinkedHashMap<>();
    for (SourceSpec s : sources) {
      Long version = recorded.get("bronze." + s.name());
      if (version != null) v.put(s.name(), version);
    }
    return new Inputs(v);
  }

  /**
   * The last month each of {@code registers} covers at its pinned version ({@link Coverage}): from
   * the latest {@code reported_at} in Delta's file statistics where they tell, else by reading the
   * registers (all of those in one Spark job).
   */
  public Map<String, YearMonth> lastCovered(SparkSession spark, Lake lake, List<SourceSpec> registers) {
    Map<String, YearMonth> covered = new LinkedHashMap<>();
    Map<String, Dataset<Row>> unknown = new LinkedHashMap<>();
    for (SourceSpec s : registers) {
      Long v = versions.get(s.name());
      Optional<Optional<Instant>> max =
          v == null ? Optional.empty() : DeltaIO.maxTimestampFromStats(spark, lake.bronze(s.name()), v, Cols.REPORTED_AT);
      covered.put(s.name(), max.flatMap(m -> m).map(Coverage::lastCoveredMonth).orElse(null));
      if (max.isEmpty()) unknown.put(s.name(), bronze(spark, lake, s)); // bronze() names a missing register
    }
    covered.putAll(Coverage.lastCovered(unknown));
    return covered;
  }

  public boolean has(SourceSpec spec) {
    return versions.containsKey(spec.name());
  }

  /** The bronze rows of {@code spec} at its pinned version; fails clearly when not ingested. */
  public Dataset<Row> bronze(SparkSession spark, Lake lake, SourceSpec spec) {
    Long v = versions.get(spec.name());
    if (v == null) {
      throw new IllegalStateException(
          "input missing: bronze." + spec.name() + " not found at " + lake.bronze(spec.name()) + " (run ingest first)");
    }
    return DeltaIO.readVersion(spark, lake.bronze(spec.name()), v);
  }

  /** Records every pinned version in the run log. */
  public void record(RunLog log) {
    versions.forEach((s, v) -> log.input("bronze." + s, v));
  }

  /** {@code fleur@3,kmd_sygedagpenge@1,…} for the sources named. */
  public String describe(List<SourceSpec> sources) {
    StringBuilder sb = new StringBuilder();
    for (SourceSpec s : sources) {
      if (sb.length() > 0) sb.append(',');
      sb.append(s.name()).append('@').append(versions.getOrDefault(s.name(), -1L));
    }
    return sb.toString();
  }
}
