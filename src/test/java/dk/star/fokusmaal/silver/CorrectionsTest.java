package dk.star.fokusmaal.silver;

import static dk.star.fokusmaal.testing.Expect.row;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.testing.Expect;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

/** SPEC §4: for the same key, the row with the latest reported_at wins. */
class CorrectionsTest extends SparkTestBase {
  private static final String BRONZE =
      "offer_id string, person_id string, municipality_code int, offer_type string, start_date date, end_date date, "
          + "status string, reported_at timestamp, _source_file string, _ingested_at timestamp, extra_column string";

  @Test
  void latestDeliveryWinsPerKey() {
    java.sql.Timestamp jan = java.sql.Timestamp.valueOf("2022-01-10 09:00:00");
    java.sql.Timestamp feb = java.sql.Timestamp.valueOf("2022-02-10 09:00:00");
    java.sql.Timestamp ingest1 = java.sql.Timestamp.valueOf("2022-03-01 00:00:00");
    java.sql.Timestamp ingest2 = java.sql.Timestamp.valueOf("2022-03-02 00:00:00");
    Dataset<Row> bronze =
        Expect.table(session(), BRONZE,
            // corrected later: the planned offer became annulled
            row("corrected", "p1", 101, "NYTTEINDSATS", "2022-01-01", null, "PLANLAGT", jan, "d1/a.parquet", ingest1, "x"),
            row("corrected", "p1", 101, "NYTTEINDSATS", "2022-01-01", null, "ANNULLERET", feb, "d2/a.parquet", ingest2, "y"),
            // a late-arriving older report does not overwrite a newer one
            row("late_old", "p2", 101, "MENTOR", "2022-01-01", null, "IGANGVAERENDE", feb, "d1/a.parquet", ingest1, null),
            row("late_old", "p2", 101, "MENTOR", "2022-01-01", "2022-01-31", "AFSLUTTET", jan, "d3/a.parquet", ingest2, null),
            // the same reported_at twice: the row ingested last wins
            row("tie", "p3", 101, "MENTOR", "2022-01-01", null, "PLANLAGT", jan, "d1/a.parquet", ingest1, null),
            row("tie", "p3", 101, "MENTOR", "2022-01-01", null, "IGANGVAERENDE", jan, "d2/a.parquet", ingest2, null));
    Dataset<Row> expected =
        Expect.table(session(),
            "offer_id string, person_id string, municipality_code int, offer_type string, start_date date, end_date date, status string, reported_at timestamp",
            row("corrected", "p1", 101, "NYTTEINDSATS", "2022-01-01", null, "ANNULLERET", feb),
            row("late_old", "p2", 101, "MENTOR", "2022-01-01", null, "IGANGVAERENDE", feb),
            row("tie", "p3", 101, "MENTOR", "2022-01-01", null, "IGANGVAERENDE", jan));
    Frames.assertSameRows(expected, Corrections.latest(bronze, Sources.PLANDATA_SPEC), Cols.OFFER_ID);
  }

  /**
   * Issue 9: the same key and reported_at with other values must resolve the same way however the
   * rows arrive. Each scenario's rows are given in both orders (seq), and the frame is read
   * forwards, backwards and spread over several partitions: the winner must not change.
   */
  @Test
  void aTieResolvesTheSameWayForEveryInputOrderAndPartitioning() {
    java.sql.Timestamp jan = java.sql.Timestamp.valueOf("2022-01-10 09:00:00");
    java.sql.Timestamp ingest1 = java.sql.Timestamp.valueOf("2022-03-01 00:00:00");
    java.sql.Timestamp ingest2 = java.sql.Timestamp.valueOf("2022-03-02 00:00:00");
    String schema = BRONZE + ", seq int";
    Dataset<Row> bronze =
        Expect.table(session(), schema,
            // one file, one ingest: the content decides (status: PLANLAGT > IGANGVAERENDE)
            row("same_file", "p1", 101, "MENTOR", "2022-01-01", null, "IGANGVAERENDE", jan, "d1/a.parquet", ingest1, "x", 1),
            row("same_file", "p1", 101, "MENTOR", "2022-01-01", null, "PLANLAGT", jan, "d1/a.parquet", ingest1, "y", 2),
            // one file: an end date beats none (nulls lowest)
            row("same_file_end", "p2", 101, "MENTOR", "2022-01-01", "2022-01-31", "AFSLUTTET", jan, "d1/a.parquet", ingest1, null, 3),
            row("same_file_end", "p2", 101, "MENTOR", "2022-01-01", null, "AFSLUTTET", jan, "d1/a.parquet", ingest1, null, 4),
            // two files of one ingest: the file whose path sorts last wins, whatever its content
            row("two_files", "p3", 101, "MENTOR", "2022-01-01", null, "PLANLAGT", jan, "d2/a.parquet", ingest1, null, 5),
            row("two_files", "p3", 101, "MENTOR", "2022-01-01", null, "ANNULLERET", jan, "d3/a.parquet", ingest1, null, 6),
            // two ingests: the later ingest wins, even from a file whose path sorts first
            row("two_ingests", "p4", 101, "MENTOR", "2022-01-01", null, "PLANLAGT", jan, "d9/a.parquet", ingest1, null, 7),
            row("two_ingests", "p4", 101, "MENTOR", "2022-01-01", null, "ANNULLERET", jan, "d1/a.parquet", ingest2, null, 8),
            // rows that differ only in an extra column: either gives the same contract row
            row("extra_only", "p5", 101, "MENTOR", "2022-01-01", null, "PLANLAGT", jan, "d1/a.parquet", ingest1, "x", 9),
            row("extra_only", "p5", 101, "MENTOR", "2022-01-01", null, "PLANLAGT", jan, "d1/a.parquet", ingest1, "y", 10));
    Dataset<Row> expected =
        Expect.table(session(),
            "offer_id string, person_id string, municipality_code int, offer_type string, start_date date, end_date date, status string, reported_at timestamp",
            row("same_file", "p1", 101, "MENTOR", "2022-01-01", null, "PLANLAGT", jan),
            row("same_file_end", "p2", 101, "MENTOR", "2022-01-01", "2022-01-31", "AFSLUTTET", jan),
            row("two_files", "p3", 101, "MENTOR", "2022-01-01", null, "ANNULLERET", jan),
            row("two_ingests", "p4", 101, "MENTOR", "2022-01-01", null, "ANNULLERET", jan),
            row("extra_only", "p5", 101, "MENTOR", "2022-01-01", null, "PLANLAGT", jan));
    java.util.Map<String, Dataset<Row>> inputs = new java.util.LinkedHashMap<>();
    inputs.put("forwards", bronze.orderBy(functions.col("seq")).coalesce(1));
    inputs.put("backwards", bronze.orderBy(functions.col("seq").desc()).coalesce(1));
    inputs.put("repartitioned", bronze.repartition(4, functions.col("seq")));
    inputs.put("reverse_repartitioned", bronze.orderBy(functions.col("seq").desc()).repartition(3));
    for (java.util.Map.Entry<String, Dataset<Row>> in : inputs.entrySet()) {
      try {
        Frames.assertSameRows(
            expected, Corrections.latest(in.getValue().drop("seq"), Sources.PLANDATA_SPEC), Cols.OFFER_ID);
      } catch (AssertionError e) {
        throw new AssertionError("input read " + in.getKey() + ": " + e.getMessage(), e);
      }
    }
  }
}
