package dk.star.fokusmaal.silver;

import static dk.star.fokusmaal.testing.Expect.row;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.testing.Expect;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
}
