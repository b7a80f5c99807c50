package dk.star.fokusmaal.gold;

import static dk.star.fokusmaal.contract.Cols.*;
import static dk.star.fokusmaal.testing.Frames.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.rules.SupervisionStatus;
import dk.star.fokusmaal.testing.TestRules;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SupervisionTest extends ResultTestBase {
  private static final String NONE = SupervisionStatus.NONE.name();
  private static final String JUSTERET_OPFOELGNING = SupervisionStatus.JUSTERET_OPFOELGNING.name();
  private static final String SKAERPET_TILSYN_LIGHT = SupervisionStatus.SKAERPET_TILSYN_LIGHT.name();
  private static final String SKAERPET_TILSYN = SupervisionStatus.SKAERPET_TILSYN.name();


  private static final StructType OUT =
      schema(
          YEAR + " INT", MUNICIPALITY_CODE + " INT", MUNICIPALITY_NAME + " STRING",
          MEETS_RESULT_GOAL + " BOOLEAN", DIFFERENCE_PP + " DOUBLE",
          AVG_PASSIVE_CONVERSATIONS_PCT + " DOUBLE", AVG_PASSIVE_OFFERS_PCT + " DOUBLE",
          MEETS_CONVERSATION_GOAL + " BOOLEAN", MEETS_OFFER_GOAL + " BOOLEAN",
          SUPERVISION_STATUS + " STRING", RULE_VERSION + " STRING");

  private static final StructType STATUS_ONLY =
      schema(YEAR + " INT", MUNICIPALITY_CODE + " INT", MEETS_OFFER_GOAL + " BOOLEAN", SUPERVISION_STATUS + " STRING", RULE_VERSION + " STRING");

  private static Dataset<Row> status(Dataset<Row> focus, Dataset<Row> result, Rules rules) {
    Dataset<Row> out = Supervision.status(focus, result, rules);
    assertEquals(withoutRunId(Tables.SUPERVISION.columnNames()), columnsOf(out));
    return out;
  }

  /** Seed 001, Table 1: the ten municipalities failing the tilbud fokusmål in 2022 (five of them). */
  private static Dataset<Row> table1Focus() {
    return frame(
        FOCUS_12M,
        focus("2022-12-01", MARIAGERFJORD, 8.0, 25.9),
        focus("2022-12-01", ODDER, 9.0, 21.4),
        focus("2022-12-01", NYBORG, 7.0, 33.3),
        focus("2022-12-01", BORNHOLM, 12.0, 20.2),
        focus("2022-12-01", VEJLE, 6.0, 22.0),
        // Fails the resultatmål but meets both fokusmål.
        focus("2022-12-01", AALBORG, 10.0, 15.0),
        // Not December, and the national row: neither decides anything.
        focus("2022-11-01", MARIAGERFJORD, 8.0, 10.0),
        focus("2022-12-01", null, 6.5, 17.0));
  }

  private static Dataset<Row> table1Result() {
    return frame(
        RESULT_GOAL_IN,
        resultAll("2022-01-01", "2022-12-31", MARIAGERFJORD, 0.08, false),
        resultAll("2022-01-01", "2022-12-31", ODDER, 0.16, false),
        resultAll("2022-01-01", "2022-12-31", NYBORG, -0.27, true),
        resultAll("2022-01-01", "2022-12-31", BORNHOLM, -0.04, true),
        resultAll("2022-01-01", "2022-12-31", VEJLE, -0.04, true),
        resultAll("2022-01-01", "2022-12-31", AALBORG, 0.3, false),
        // Neither a half-year pair nor a single benefit group decides.
        resultAll("2021-07-01", "2022-06-30", NYBORG, 0.5, false),
        row(d("2022-01-01"), d("2022-12-31"), NYBORG, KONTANTHJAELP_MV, 0.4, false));
  }

  @Test
  void table1Of2022_mariagerfjordAndOdderUnderSkaerpetTilsynLight_othersMeetTheResultGoal() {
    Dataset<Row> expected =
        frame(
            OUT,
            row(2022, MARIAGERFJORD, "Mariagerfjord", false, 0.08, 8.0, 25.9, true, false, SKAERPET_TILSYN_LIGHT, "2022.1"),
            row(2022, ODDER, "Odder", false, 0.16, 9.0, 21.4, true, false, SKAERPET_TILSYN_LIGHT, "2022.1"),
            // Highest passive share of all, but the resultatmål is met: never under supervision.
            row(2022, NYBORG, "Nyborg", true, -0.27, 7.0, 33.3, true, false, NONE, "2022.1"),
            row(2022, BORNHOLM, "Bornholm", true, -0.04, 12.0, 20.2, true, false, NONE, "2022.1"),
            row(2022, VEJLE, "Vejle", true, -0.04, 6.0, 22.0, true, false, NONE, "2022.1"),
            row(2022, AALBORG, "Aalborg", false, 0.3, 10.0, 15.0, true, true, NONE, "2022.1"));
    assertSameRows(expected, status(table1Focus(), table1Result(), RULES), YEAR, MUNICIPALITY_CODE);
  }

  @Test
  void year2021_conversationsLeadToSkaerpetTilsyn_offersToJusteretOpfoelgning_bothToTheMoreSevere() {
    Dataset<Row> focus =
        frame(
            FOCUS_12M,
            focus("2021-12-01", LEJRE, 25.0, 10.0),
            focus("2021-12-01", ASSENS, 10.0, 25.0),
            focus("2021-12-01", SAMSOE, 30.0, 30.0),
            // Exactly 20.0 meets a fokusmål.
            focus("2021-12-01", SLAGELSE, 20.0, 20.0));
    Dataset<Row> result =
        frame(
            RESULT_GOAL_IN,
            resultAll("2021-01-01", "2021-12-31", LEJRE, 0.1, false),
            resultAll("2021-01-01", "2021-12-31", ASSENS, 0.2, false),
            resultAll("2021-01-01", "2021-12-31", SAMSOE, 0.9, false),
            resultAll("2021-01-01", "2021-12-31", SLAGELSE, 0.1, false));
    Dataset<Row> expected =
        frame(
            OUT,
            row(2021, LEJRE, "Lejre", false, 0.1, 25.0, 10.0, false, true, SKAERPET_TILSYN, "2021.1"),
            row(2021, ASSENS, "Assens", false, 0.2, 10.0, 25.0, true, false, JUSTERET_OPFOELGNING, "2021.1"),
            row(2021, SAMSOE, "Samsø", false, 0.9, 30.0, 30.0, false, false, SKAERPET_TILSYN, "2021.1"),
            row(2021, SLAGELSE, "Slagelse", false, 0.1, 20.0, 20.0, true, true, NONE, "2021.1"));
    assertSameRows(expected, status(focus, result, RULES), YEAR, MUNICIPALITY_CODE);
  }

  @Test
  void years2019And2020AreInformationOnly() {
    Dataset<Row> focus =
        frame(FOCUS_12M, focus("2019-12-01", SAMSOE, 30.0, 30.0), focus("2020-12-01", SAMSOE, 30.0, 30.0));
    Dataset<Row> result =
        frame(
            RESULT_GOAL_IN,
            resultAll("2019-01-01", "2019-12-31", SAMSOE, 0.9, false),
            resultAll("2020-01-01", "2020-12-31", SAMSOE, 0.9, false));
    Dataset<Row> expected =
        frame(
            STATUS_ONLY,
            row(2019, SAMSOE, false, NONE, "2019.1"),
            row(2020, SAMSOE, false, NONE, "2020.1"));
    assertSameRows(expected, status(focus, result, RULES), YEAR, MUNICIPALITY_CODE);
  }

  @Test
  void from2024TheOffersThresholdIs30PercentAndEitherFailureGivesSkaerpetTilsyn() {
    Dataset<Row> focus =
        frame(
            FOCUS_12M,
            focus("2024-12-01", FURESOE, 10.0, 25.0), // under 30 %: met
            focus("2024-12-01", LEJRE, 10.0, 30.5),
            focus("2025-12-01", LEJRE, 10.0, 30.5)); // no 2025 file: 2024's rules hold
    Dataset<Row> result =
        frame(
            RESULT_GOAL_IN,
            resultAll("2024-01-01", "2024-12-31", FURESOE, 0.2, false),
            resultAll("2024-01-01", "2024-12-31", LEJRE, 0.2, false),
            resultAll("2025-01-01", "2025-12-31", LEJRE, 0.2, false));
    Dataset<Row> expected =
        frame(
            STATUS_ONLY,
            row(2024, FURESOE, true, NONE, "2024.1"),
            row(2024, LEJRE, false, SKAERPET_TILSYN, "2024.1"),
            row(2025, LEJRE, false, SKAERPET_TILSYN, "2024.1"));
    assertSameRows(expected, status(focus, result, RULES), YEAR, MUNICIPALITY_CODE);
  }

  @Test
  void aRulesOverrideChangesTheDecisionWithoutACodeChange() {
    // Sensitivity analysis: a 30 % tilbud threshold for 2022 takes Mariagerfjord (25.9) and Odder
    // (21.4) out; a sharper consequence puts them under skærpet tilsyn instead.
    Rules threshold30 = TestRules.with(Map.of("2022.offers.threshold_pct", "30"));
    Rules sharper = TestRules.with(Map.of("2022.supervision.offers_failed", SKAERPET_TILSYN));
    Dataset<Row> focus = frame(FOCUS_12M, focus("2022-12-01", MARIAGERFJORD, 8.0, 25.9), focus("2022-12-01", ODDER, 9.0, 21.4));
    Dataset<Row> result =
        frame(
            RESULT_GOAL_IN,
            resultAll("2022-01-01", "2022-12-31", MARIAGERFJORD, 0.08, false),
            resultAll("2022-01-01", "2022-12-31", ODDER, 0.16, false));
    assertSameRows(
        frame(STATUS_ONLY, row(2022, MARIAGERFJORD, true, NONE, "2022.1"), row(2022, ODDER, true, NONE, "2022.1")),
        status(focus, result, threshold30),
        YEAR, MUNICIPALITY_CODE);
    assertSameRows(
        frame(
            STATUS_ONLY,
            row(2022, MARIAGERFJORD, false, SKAERPET_TILSYN, "2022.1"),
            row(2022, ODDER, false, SKAERPET_TILSYN, "2022.1")),
        status(focus, result, sharper),
        YEAR, MUNICIPALITY_CODE);
  }

  @Test
  void aYearThatDoesNotDecideGivesNoneEvenWithConsequencesConfigured() {
    Rules postponed = TestRules.with(Map.of("2021.supervision.decides", "false"));
    Dataset<Row> focus = frame(FOCUS_12M, focus("2021-12-01", SAMSOE, 30.0, 30.0));
    Dataset<Row> result = frame(RESULT_GOAL_IN, resultAll("2021-01-01", "2021-12-31", SAMSOE, 0.9, false));
    assertSameRows(
        frame(STATUS_ONLY, row(2021, SAMSOE, false, NONE, "2021.1")),
        status(focus, result, postponed),
        YEAR, MUNICIPALITY_CODE);
  }

  @Test
  void bothGoalsFailedGiveTheMoreSevereStatusWhicheverGoalItComesFrom() {
    // Made-up rules: samtaler only justeret opfølgning, tilbud light. Both failed: light.
    Rules milder =
        TestRules.with(Map.of("2022.supervision.conversations_failed", JUSTERET_OPFOELGNING));
    Dataset<Row> focus =
        frame(FOCUS_12M, focus("2022-12-01", SAMSOE, 30.0, 30.0), focus("2022-12-01", LEJRE, 30.0, 10.0));
    Dataset<Row> result =
        frame(
            RESULT_GOAL_IN,
            resultAll("2022-01-01", "2022-12-31", SAMSOE, 0.9, false),
            resultAll("2022-01-01", "2022-12-31", LEJRE, 0.9, false));
    assertSameRows(
        frame(
            STATUS_ONLY,
            row(2022, SAMSOE, false, SKAERPET_TILSYN_LIGHT, "2022.1"),
            row(2022, LEJRE, true, JUSTERET_OPFOELGNING, "2022.1")),
        status(focus, result, milder),
        YEAR, MUNICIPALITY_CODE);
  }

  @Test
  void missingFiguresGiveANullStatusOnlyWhenTheyCouldChangeIt() {
    Dataset<Row> focus =
        frame(
            FOCUS_12M,
            // 2022, no calendar-year resultatmål yet: undecided.
            focus("2022-12-01", VEJLE, 30.0, 30.0),
            // Resultatmål failed, samtaler failed (skærpet tilsyn, the most severe), tilbud unknown.
            focus("2022-12-01", SAMSOE, 25.0, null),
            // Resultatmål failed, tilbud failed (light), samtaler unknown: could be skærpet tilsyn.
            focus("2022-12-01", LEJRE, null, 25.0),
            // Resultatmål failed, tilbud met, samtaler unknown: could be skærpet tilsyn.
            focus("2022-12-01", ASSENS, null, 10.0));
    Dataset<Row> result =
        frame(
            RESULT_GOAL_IN,
            resultAll("2022-01-01", "2022-12-31", SAMSOE, 0.5, false),
            resultAll("2022-01-01", "2022-12-31", LEJRE, 0.5, false),
            resultAll("2022-01-01", "2022-12-31", ASSENS, 0.5, false),
            // Resultatmål met, December not built: never under supervision anyway.
            resultAll("2022-01-01", "2022-12-31", ODDER, -0.1, true),
            // Resultatmål failed, December not built: undecided.
            resultAll("2022-01-01", "2022-12-31", NYBORG, 0.1, false),
            // 2020 does not decide, whatever is missing.
            resultAll("2020-01-01", "2020-12-31", NYBORG, 0.1, false));
    Dataset<Row> expected =
        frame(
            OUT,
            row(2022, VEJLE, "Vejle", null, null, 30.0, 30.0, false, false, null, "2022.1"),
            row(2022, SAMSOE, "Samsø", false, 0.5, 25.0, null, false, null, SKAERPET_TILSYN, "2022.1"),
            row(2022, LEJRE, "Lejre", false, 0.5, null, 25.0, null, false, null, "2022.1"),
            row(2022, ASSENS, "Assens", false, 0.5, null, 10.0, null, true, null, "2022.1"),
            row(2022, ODDER, "Odder", true, -0.1, null, null, null, null, NONE, "2022.1"),
            row(2022, NYBORG, "Nyborg", false, 0.1, null, null, null, null, null, "2022.1"),
            row(2020, NYBORG, "Nyborg", false, 0.1, null, null, null, null, NONE, "2020.1"));
    assertSameRows(expected, status(focus, result, RULES), YEAR, MUNICIPALITY_CODE);
  }

  @Test
  void anUnknownStatusInTheRulesFailsBeforeAnyData() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> TestRules.with(Map.of("2022.supervision.offers_failed", "SKAERPET")));
    assertTrue(e.getMessage().contains("SKAERPET") && e.getMessage().contains("2022"), e.getMessage());
  }

}
