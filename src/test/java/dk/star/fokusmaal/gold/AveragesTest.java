package dk.star.fokusmaal.gold;

import static dk.star.fokusmaal.testing.Expect.row;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.testing.Expect;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.SparkTestBase;
import dk.star.fokusmaal.testing.TestRules;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** SPEC §5.7 and §8.3: the 12-month averages and whether the goals are met. */
class AveragesTest extends SparkTestBase {
  private static final String MONTHLY =
      "month date, municipality_code int, breakdown string, breakdown_value string, passive_conversations_pct double, passive_offers_pct double";
  private static final String NATIONAL =
      "month date, breakdown string, breakdown_value string, passive_conversations_pct double, passive_offers_pct double";
  private static final String OUT =
      "month date, municipality_code int, municipality_name string, avg_passive_conversations_pct_12m double, "
          + "avg_passive_offers_pct_12m double, months_in_average int, meets_conversation_goal boolean, meets_offer_goal boolean";

  private static void twelve(List<Object[]> rows, int muni, YearMonth end, double conv, double offers) {
    for (int i = 11; i >= 0; i--) {
      rows.add(row(end.minusMonths(i).toString(), muni, "ALL", "ALL", conv, offers));
    }
  }

  @Test
  void averagesLeaveOutExemptAndSuppressedMonths() {
    List<Object[]> rows = new ArrayList<>();
    // 2020: March–June are exempt; they carry 90 % which must not pull the mean up
    for (YearMonth m = YearMonth.of(2020, 1); !m.isAfter(YearMonth.of(2020, 12)); m = m.plusMonths(1)) {
      boolean exempt = m.getMonthValue() >= 3 && m.getMonthValue() <= 6;
      rows.add(row(m.toString(), 101, "ALL", "ALL", exempt ? 90.0 : 10.0, exempt ? 90.0 : 20.0));
    }
    // a month with a suppressed share (null) and a month without a row at all are left out
    for (YearMonth m = YearMonth.of(2020, 1); !m.isAfter(YearMonth.of(2020, 12)); m = m.plusMonths(1)) {
      if (m.getMonthValue() == 5) continue;
      boolean suppressed = m.getMonthValue() == 2;
      rows.add(row(m.toString(), 727, "ALL", "ALL", suppressed ? null : (double) m.getMonthValue(), suppressed ? null : 30.0));
    }
    // other breakdowns never enter the average
    rows.add(row("2020-12", 101, "BENEFIT", "KONTANTHJAELP", 99.0, 99.0));
    Dataset<Row> national =
        Expect.table(session(), NATIONAL, row("2020-12", "ALL", "ALL", 7.5, 17.5), row("2020-04", "ALL", "ALL", 50.0, 50.0));
    Dataset<Row> actual =
        Averages.twelveMonth(Expect.table(session(), MONTHLY, rows.toArray(new Object[0][])), national,
            TestRules.RULES, YearMonth.of(2020, 12), YearMonth.of(2020, 12));
    // 727: months 1, 3, 4, 6 … 12 minus exempt 3, 4, 6 → 1, 7, 8, 9, 10, 11, 12: mean 58/7
    Frames.assertSameRows(
        Expect.table(session(), OUT,
            row("2020-12", 101, "København", 10.0, 20.0, 8, true, true),
            row("2020-12", 727, "Odder", 58.0 / 7, 30.0, 7, true, false),
            row("2020-12", null, null, 7.5, 17.5, 1, true, true)),
        actual, Cols.MONTH, Cols.MUNICIPALITY_CODE);
  }

  @Test
  void thresholdIsInclusiveAndFollowsTheYear() {
    List<Object[]> rows = new ArrayList<>();
    twelve(rows, 101, YearMonth.of(2022, 12), 20.0, 20.01); // exactly 20.0 meets, 20.01 does not
    twelve(rows, 147, YearMonth.of(2022, 12), 19.99, 20.0);
    twelve(rows, 151, YearMonth.of(2024, 12), 20.01, 25.0); // 2024: offers threshold 30 %
    twelve(rows, 153, YearMonth.of(2024, 12), 20.0, 30.01);
    Dataset<Row> monthly = Expect.table(session(), MONTHLY, rows.toArray(new Object[0][]));
    Dataset<Row> national = Expect.table(session(), NATIONAL);
    Dataset<Row> actual =
        Averages.twelveMonth(monthly, national, TestRules.RULES, YearMonth.of(2022, 12), YearMonth.of(2024, 12))
            .filter("month = date'2022-12-01' or month = date'2024-12-01'");
    Frames.assertSameRows(
        Expect.table(session(), OUT,
            row("2022-12", 101, "København", 20.0, 20.01, 12, true, false),
            row("2022-12", 147, "Frederiksberg", 19.99, 20.0, 12, true, true),
            row("2024-12", 151, "Ballerup", 20.01, 25.0, 12, false, true),
            row("2024-12", 153, "Brøndby", 20.0, 30.01, 12, true, false)),
        actual, Cols.MONTH, Cols.MUNICIPALITY_CODE);
  }
}
