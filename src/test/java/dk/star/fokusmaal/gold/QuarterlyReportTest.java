package dk.star.fokusmaal.gold;

import static dk.star.fokusmaal.contract.Cols.*;
import static dk.star.fokusmaal.testing.Frames.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.testing.TestRules;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class QuarterlyReportTest extends ResultTestBase {

  private static final StructType OUT =
      schema(
          MONTH + " DATE", MUNICIPALITY_CODE + " INT", MUNICIPALITY_NAME + " STRING",
          AVG_PASSIVE_CONVERSATIONS_PCT_12M + " DOUBLE", AVG_PASSIVE_OFFERS_PCT_12M + " DOUBLE",
          MEETS_CONVERSATION_GOAL + " BOOLEAN", MEETS_OFFER_GOAL + " BOOLEAN",
          MEETS_RESULT_GOAL + " BOOLEAN", AT_RISK + " BOOLEAN");

  private static final StructType RISK_ONLY =
      schema(MONTH + " DATE", MUNICIPALITY_CODE + " INT", MEETS_RESULT_GOAL + " BOOLEAN", AT_RISK + " BOOLEAN");

  private static Dataset<Row> report(Dataset<Row> focus, Dataset<Row> result, Rules rules) {
    Dataset<Row> out = QuarterlyReport.report(focus, result, rules);
    assertEquals(withoutRunId(Tables.QUARTERLY_REPORT.columnNames()), columnsOf(out));
    return out;
  }

  @Test
  void theLetterOfSeptember2021_samtalerAndResultatmaalFailedIsAtRisk_tilbudWasFollowUpOnly() {
    // Seed 004: data July 2020 - June 2021, resultatmål of the half-year pair ending June 2021.
    Dataset<Row> focus =
        frame(
            FOCUS_12M,
            // Samsø: far from the samtaler goal and above its expected level: at risk.
            focus("2021-06-01", SAMSOE, 30.0, 25.0),
            // Assens: fails tilbud and the resultatmål; tilbud is follow-up only in 2021.
            focus("2021-06-01", ASSENS, 10.0, 25.0),
            // The sixth municipality failing samtaler meets the resultatmål.
            focus("2021-06-01", VEJLE, 25.0, 10.0),
            // Not a quarter-end month, and the national row: not reported.
            focus("2021-05-01", SAMSOE, 30.0, 25.0),
            focus("2021-06-01", null, 9.0, 18.0));
    Dataset<Row> result =
        frame(
            RESULT_GOAL_IN,
            resultAll("2020-07-01", "2021-06-30", SAMSOE, 0.6, false),
            resultAll("2020-07-01", "2021-06-30", ASSENS, 0.2, false),
            resultAll("2020-07-01", "2021-06-30", VEJLE, -0.3, true),
            // Ends after June 2021: not yet known in the letter.
            resultAll("2021-01-01", "2021-12-31", SAMSOE, -0.1, true),
            // Older than the pair.
            resultAll("2020-01-01", "2020-12-31", ASSENS, -0.1, true),
            // A single benefit group never stands for the municipality.
            row(d("2020-07-01"), d("2021-06-30"), VEJLE, KONTANTHJAELP_MV, 0.2, false));
    Dataset<Row> expected =
        frame(
            OUT,
            row(d("2021-06-01"), SAMSOE, "Samsø", 30.0, 25.0, false, false, false, true),
            row(d("2021-06-01"), ASSENS, "Assens", 10.0, 25.0, true, false, false, false),
            row(d("2021-06-01"), VEJLE, "Vejle", 25.0, 10.0, false, true, true, false));
    assertSameRows(expected, report(focus, result, RULES), MONTH, MUNICIPALITY_CODE);
  }

  @Test
  void eachQuarterUsesTheLatestBenchmarkPeriodEndedByTheMonth() {
    Dataset<Row> focus =
        frame(
            FOCUS_12M,
            focus("2021-03-01", SAMSOE, 30.0, 10.0),
            focus("2021-06-01", SAMSOE, 30.0, 10.0),
            focus("2021-09-01", SAMSOE, 30.0, 10.0),
            focus("2021-12-01", SAMSOE, 30.0, 10.0));
    Dataset<Row> result =
        frame(
            RESULT_GOAL_IN,
            resultAll("2020-01-01", "2020-12-31", SAMSOE, -0.1, true),
            resultAll("2020-07-01", "2021-06-30", SAMSOE, 0.6, false),
            resultAll("2021-01-01", "2021-12-31", SAMSOE, -0.2, true));
    Dataset<Row> expected =
        frame(
            RISK_ONLY,
            row(d("2021-03-01"), SAMSOE, true, false), // calendar 2020
            row(d("2021-06-01"), SAMSOE, false, true), // the pair ends 30 June 2021
            row(d("2021-09-01"), SAMSOE, false, true), // still the pair
            row(d("2021-12-01"), SAMSOE, true, false)); // calendar 2021
    assertSameRows(expected, report(focus, result, RULES), MONTH, MUNICIPALITY_CODE);
  }

  @Test
  void tilbudLightIn2022And2023IsBinding_2020IsInformationOnly_2024UsesThe30PercentThreshold() {
    Dataset<Row> focus =
        frame(
            FOCUS_12M,
            focus("2022-09-01", MARIAGERFJORD, 8.0, 25.9),
            focus("2023-03-01", ODDER, 9.0, 21.4),
            focus("2020-12-01", LEJRE, 30.0, 30.0),
            focus("2024-06-01", FURESOE, 10.0, 25.0),
            focus("2024-06-01", NYBORG, 10.0, 33.3));
    Dataset<Row> result =
        frame(
            RESULT_GOAL_IN,
            resultAll("2021-07-01", "2022-06-30", MARIAGERFJORD, 0.08, false),
            resultAll("2022-01-01", "2022-12-31", ODDER, 0.16, false),
            resultAll("2020-01-01", "2020-12-31", LEJRE, 0.4, false),
            resultAll("2023-01-01", "2023-12-31", FURESOE, 0.1, false),
            resultAll("2023-01-01", "2023-12-31", NYBORG, 0.1, false));
    Dataset<Row> expected =
        frame(
            OUT,
            row(d("2022-09-01"), MARIAGERFJORD, "Mariagerfjord", 8.0, 25.9, true, false, false, true),
            row(d("2023-03-01"), ODDER, "Odder", 9.0, 21.4, true, false, false, true),
            row(d("2020-12-01"), LEJRE, "Lejre", 30.0, 30.0, false, false, false, false),
            row(d("2024-06-01"), FURESOE, "Furesø", 10.0, 25.0, true, true, false, false),
            row(d("2024-06-01"), NYBORG, "Nyborg", 10.0, 33.3, true, false, false, true));
    assertSameRows(expected, report(focus, result, RULES), MONTH, MUNICIPALITY_CODE);
  }

  @Test
  void atRiskIsNullOnlyWhenTheMissingFigureDecidesIt() {
    Dataset<Row> focus =
        frame(
            FOCUS_12M,
            // No benchmark period has ended yet: samtaler failed, so it depends on the resultatmål.
            focus("2021-03-01", ODDER, 30.0, 10.0),
            // No benchmark period either, but no binding goal failed: not at risk.
            focus("2021-06-01", ODDER, 10.0, 25.0),
            // Resultatmål failed, samtaler average missing, tilbud follow-up only: unknown.
            focus("2021-06-01", NYBORG, null, 25.0),
            // Resultatmål met: not at risk whatever is missing.
            focus("2021-06-01", VEJLE, null, null));
    Dataset<Row> result =
        frame(
            RESULT_GOAL_IN,
            resultAll("2020-07-01", "2021-06-30", NYBORG, 0.1, false),
            resultAll("2020-07-01", "2021-06-30", VEJLE, -0.1, true));
    Dataset<Row> expected =
        frame(
            OUT,
            row(d("2021-03-01"), ODDER, "Odder", 30.0, 10.0, false, true, null, null),
            row(d("2021-06-01"), ODDER, "Odder", 10.0, 25.0, true, false, null, false),
            row(d("2021-06-01"), NYBORG, "Nyborg", null, 25.0, null, false, false, null),
            row(d("2021-06-01"), VEJLE, "Vejle", null, null, null, null, true, false));
    assertSameRows(expected, report(focus, result, RULES), MONTH, MUNICIPALITY_CODE);
  }

  @Test
  void aRulesOverrideMakingTilbudBindingIn2021PutsItsFailuresAtRisk() {
    Rules binding2021 = TestRules.with(Map.of("2021.offers.goal", "BINDING"));
    Dataset<Row> focus = frame(FOCUS_12M, focus("2021-06-01", ASSENS, 10.0, 25.0));
    Dataset<Row> result = frame(RESULT_GOAL_IN, resultAll("2020-07-01", "2021-06-30", ASSENS, 0.2, false));
    assertSameRows(
        frame(RISK_ONLY, row(d("2021-06-01"), ASSENS, false, true)),
        report(focus, result, binding2021),
        MONTH, MUNICIPALITY_CODE);
  }

}
