package dk.star.fokusmaal.silver;

import static dk.star.fokusmaal.testing.Expect.row;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.testing.Expect;
import dk.star.fokusmaal.testing.SparkTestBase;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The data horizon (SPEC §4, issue 9.4): a register covers a month once it reported after it. */
class CoverageTest extends SparkTestBase {

  /** Reports just before and just after a Danish month's start, in winter and summer time. */
  private static final List<String> REPORTS =
      List.of("2023-12-31 23:59:59.999", "2024-01-01 00:00:00", "2024-03-31 23:30:00", "2024-07-01 00:00:00.001");

  @Test
  void theLastCoveredMonthIsTheMonthBeforeTheLatestReportInDanishTime() {
    List<YearMonth> expected = List.of(YearMonth.of(2023, 11), YearMonth.of(2023, 12), YearMonth.of(2024, 2), YearMonth.of(2024, 6));
    for (int i = 0; i < REPORTS.size(); i++) {
      Timestamp t = Timestamp.valueOf(REPORTS.get(i)); // the test JVM's zone is Europe/Copenhagen
      assertEquals(expected.get(i), Coverage.lastCoveredMonth(t.toInstant()), "instant rule for " + REPORTS.get(i));
      Dataset<Row> one = Expect.table(session(), "reported_at timestamp", row(t));
      Map<String, YearMonth> spark = Coverage.lastCovered(Map.of("r", one));
      assertEquals(expected.get(i), spark.get("r"), "Spark rule for " + REPORTS.get(i));
    }
  }

  @Test
  void theHorizonIsTheEarliestRegisterAndABuildBeyondItNamesIt() {
    Map<String, YearMonth> covered = new LinkedHashMap<>();
    covered.put("fleur", YearMonth.of(2023, 12));
    covered.put("tass_conversations", YearMonth.of(2023, 10));
    covered.put("eindkomst", YearMonth.of(2023, 11));
    assertEquals(YearMonth.of(2023, 10), Coverage.horizon(covered));
    assertEquals(YearMonth.of(2023, 10), Coverage.require(covered, YearMonth.of(2023, 10)));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Coverage.require(covered, YearMonth.of(2023, 11)));
    assertTrue(e.getMessage().contains("tass_conversations covers up to 2023-10"), e.getMessage());

    covered.put("kmd_sygedagpenge", null);
    IllegalStateException empty = assertThrows(IllegalStateException.class, () -> Coverage.horizon(covered));
    assertTrue(empty.getMessage().contains("input missing: kmd_sygedagpenge has no rows"), empty.getMessage());
  }

  @Test
  void allRegistersInOneGoKeepTheirOwnMonthsAndAnEmptyOneIsNull() {
    Dataset<Row> a = Expect.table(session(), "reported_at timestamp", row(Timestamp.valueOf("2023-05-02 10:00:00")));
    Dataset<Row> b = Expect.table(session(), "reported_at timestamp", row(Timestamp.valueOf("2023-09-30 10:00:00")));
    Dataset<Row> none = b.filter(col(Cols.REPORTED_AT).isNull());
    Map<String, Dataset<Row>> in = new LinkedHashMap<>();
    in.put("a", a);
    in.put("b", b);
    in.put("none", none);
    Map<String, YearMonth> out = Coverage.lastCovered(in);
    assertEquals(List.of("a", "b", "none"), List.copyOf(out.keySet()));
    assertEquals(YearMonth.of(2023, 4), out.get("a"));
    assertEquals(YearMonth.of(2023, 8), out.get("b"));
    assertEquals(null, out.get("none"));
  }
}
