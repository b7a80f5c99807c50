package dk.star.fokusmaal.lake;

import static dk.star.fokusmaal.testing.Expect.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.testing.Expect;
import dk.star.fokusmaal.testing.SparkTestBase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** What the build reads from {@code _delta_log} instead of asking Delta for the table's history. */
class DeltaLogTest extends SparkTestBase {
  private static final String DDL = "person_id string, reported_at timestamp";

  private static Dataset<Row> rows(String... reportedAt) {
    Object[][] r = new Object[reportedAt.length][];
    for (int i = 0; i < reportedAt.length; i++) r[i] = row("P" + i, reportedAt[i] == null ? null : Timestamp.valueOf(reportedAt[i]));
    return Expect.table(session(), DDL, r);
  }

  private static Instant at(String ts) {
    return Timestamp.valueOf(ts).toInstant();
  }

  @Test
  void versionsUserMetadataAndRowsComeFromTheCommitFiles() {
    String path = tmp("log").resolve("t").toString();
    assertEquals(-1L, DeltaIO.version(session(), path));
    assertEquals(false, DeltaIO.exists(session(), path));
    DeltaIO.append(rows("2023-01-05 10:00:00", "2023-02-05 10:00:00"), path, "{\"run_id\":\"one\"}");
    DeltaIO.append(rows("2023-03-05 10:00:00"), path, "{\"run_id\":\"two\"}");
    assertEquals(1L, DeltaIO.version(session(), path));
    assertEquals("{\"run_id\":\"two\"}", DeltaIO.lastUserMetadata(session(), path));
    assertEquals(2L, DeltaIO.commitOutputRows(session(), path, 0));
    assertEquals(1L, DeltaIO.commitOutputRows(session(), path, 1));
  }

  @Test
  void theLatestTimestampAtAVersionComesFromTheFileStatistics() {
    String path = tmp("stats").resolve("t").toString();
    DeltaIO.append(rows("2023-01-05 10:00:00", null, "2023-02-28 23:59:59.999"), path, null);
    DeltaIO.append(rows("2023-04-01 00:00:00.0005"), path, null);
    DeltaIO.append(rows((String) null), path, null);
    assertEquals(Optional.of(Optional.of(at("2023-02-28 23:59:59.999"))), DeltaIO.maxTimestampFromStats(session(), path, 0, "reported_at"));
    // Delta keeps milliseconds in statistics: the half-millisecond is dropped, the month is not
    assertEquals(Optional.of(Optional.of(at("2023-04-01 00:00:00"))), DeltaIO.maxTimestampFromStats(session(), path, 2, "reported_at"));

    // a restore removes the later file: the statistics follow
    DeltaIO.restore(session(), path, 0);
    assertEquals(Optional.of(Optional.of(at("2023-02-28 23:59:59.999"))), DeltaIO.maxTimestampFromStats(session(), path, 3, "reported_at"));

    String onlyNulls = tmp("nulls").resolve("t").toString();
    DeltaIO.append(rows((String) null), onlyNulls, null);
    assertEquals(Optional.of(Optional.empty()), DeltaIO.maxTimestampFromStats(session(), onlyNulls, 0, "reported_at"));
  }

  @Test
  void withoutStatisticsForTheColumnTheAnswerIsUnknown() {
    String path = tmp("nostats").resolve("t").toString();
    session().sql("CREATE TABLE delta.`" + path + "` (person_id string, reported_at timestamp) USING DELTA "
        + "TBLPROPERTIES ('delta.dataSkippingNumIndexedCols' = '1')");
    DeltaIO.append(rows("2023-01-05 10:00:00"), path, null);
    assertTrue(DeltaIO.maxTimestampFromStats(session(), path, 1, "reported_at").isEmpty());
    assertTrue(DeltaIO.maxTimestampFromStats(session(), tmp("none").resolve("t").toString(), 0, "reported_at").isEmpty(),
        "no table: unknown");
  }
}
