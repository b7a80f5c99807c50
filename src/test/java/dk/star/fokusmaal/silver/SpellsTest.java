package dk.star.fokusmaal.silver;

import static dk.star.fokusmaal.testing.Expect.row;
import static org.apache.spark.sql.functions.col;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.testing.Expect;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.Registry;
import dk.star.fokusmaal.testing.SparkTestBase;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** SPEC §5.2: which periods form one spell, and when each spell started. */
class SpellsTest extends SparkTestBase {

  private static Dataset<Row> spellStarts(Registry.Kmd k, Registry.Municipal m) {
    return Periods.spelled(Registry.fleur().frame(session()), k.frame(session()), m.frame(session()), YearMonth.of(2022, 12))
        .select(col(Cols.PERSON_ID), col(Cols.BENEFIT_CODE), col(Cols.START_DATE), col(Cols.SPELL_START));
  }

  @Test
  void monthGapRule() {
    Registry.Municipal m =
        Registry.municipal()
            // 20 days across a month boundary: the spell goes on
            .period("a1", "gap_20_days", 101, "KONTANTHJAELP", false, "2020-01-01", "2020-06-20")
            .period("a2", "gap_20_days", 101, "KONTANTHJAELP", false, "2020-07-10", null)
            // all of July without the benefit: a new spell
            .period("b1", "whole_month_gap", 101, "KONTANTHJAELP", false, "2020-01-01", "2020-06-30")
            .period("b2", "whole_month_gap", 101, "KONTANTHJAELP", false, "2020-08-01", null)
            // e = 31 January: 29 February continues …
            .period("c1", "leap_continues", 101, "KONTANTHJAELP", false, "2020-01-01", "2020-01-31")
            .period("c2", "leap_continues", 101, "KONTANTHJAELP", false, "2020-02-29", "2020-05-31")
            // … 1 March begins a new spell
            .period("d1", "march_breaks", 101, "KONTANTHJAELP", false, "2020-01-01", "2020-01-31")
            .period("d2", "march_breaks", 101, "KONTANTHJAELP", false, "2020-03-01", "2020-05-31")
            // the latest end of all earlier periods counts, not the previous period's end
            .period("e1", "latest_end", 101, "KONTANTHJAELP", false, "2020-01-01", "2020-09-30")
            .period("e2", "latest_end", 101, "KONTANTHJAELP", false, "2020-02-01", "2020-02-28")
            .period("e3", "latest_end", 101, "KONTANTHJAELP", false, "2020-10-15", null)
            // a move between municipalities does not start a spell
            .period("f1", "moves", 101, "KONTANTHJAELP", false, "2020-01-01", "2020-05-31")
            .period("f2", "moves", 751, "KONTANTHJAELP", false, "2020-06-01", null);
    Dataset<Row> expected =
        Expect.table(session(), "person_id string, benefit_code string, start_date date, spell_start date",
            row("gap_20_days", "KONTANTHJAELP", "2020-01-01", "2020-01-01"),
            row("gap_20_days", "KONTANTHJAELP", "2020-07-10", "2020-01-01"),
            row("whole_month_gap", "KONTANTHJAELP", "2020-01-01", "2020-01-01"),
            row("whole_month_gap", "KONTANTHJAELP", "2020-08-01", "2020-08-01"),
            row("leap_continues", "KONTANTHJAELP", "2020-01-01", "2020-01-01"),
            row("leap_continues", "KONTANTHJAELP", "2020-02-29", "2020-01-01"),
            row("march_breaks", "KONTANTHJAELP", "2020-01-01", "2020-01-01"),
            row("march_breaks", "KONTANTHJAELP", "2020-03-01", "2020-03-01"),
            row("latest_end", "KONTANTHJAELP", "2020-01-01", "2020-01-01"),
            row("latest_end", "KONTANTHJAELP", "2020-02-01", "2020-01-01"),
            row("latest_end", "KONTANTHJAELP", "2020-10-15", "2020-01-01"),
            row("moves", "KONTANTHJAELP", "2020-01-01", "2020-01-01"),
            row("moves", "KONTANTHJAELP", "2020-06-01", "2020-01-01"));
    Frames.assertSameRows(expected, spellStarts(Registry.kmd(), m), Cols.PERSON_ID, Cols.START_DATE);
  }

  @Test
  void changeOfBenefit() {
    Registry.Municipal m =
        Registry.municipal()
            // overgangsydelse followed by kontanthjælp within a month: the same spell
            .period("o1", "integration_to_kh", 101, "OVERGANGSYDELSE", true, "2020-03-01", "2020-12-31")
            .period("o2", "integration_to_kh", 101, "KONTANTHJAELP", false, "2021-01-15", null)
            // hjemrejseydelse followed by uddannelseshjælp after a whole month: a new spell
            .period("h1", "integration_gap", 101, "HJEMREJSEYDELSE", false, "2020-03-01", "2020-10-31")
            .period("h2", "integration_gap", 101, "UDDANNELSESHJAELP", false, "2020-12-01", null)
            // kontanthjælp followed by overgangsydelse: not the exception, a new spell
            .period("r1", "kh_to_integration", 101, "KONTANTHJAELP", false, "2020-03-01", "2020-12-31")
            .period("r2", "kh_to_integration", 101, "OVERGANGSYDELSE", false, "2021-01-01", null)
            // kontanthjælp followed by sygedagpenge: a new spell
            .period("s1", "kh_to_sick", 101, "KONTANTHJAELP", false, "2020-01-01", "2020-12-31");
    Registry.Kmd k = Registry.kmd().sickCase("c1", "kh_to_sick", 101, "2021-01-01", null);
    Dataset<Row> expected =
        Expect.table(session(), "person_id string, benefit_code string, start_date date, spell_start date",
            row("integration_to_kh", "OVERGANGSYDELSE", "2020-03-01", "2020-03-01"),
            row("integration_to_kh", "KONTANTHJAELP", "2021-01-15", "2020-03-01"),
            row("integration_gap", "HJEMREJSEYDELSE", "2020-03-01", "2020-03-01"),
            row("integration_gap", "UDDANNELSESHJAELP", "2020-12-01", "2020-12-01"),
            row("kh_to_integration", "KONTANTHJAELP", "2020-03-01", "2020-03-01"),
            row("kh_to_integration", "OVERGANGSYDELSE", "2021-01-01", "2021-01-01"),
            row("kh_to_sick", "KONTANTHJAELP", "2020-01-01", "2020-01-01"),
            row("kh_to_sick", "SYGEDAGPENGE", "2021-01-01", "2021-01-01"));
    Frames.assertSameRows(expected, spellStarts(k, m), Cols.PERSON_ID, Cols.START_DATE);
  }
}
