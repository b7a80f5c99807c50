package dk.star.fokusmaal.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a build needs to know of a table's commits — its latest version, and a commit's {@code
 * userMetadata} and written row count — read straight from the commit files in {@code _delta_log}
 * (the Delta protocol: one {@code <version>.json} per commit, its {@code commitInfo} action
 * carrying the metadata and operation metrics). Asking {@code DeltaTable.history()} instead costs a
 * Spark job and a snapshot load per question, and a build asks about thirty of them.
 */
final class DeltaLog {
  private DeltaLog() {}

  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The table's latest committed version, or -1 when {@code path} holds no Delta table. */
  static long latestVersion(Configuration conf, String path) {
    Path log = new Path(path, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(conf);
      long latest = -1L;
      for (FileStatus f : fs.listStatus(log)) {
        Matcher m = COMMIT.matcher(f.getPath().getName());
        if (m.matches()) latest = Math.max(latest, Long.parseLong(m.group(1)));
      }
      return latest;
    } catch (FileNotFoundException e) {
      return -1L;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + log, e);
    }
  }

  /** The {@code commitInfo} action of commit {@code version}, or null when it has none. */
  static JsonNode commitInfo(Configuration conf, String path, long version) {
    Path file = new Path(new Path(path, "_delta_log"), String.format("%020d.json", version));
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(file.getFileSystem(conf).open(file), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.contains("\"commitInfo\"")) continue;
        JsonNode info = JSON.readTree(line).get("commitInfo");
        if (info != null) return info;
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read commit " + file, e);
    }
  }

  /**
   * The greatest value of timestamp column {@code column} in the table at {@code version}, from
   * the statistics Delta keeps for every data file (the protocol's {@code add.stats}): replaying
   * the commits {@code 0 … version} gives the files in force and their maxima, with no Spark job
   * and no data read. Delta truncates timestamp statistics to milliseconds, which never moves a
   * value across a month's start. Unknown (empty) when a commit file is gone (log clean-up after a
   * checkpoint) or a file has no statistics for the column; the caller then reads the data.
   *
   * @return the maximum, or {@code Optional.of(Optional.empty())} when the table holds no non-null
   *     value
   */
  static Optional<Optional<Instant>> maxTimestamp(Configuration conf, String path, long version, String column) {
    Map<String, Instant> files = new HashMap<>(); // path -> its max (null: only nulls)
    for (long v = 0; v <= version; v++) {
      Path file = new Path(new Path(path, "_delta_log"), String.format("%020d.json", v));
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(file.getFileSystem(conf).open(file), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          JsonNode action = JSON.readTree(line);
          if (action.has("remove")) {
            files.remove(action.get("remove").path("path").asText());
          } else if (action.has("add")) {
            JsonNode add = action.get("add");
            JsonNode statsText = add.get("stats");
            if (statsText == null || statsText.isNull()) return Optional.empty();
            JsonNode stats = JSON.readTree(statsText.asText());
            long rows = stats.path("numRecords").asLong(-1);
            JsonNode max = stats.path("maxValues").get(column);
            if (max != null && !max.isNull()) {
              files.put(add.path("path").asText(), OffsetDateTime.parse(max.asText()).toInstant());
            } else if (rows == 0 || (rows > 0 && stats.path("nullCount").path(column).asLong(-1) == rows)) {
              files.put(add.path("path").asText(), null);
            } else {
              return Optional.empty();
            }
          }
        }
      } catch (FileNotFoundException e) {
        return Optional.empty();
      } catch (IOException | RuntimeException e) {
        return Optional.empty(); // statistics that cannot be read: read the data instead
      }
    }
    return Optional.of(files.values().stream().filter(Objects::nonNull).max(Instant::compareTo));
  }

  /** The commit's {@code userMetadata}, or null. */
  static String userMetadata(JsonNode commitInfo) {
    JsonNode m = commitInfo == null ? null : commitInfo.get("userMetadata");
    return m == null || m.isNull() ? null : m.asText();
  }

  /** The rows the commit wrote ({@code operationMetrics.numOutputRows}), 0 when not recorded. */
  static long outputRows(JsonNode commitInfo) {
    JsonNode n = commitInfo == null ? null : commitInfo.path("operationMetrics").get("numOutputRows");
    return n == null ? 0L : Long.parseLong(n.asText());
  }
}
