package dk.star.fokusmaal.silver;

import static dk.star.fokusmaal.testing.Expect.row;
import static org.apache.spark.sql.functions.col;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.testing.Expect;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.Registry;
import dk.star.fokusmaal.testing.SparkTestBase;
import java.time.YearMonth;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** silver.activity_month: one person's month facts, before any rule of SPEC §7. */
class ActivityMonthsTest extends SparkTestBase {
  private static Dataset<Row> months(Registry.Tass t, Registry.Offers o, Registry.Pay p, String last) {
    Dataset<Row> persons = Expect.table(session(), "person_id string", row("anna"), row("bo"));
    return ActivityMonths.of(
        Corrections.latest(t.frame(session()), Sources.TASS_SPEC),
        Corrections.latest(o.frame(session()), Sources.PLANDATA_SPEC),
        Corrections.latest(p.frame(session()), Sources.EINDKOMST_SPEC),
        persons, YearMonth.of(2000, 1), YearMonth.parse(last));
  }

  @Test
  void heldConversationsAsDaysPerTypeOffersInForceAndProratedHours() {
    Registry.Tass t =
        Registry.tass()
            // two types on 3 March, one of them twice: day 3 once per type
            .conversation("c1", "anna", "2022-03-03", "JOBSAMTALE", "AFHOLDT")
            .conversation("c2", "anna", "2022-03-03", "OPFOELGNINGSSAMTALE", "AFHOLDT")
            .conversation("c3", "anna", "2022-03-03", "JOBSAMTALE", "AFHOLDT")
            .conversation("c4", "anna", "2022-03-31", "JOBSAMTALE", "AFHOLDT")
            // not held: no day
            .conversation("c5", "anna", "2022-03-10", "JOBSAMTALE", "AFLYST")
            // not in the persons given
            .conversation("c6", "carl", "2022-03-10", "JOBSAMTALE", "AFHOLDT");
    Registry.Offers o =
        Registry.offers()
            .offer("o1", "bo", "MENTOR", "2022-02-15", "2022-03-01", "AFSLUTTET")
            // ongoing: in force up to the last month given
            .offer("o2", "bo", "VIRKSOMHEDSPRAKTIK", "2022-03-20", null, "IGANGVAERENDE");
    Registry.Pay p =
        Registry.pay()
            // 31 days, 16 in March and 15 in April
            .report("bo", "E1", "2022-03-16", "2022-04-15", 310.0, "ORDINAER")
            .report("bo", "E2", "2022-03-01", "2022-03-31", 99.0, "LOENTILSKUD");
    Dataset<Row> m = months(t, o, p, "2022-04");
    Frames.assertSameRows(
        Expect.table(session(),
            "person_id string, month date, jobsamtale int, opfoelgning int, offer_kinds string, ordinary_hours double",
            row("anna", "2022-03", (1 << 2) | (1 << 30), 1 << 2, "", null),
            row("bo", "2022-02", null, null, "MENTOR/AFSLUTTET", null),
            row("bo", "2022-03", null, null, "MENTOR/AFSLUTTET,VIRKSOMHEDSPRAKTIK/IGANGVAERENDE", 160.0),
            row("bo", "2022-04", null, null, "VIRKSOMHEDSPRAKTIK/IGANGVAERENDE", 150.0)),
        m.select(
            col(Cols.PERSON_ID), col(Cols.MONTH),
            col(Cols.CONVERSATION_DAYS).getItem("JOBSAMTALE").as("jobsamtale"),
            col(Cols.CONVERSATION_DAYS).getItem("OPFOELGNINGSSAMTALE").as("opfoelgning"),
            org.apache.spark.sql.functions.array_join(col(Cols.OFFER_KINDS), ",").as("offer_kinds"),
            col(Cols.ORDINARY_HOURS)),
        Cols.PERSON_ID, Cols.MONTH);
    // Counted under a rule: distinct days over the counted types; offers by type and status.
    Frames.assertSameRows(
        Expect.table(session(), "person_id string, month date, days int, offer boolean",
            row("anna", "2022-03", 2, false),
            row("bo", "2022-02", 0, false),
            row("bo", "2022-03", 0, true),
            row("bo", "2022-04", 0, true)),
        m.select(col(Cols.PERSON_ID), col(Cols.MONTH),
            ActivityMonths.conversationDays(Set.of("JOBSAMTALE", "OPFOELGNINGSSAMTALE")).as("days"),
            ActivityMonths.hasOffer(Set.of("VIRKSOMHEDSPRAKTIK"), Set.of("IGANGVAERENDE", "AFSLUTTET")).as("offer")),
        Cols.PERSON_ID, Cols.MONTH);
  }
}
