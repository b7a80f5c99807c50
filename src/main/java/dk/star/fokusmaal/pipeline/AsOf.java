package dk.star.fokusmaal.pipeline;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Which state of bronze a research build reads: as it stood at an instant, or as a published run
 * read it (that run's recorded input versions). Null means the latest.
 *
 * @param instant an ISO-8601 instant, or null
 * @param runId the id of a published run, or null
 */
public record AsOf(Instant instant, String runId) {
  /** An ISO-8601 instant ({@code 2024-03-01T08:00:00Z}) or else a run id; null for null. */
  public static AsOf parse(String value) {
    if (value == null) return null;
    try {
      return new AsOf(Instant.parse(value), null);
    } catch (DateTimeParseException notAnInstant) {
      if (!value.matches("\\d{8}T\\d{6}Z-[a-z]+-[0-9a-f]{8}")) {
        throw new UsageError("--as-of " + value + " is neither an ISO-8601 instant (2024-03-01T08:00:00Z) nor a run id");
      }
      return new AsOf(null, value);
    }
  }

  @Override
  public String toString() {
    return instant != null ? instant.toString() : "run " + runId;
  }
}
