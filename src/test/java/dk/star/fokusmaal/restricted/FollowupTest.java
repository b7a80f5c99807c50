package dk.star.fokusmaal.restricted;

import static dk.star.fokusmaal.testing.Expect.row;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.silver.ActivityMonths;
import dk.star.fokusmaal.silver.Corrections;
import dk.star.fokusmaal.silver.Periods;
import dk.star.fokusmaal.silver.Population;
import dk.star.fokusmaal.testing.Expect;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.Registry;
import dk.star.fokusmaal.testing.SparkTestBase;
import dk.star.fokusmaal.testing.TestRules;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The job centre's worklist of June 2022 (SPEC §8.7): window 1 July 2021 – 30 June 2022; the next
 * month-ends are 31 July, 31 August and 30 September 2022. Test rules: 4 conversations, 225 hours.
 */
class FollowupTest extends SparkTestBase {
  private static final YearMonth JUNE = YearMonth.of(2022, 6);

  private static Object[] member(String person, int muni) {
    return row(person, "2022-06", muni, "KONTANTHJAELP", "KONTANTHJAELP_MV", true, "2022-06", 14.0);
  }

  private static Dataset<Row> list(Dataset<Row> candidates, Registry.Tass t, Registry.Offers o, Registry.Pay p) {
    Dataset<Row> activity =
        ActivityMonths.of(
            Corrections.latest(t.frame(session()), Sources.TASS_SPEC),
            Corrections.latest(o.frame(session()), Sources.PLANDATA_SPEC),
            Corrections.latest(p.frame(session()), Sources.EINDKOMST_SPEC),
            candidates, YearMonth.of(2000, 1), JUNE);
    return Followup.persons(candidates, activity, TestRules.RULES, JUNE, JUNE)
        .withColumn(Cols.CONVERSATION_DUE_DATES, concat_ws(",", col(Cols.CONVERSATION_DUE_DATES).cast("array<string>")));
  }

  private static final String OUT =
      "person_id string, municipality_code int, priority int, in_population boolean, is_passive_conversations boolean, "
          + "is_passive_offers boolean, conversations_12m long, conversations_needed_1 int, conversations_needed_2 int, "
          + "conversations_needed_3 int, conversation_due_dates string, has_offer_12m boolean, offer_drops_out date, "
          + "ordinary_hours_12m double, hours_below_threshold_from date, offer_due date, next_due date";

  @Test
  void whoIsOnTheListAndByWhen() {
    Dataset<Row> candidates =
        Expect.table(session(), Followup.CANDIDATE_DDL,
            member("three_oldest_drops", 101), member("four_oldest_drops", 101), member("offer_11_months_ago", 101),
            member("hours_falling", 101), member("well_covered", 101),
            row("senior_next_month", "2022-06", 147, "KONTANTHJAELP", "KONTANTHJAELP_MV", false, "2022-07", 11.5));
    Registry.Tass t = Registry.tass();
    // oldest in July 2021: out of the window of July 2022
    int n = 0;
    for (String date : new String[] {"2021-07-10", "2021-12-01", "2022-03-01"}) {
      t.conversation("t" + n++, "three_oldest_drops", date, "JOBSAMTALE", "AFHOLDT");
    }
    for (String date : new String[] {"2021-07-10", "2021-12-01", "2022-03-01", "2022-05-01"}) {
      t.conversation("f" + n++, "four_oldest_drops", date, "JOBSAMTALE", "AFHOLDT");
    }
    // four recent conversations: only the offers are at risk
    for (String p : new String[] {"offer_11_months_ago", "hours_falling"}) {
      for (String date : new String[] {"2022-03-01", "2022-04-01", "2022-05-01", "2022-06-01"}) {
        t.conversation("r" + n++, p, date, "JOBSAMTALE", "AFHOLDT");
      }
    }
    for (String date : new String[] {"2022-01-03", "2022-02-01", "2022-03-01", "2022-04-01", "2022-05-02", "2022-06-01"}) {
      t.conversation("w" + n++, "well_covered", date, "OPFOELGNINGSSAMTALE", "AFHOLDT");
    }
    Registry.Offers o =
        Registry.offers()
            .offer("o1", "three_oldest_drops", "VIRKSOMHEDSPRAKTIK", "2022-01-01", null, "IGANGVAERENDE")
            .offer("o2", "four_oldest_drops", "VIRKSOMHEDSPRAKTIK", "2022-01-01", null, "IGANGVAERENDE")
            // the only offer ended in July 2021, 11 months before June 2022
            .offer("o3", "offer_11_months_ago", "LOENTILSKUD_PRIVAT", "2021-05-01", "2021-07-15", "AFSLUTTET")
            .offer("o4", "well_covered", "NYTTEINDSATS", "2022-02-01", null, "IGANGVAERENDE");
    // 300 ordinary hours in July 2021 only: enough in June 2022's window, gone from July's
    Registry.Pay p = Registry.pay().report("hours_falling", "E1", "2021-07-01", "2021-07-31", 300.0, "ORDINAER");

    Frames.assertSameRows(
        Expect.table(session(), OUT,
            row("three_oldest_drops", 101, 1, true, true, false, 3L, 2, 2, 2, "2022-07-31,2022-07-31", true, "2023-06-01", 0.0, null, null, "2022-07-31"),
            row("four_oldest_drops", 101, 2, true, false, false, 4L, 1, 1, 1, "2022-07-31", true, "2023-06-01", 0.0, null, null, "2022-07-31"),
            row("hours_falling", 101, 3, true, false, false, 4L, 0, 0, 0, "", false, null, 300.0, "2022-07-01", "2022-07-31", "2022-07-31"),
            row("offer_11_months_ago", 101, 4, true, false, false, 4L, 0, 0, 0, "", true, "2022-07-01", 0.0, null, "2022-07-31", "2022-07-31"),
            row("senior_next_month", 147, 1, false, false, false, 0L, 4, 4, 4, "2022-07-31,2022-07-31,2022-07-31,2022-07-31", false, null, 0.0, null, "2022-07-31", "2022-07-31")),
        list(candidates, t, o, p),
        Cols.PERSON_ID);
  }

  @Test
  void dueDatesSpreadOverTheMonthEndsAsConversationsDropOut() {
    // four conversations, one in each of July, August, September 2021 and June 2022: one more
    // is missing at each month-end ahead
    Dataset<Row> candidates = Expect.table(session(), Followup.CANDIDATE_DDL, member("staggered", 101));
    Registry.Tass t = Registry.tass();
    int n = 0;
    for (String date : new String[] {"2021-07-05", "2021-08-05", "2021-09-05", "2022-06-05"}) {
      t.conversation("s" + n++, "staggered", date, "JOBSAMTALE", "AFHOLDT");
    }
    Registry.Offers o = Registry.offers().offer("o", "staggered", "VIRKSOMHEDSPRAKTIK", "2022-01-01", null, "IGANGVAERENDE");
    Frames.assertSameRows(
        Expect.table(session(), "person_id string, conversations_needed_1 int, conversations_needed_2 int, conversations_needed_3 int, conversation_due_dates string, next_due date",
            row("staggered", 1, 2, 3, "2022-07-31,2022-08-31,2022-09-30", "2022-07-31")),
        list(candidates, t, o, Registry.pay()),
        Cols.PERSON_ID);
  }

  @Test
  void candidatesArePopulationAndThoseReachingSeniorityWithinThreeMonths() {
    Registry.Municipal m =
        Registry.municipal()
            .period("p1", "senior", 101, "KONTANTHJAELP", null, "2020-01-01", null)
            // 12 months on 14 July 2022: counts from July
            .period("p2", "next_month", 147, "KONTANTHJAELP", null, "2021-07-15", null)
            // 12 months on 30 September 2022: counts from September
            .period("p3", "in_three_months", 147, "UDDANNELSESHJAELP", null, "2021-10-01", null)
            // 12 months on 14 October 2022: too far ahead
            .period("p4", "in_four_months", 147, "KONTANTHJAELP", null, "2021-10-15", null)
            // would reach it next month, but the spell ended in June
            .period("p5", "ended", 147, "KONTANTHJAELP", null, "2021-07-15", "2022-06-20");
    Dataset<Row> spelled =
        Periods.spelled(Registry.fleur().frame(session()), Registry.kmd().frame(session()), m.frame(session()), JUNE);
    Dataset<Row> spellMonths = Population.spellMonths(Periods.closeOpen(spelled, dk.star.fokusmaal.rules.Months.lastDay(JUNE)), TestRules.RULES, JUNE, JUNE);
    Dataset<Row> population = Population.monthly(spellMonths);
    Frames.assertSameRows(
        Expect.table(session(), Followup.CANDIDATE_DDL,
            row("senior", "2022-06", 101, "KONTANTHJAELP", "KONTANTHJAELP_MV", true, "2022-06", 30.0),
            row("next_month", "2022-06", 147, "KONTANTHJAELP", "KONTANTHJAELP_MV", false, "2022-07", 11.55),
            row("in_three_months", "2022-06", 147, "UDDANNELSESHJAELP", "KONTANTHJAELP_MV", false, "2022-09", 9.0)),
        Followup.candidates(population, spellMonths, TestRules.RULES, JUNE, JUNE),
        Cols.PERSON_ID);
  }
}
