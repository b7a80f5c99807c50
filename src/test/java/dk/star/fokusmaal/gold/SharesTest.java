package dk.star.fokusmaal.gold;

import static dk.star.fokusmaal.testing.Expect.row;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.rules.Months;
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

/** SPEC §5.7 and §8.1–8.2: monthly passive shares, breakdowns, suppression, national pooling. */
class SharesTest extends SparkTestBase {
  private static final String MEASURED =
      "person_id string, month date, benefit_code string, benefit_group string, municipality_code int, "
          + "is_passive_conversations boolean, is_passive_offers boolean";
  private static final YearMonth JAN = YearMonth.of(2022, 1);

  /** n persons of one municipality and benefit in January 2022, the first k passive for both goals. */
  private static void persons(List<Object[]> rows, String prefix, int muni, String benefit, String group, int n, int passiveConv, int passiveOffers) {
    for (int i = 0; i < n; i++) {
      rows.add(row(prefix + i, "2022-01", benefit, group, muni, i < passiveConv, i < passiveOffers));
    }
  }

  private Dataset<Row> measured() {
    List<Object[]> rows = new ArrayList<>();
    // København: 10 on kontanthjælp (1 passive for conversations, 4 for offers) and 4 on sygedagpenge
    persons(rows, "kbh_kh_", 101, "KONTANTHJAELP", "KONTANTHJAELP_MV", 10, 1, 4);
    persons(rows, "kbh_sdp_", 101, "SYGEDAGPENGE", "SYGEDAGPENGE_MV", 4, 4, 4);
    // Odder: 5 on a-dagpenge, all passive for both
    persons(rows, "odder_", 727, "A_DAGPENGE", "A_DAGPENGE_MV", 5, 5, 5);
    return Expect.table(session(), MEASURED, rows.toArray(new Object[0][]));
  }

  @Test
  void municipalSharesWithBreakdownsAndSuppression() {
    Dataset<Row> actual = Shares.municipal(Shares.municipalCounts(measured()), TestRules.RULES);
    Dataset<Row> expected =
        Expect.table(session(),
            "month date, municipality_code int, municipality_name string, region_name string, breakdown string, breakdown_value string, "
                + "population long, passive_conversations long, passive_conversations_pct double, passive_offers long, passive_offers_pct double, suppressed boolean, covid_flag boolean",
            row("2022-01", 101, "København", "Region Hovedstaden", "ALL", "ALL", 14L, 5L, 500.0 / 14, 8L, 800.0 / 14, false, true),
            // secondary suppression: ALL - KONTANTHJAELP_MV would give the hidden SYGEDAGPENGE_MV
            // cell (and ALL - KONTANTHJAELP the hidden SYGEDAGPENGE), so the other part is hidden too
            row("2022-01", 101, "København", "Region Hovedstaden", "BENEFIT_GROUP", "KONTANTHJAELP_MV", 10L, null, null, null, null, true, true),
            // a cell of 4 persons: counts and percentages hidden
            row("2022-01", 101, "København", "Region Hovedstaden", "BENEFIT_GROUP", "SYGEDAGPENGE_MV", 4L, null, null, null, null, true, true),
            row("2022-01", 101, "København", "Region Hovedstaden", "BENEFIT", "KONTANTHJAELP", 10L, null, null, null, null, true, true),
            row("2022-01", 101, "København", "Region Hovedstaden", "BENEFIT", "SYGEDAGPENGE", 4L, null, null, null, null, true, true),
            // a cell of 5 persons is shown
            row("2022-01", 727, "Odder", "Region Midtjylland", "ALL", "ALL", 5L, 5L, 100.0, 5L, 100.0, false, true),
            row("2022-01", 727, "Odder", "Region Midtjylland", "BENEFIT_GROUP", "A_DAGPENGE_MV", 5L, 5L, 100.0, 5L, 100.0, false, true),
            row("2022-01", 727, "Odder", "Region Midtjylland", "BENEFIT", "A_DAGPENGE", 5L, 5L, 100.0, 5L, 100.0, false, true));
    Frames.assertSameRows(expected, actual, Cols.MUNICIPALITY_CODE, Cols.BREAKDOWN, Cols.BREAKDOWN_VALUE);
  }

  @Test
  void nationalSharesArePooledNotAveraged() {
    Dataset<Row> actual = Shares.national(Shares.municipalCounts(measured()), TestRules.RULES);
    // pooled: (5 + 5) / 19, where the mean of the municipal shares would be (35.7 + 100) / 2
    Dataset<Row> expected =
        Expect.table(session(),
            "month date, breakdown string, breakdown_value string, population long, passive_conversations long, "
                + "passive_conversations_pct double, passive_offers long, passive_offers_pct double, suppressed boolean",
            row("2022-01", "ALL", "ALL", 19L, 10L, 1000.0 / 19, 13L, 1300.0 / 19, false),
            // secondary suppression: all of it is København's, whose cell is hidden (the nation
            // is the sum of its municipalities, and no other municipality is left to hide)
            row("2022-01", "BENEFIT_GROUP", "KONTANTHJAELP_MV", 10L, null, null, null, null, true),
            row("2022-01", "BENEFIT_GROUP", "SYGEDAGPENGE_MV", 4L, null, null, null, null, true),
            row("2022-01", "BENEFIT_GROUP", "A_DAGPENGE_MV", 5L, 5L, 100.0, 5L, 100.0, false),
            row("2022-01", "BENEFIT", "KONTANTHJAELP", 10L, null, null, null, null, true),
            row("2022-01", "BENEFIT", "SYGEDAGPENGE", 4L, null, null, null, null, true),
            row("2022-01", "BENEFIT", "A_DAGPENGE", 5L, 5L, 100.0, 5L, 100.0, false));
    Frames.assertSameRows(expected, actual, Cols.BREAKDOWN, Cols.BREAKDOWN_VALUE);
  }

  @Test
  void aHiddenMunicipalityIsNotRecoverableFromTheNationalTotal() {
    List<Object[]> rows = new ArrayList<>();
    persons(rows, "kbh_", 101, "KONTANTHJAELP", "KONTANTHJAELP_MV", 10, 2, 3);
    persons(rows, "frb_", 147, "KONTANTHJAELP", "KONTANTHJAELP_MV", 6, 1, 1);
    persons(rows, "odder_", 727, "KONTANTHJAELP", "KONTANTHJAELP_MV", 3, 3, 3);
    Dataset<Row> counts = Shares.municipalCounts(Expect.table(session(), MEASURED, rows.toArray(new Object[0][])));
    Dataset<Row> suppression = Shares.suppression(counts, TestRules.RULES);
    String ddl = "municipality_code int, breakdown string, breakdown_value string, passive_conversations long, suppressed boolean";
    // Odder's 3 persons are hidden; the nation (19) minus København (10) minus Frederiksberg (6)
    // would give them back, so the smallest sibling, Frederiksberg, is hidden too, in every
    // breakdown; København and the nation stay published (19 - 10 = 9 is Odder and
    // Frederiksberg together)
    Frames.assertSameRows(
        Expect.table(session(), ddl,
            row(101, "ALL", "ALL", 2L, false), row(101, "BENEFIT_GROUP", "KONTANTHJAELP_MV", 2L, false),
            row(101, "BENEFIT", "KONTANTHJAELP", 2L, false),
            row(147, "ALL", "ALL", null, true), row(147, "BENEFIT_GROUP", "KONTANTHJAELP_MV", null, true),
            row(147, "BENEFIT", "KONTANTHJAELP", null, true),
            row(727, "ALL", "ALL", null, true), row(727, "BENEFIT_GROUP", "KONTANTHJAELP_MV", null, true),
            row(727, "BENEFIT", "KONTANTHJAELP", null, true)),
        Shares.municipal(counts, suppression, TestRules.RULES),
        Cols.MUNICIPALITY_CODE, Cols.BREAKDOWN, Cols.BREAKDOWN_VALUE);
    Frames.assertSameRows(
        Expect.table(session(), "breakdown string, breakdown_value string, population long, passive_conversations long, suppressed boolean",
            row("ALL", "ALL", 19L, 6L, false), row("BENEFIT_GROUP", "KONTANTHJAELP_MV", 19L, 6L, false),
            row("BENEFIT", "KONTANTHJAELP", 19L, 6L, false)),
        Shares.national(counts, suppression, TestRules.RULES),
        Cols.BREAKDOWN, Cols.BREAKDOWN_VALUE);
  }

  @Test
  void covidFlagOnEveryWindowOverlappingACovidPeriod() {
    Dataset<Row> months =
        Expect.table(session(), "month date",
            row("2020-02"), row("2020-03"), row("2021-04"), row("2021-05"), row("2022-04"), row("2022-05"));
    Dataset<Row> actual =
        months.withColumn(Cols.COVID_FLAG, Months.covidFlag(months.col(Cols.MONTH), TestRules.RULES));
    Frames.assertSameRows(
        Expect.table(session(), "month date, covid_flag boolean",
            row("2020-02", false), // window Mar 2019 – Feb 2020
            row("2020-03", true), // contains 12 March 2020
            row("2021-04", true), // window from 1 May 2020: overlaps until 26 May 2020
            row("2021-05", true), // the second period, 20 Dec 2020 – 30 May 2021
            row("2022-04", true), // window from 1 May 2021
            row("2022-05", false)), // window from 1 June 2021
        actual, Cols.MONTH);
  }
}
