package dk.star.fokusmaal.silver;

import static dk.star.fokusmaal.testing.Expect.row;
import static org.apache.spark.sql.functions.col;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.testing.Expect;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.Registry;
import dk.star.fokusmaal.testing.SparkTestBase;
import dk.star.fokusmaal.testing.TestRules;
import java.sql.Timestamp;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5.4–5.7 on the window of June 2022 (1 July 2021 – 30 June 2022): conversations, offers,
 * ordinary hours, and who is passive.
 */
class ActivityTest extends SparkTestBase {
  private static final String POP = "person_id string, month date, benefit_code string, benefit_group string, municipality_code int";
  private static final String OUT =
      "person_id string, month date, conversations_12m long, has_offer_12m boolean, ordinary_hours_12m double, "
          + "is_passive_conversations boolean, is_passive_offers boolean";

  private static Dataset<Row> measure(
      Dataset<Row> pop, Registry.Tass t, Registry.Offers o, Registry.Pay p, String from, String to) {
    Dataset<Row> activity =
        ActivityMonths.of(
            Corrections.latest(t.frame(session()), Sources.TASS_SPEC),
            Corrections.latest(o.frame(session()), Sources.PLANDATA_SPEC),
            Corrections.latest(p.frame(session()), Sources.EINDKOMST_SPEC),
            pop, YearMonth.of(2000, 1), YearMonth.parse(to));
    return Activity.measure(pop, activity, TestRules.RULES, YearMonth.parse(from), YearMonth.parse(to))
        .select(
            col(Cols.PERSON_ID), col(Cols.MONTH), col(Cols.CONVERSATIONS_12M), col(Cols.HAS_OFFER_12M),
            col(Cols.ORDINARY_HOURS_12M), col(Cols.PASSIVE_CONVERSATIONS_FLAG), col(Cols.PASSIVE_OFFERS_FLAG));
  }

  private static Object[] june(String person) {
    return row(person, "2022-06", "KONTANTHJAELP", "KONTANTHJAELP_MV", 101);
  }

  @Test
  void conversations() {
    Dataset<Row> pop =
        Expect.table(session(), POP, june("four_held"), june("three_and_noise"), june("window_edges"), june("none"));
    Registry.Tass t =
        Registry.tass()
            .conversation("a1", "four_held", "2021-08-01", "JOBSAMTALE", "AFHOLDT")
            .conversation("a2", "four_held", "2021-11-15", "OPFOELGNINGSSAMTALE", "AFHOLDT")
            .conversation("a3", "four_held", "2022-02-01", "FAELLES_JOBSAMTALE", "AFHOLDT")
            .conversation("a4", "four_held", "2022-05-20", "FLEKSJOB_OPFOELGNING", "AFHOLDT")
            .conversation("b1", "three_and_noise", "2021-08-01", "JOBSAMTALE", "AFHOLDT")
            .conversation("b2", "three_and_noise", "2021-11-15", "INTEGRATIONSSAMTALE", "AFHOLDT")
            .conversation("b3", "three_and_noise", "2022-02-01", "JOBSAMTALE", "AFHOLDT")
            .conversation("b4", "three_and_noise", "2022-03-01", "JOBSAMTALE", "AFLYST")
            .conversation("b5", "three_and_noise", "2022-04-01", "JOBSAMTALE", "UDEBLEVET")
            .conversation("b6", "three_and_noise", "2022-05-01", "INFORMATIONSMOEDE", "AFHOLDT")
            .conversation("b7", "three_and_noise", "2022-02-01", "OPFOELGNINGSSAMTALE", "AFHOLDT")
            .conversation("c1", "window_edges", "2021-06-30", "JOBSAMTALE", "AFHOLDT")
            .conversation("c2", "window_edges", "2021-07-01", "JOBSAMTALE", "AFHOLDT")
            .conversation("c3", "window_edges", "2022-06-30", "JOBSAMTALE", "AFHOLDT")
            .conversation("c4", "window_edges", "2022-07-01", "JOBSAMTALE", "AFHOLDT");
    Frames.assertSameRows(
        Expect.table(session(), OUT,
            row("four_held", "2022-06", 4L, false, 0.0, false, true),
            row("three_and_noise", "2022-06", 3L, false, 0.0, true, true),
            row("window_edges", "2022-06", 2L, false, 0.0, true, true),
            row("none", "2022-06", 0L, false, 0.0, true, true)),
        measure(pop, t, Registry.offers(), Registry.pay(), "2022-06", "2022-06"),
        Cols.PERSON_ID, Cols.MONTH);
  }

  @Test
  void offers() {
    Dataset<Row> pop =
        Expect.table(session(), POP, june("ends_first_day"), june("starts_last_day"), june("ended_before"),
            june("starts_after"), june("annulled"), june("planned"), june("mentor"), june("open_since_2019"));
    Registry.Offers o =
        Registry.offers()
            .offer("o1", "ends_first_day", "VIRKSOMHEDSPRAKTIK", "2021-01-01", "2021-07-01", "AFSLUTTET")
            .offer("o2", "starts_last_day", "LOENTILSKUD_PRIVAT", "2022-06-30", null, "IGANGVAERENDE")
            .offer("o3", "ended_before", "LOENTILSKUD_OFFENTLIG", "2021-01-01", "2021-06-30", "AFSLUTTET")
            .offer("o4", "starts_after", "NYTTEINDSATS", "2022-07-01", null, "IGANGVAERENDE")
            .offer("o5", "annulled", "VEJLEDNING_OPKVALIFICERING", "2022-01-01", "2022-02-01", "ANNULLERET")
            .offer("o6", "planned", "VIRKSOMHEDSPRAKTIK", "2022-03-01", "2022-04-01", "PLANLAGT")
            .offer("o7", "mentor", "MENTOR", "2022-01-01", null, "IGANGVAERENDE")
            .offer("o8", "mentor", "BEFORDRING", "2022-01-01", null, "IGANGVAERENDE")
            .offer("o9", "open_since_2019", "VEJLEDNING_OPKVALIFICERING", "2019-01-01", null, "IGANGVAERENDE");
    Frames.assertSameRows(
        Expect.table(session(), OUT,
            row("ends_first_day", "2022-06", 0L, true, 0.0, true, false),
            row("starts_last_day", "2022-06", 0L, true, 0.0, true, false),
            row("ended_before", "2022-06", 0L, false, 0.0, true, true),
            row("starts_after", "2022-06", 0L, false, 0.0, true, true),
            row("annulled", "2022-06", 0L, false, 0.0, true, true),
            row("planned", "2022-06", 0L, false, 0.0, true, true),
            row("mentor", "2022-06", 0L, false, 0.0, true, true),
            row("open_since_2019", "2022-06", 0L, true, 0.0, true, false)),
        measure(pop, Registry.tass(), o, Registry.pay(), "2022-06", "2022-06"),
        Cols.PERSON_ID, Cols.MONTH);
  }

  @Test
  void ordinaryHours() {
    Dataset<Row> pop =
        Expect.table(session(), POP, june("hours_225"), june("hours_224_9"), june("straddles_start"),
            june("subsidised"), june("corrected"),
            row("rule_of_2024", "2023-12", "KONTANTHJAELP", "KONTANTHJAELP_MV", 101),
            row("rule_of_2024", "2024-06", "KONTANTHJAELP", "KONTANTHJAELP_MV", 101));
    Registry.Pay p = Registry.pay();
    for (int month = 7; month <= 12; month++) {
      String s = String.format("2021-%02d-01", month);
      p.report("hours_225", "E1", s, YearMonth.parse(s.substring(0, 7)).atEndOfMonth().toString(), 37.5, "ORDINAER");
    }
    p.report("hours_224_9", "E1", "2022-01-01", "2022-01-31", 224.9, "ORDINAER")
        // half of a 30-day pay period lies inside the window: 150 of its 300 hours count
        .report("straddles_start", "E1", "2021-06-16", "2021-07-15", 300.0, "ORDINAER")
        .report("straddles_start", "E2", "2022-03-01", "2022-03-31", 74.99, "ORDINAER")
        .report("subsidised", "E1", "2022-01-01", "2022-01-31", 300.0, "LOENTILSKUD")
        .report("subsidised", "E2", "2022-02-01", "2022-02-28", 300.0, "FLEKSJOB")
        // a later report for the same key replaces the earlier one
        .report("corrected", "E1", "2022-01-01", "2022-01-31", 100.0, "ORDINAER", Timestamp.valueOf("2022-02-10 08:00:00"))
        .report("corrected", "E1", "2022-01-01", "2022-01-31", 250.0, "ORDINAER", Timestamp.valueOf("2022-03-10 08:00:00"))
        // 150 hours: under 225 in 2023, over the 100 of 2024
        .report("rule_of_2024", "E1", "2023-06-01", "2023-06-30", 150.0, "ORDINAER")
        .report("rule_of_2024", "E1", "2024-01-01", "2024-01-31", 150.0, "ORDINAER");
    Frames.assertSameRows(
        Expect.table(session(), OUT,
            row("hours_225", "2022-06", 0L, false, 225.0, true, false),
            row("hours_224_9", "2022-06", 0L, false, 224.9, true, true),
            row("straddles_start", "2022-06", 0L, false, 224.99, true, true),
            row("subsidised", "2022-06", 0L, false, 0.0, true, true),
            row("corrected", "2022-06", 0L, false, 250.0, true, false),
            row("rule_of_2024", "2023-12", 0L, false, 150.0, true, true),
            row("rule_of_2024", "2024-06", 0L, false, 150.0, true, false)),
        measure(pop, Registry.tass(), Registry.offers(), p, "2022-06", "2024-06"),
        Cols.PERSON_ID, Cols.MONTH);
  }
}
