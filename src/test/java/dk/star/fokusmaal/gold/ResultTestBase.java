package dk.star.fokusmaal.gold;

import static dk.star.fokusmaal.contract.Cols.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.testing.SparkTestBase;
import dk.star.fokusmaal.testing.TestRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Literal input and expected frames for the result tests, with column names from Cols. */
abstract class ResultTestBase extends SparkTestBase {

  /** The real rules of the repository (tests run from the worktree root). */
  static final Rules RULES = TestRules.RULES;

  // Municipality codes of the cases in the seeds (kommuner.csv).
  static final int FURESOE = 190;
  static final int SLAGELSE = 330;
  static final int LEJRE = 350;
  static final int BORNHOLM = 400;
  static final int ASSENS = 420;
  static final int NYBORG = 450;
  static final int VEJLE = 630;
  static final int ODDER = 727;
  static final int SAMSOE = 741;
  static final int MARIAGERFJORD = 846;
  static final int AALBORG = 851;

  static final String A_DAGPENGE_MV = "A_DAGPENGE_MV";
  static final String SYGEDAGPENGE_MV = "SYGEDAGPENGE_MV";
  static final String KONTANTHJAELP_MV = "KONTANTHJAELP_MV";

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static StructType schema(String... fields) {
    return StructType.fromDDL(String.join(", ", fields));
  }

  static Dataset<Row> frame(StructType schema, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) list.add(RowFactory.create(r));
    return session().createDataFrame(list, schema);
  }

  static Object[] row(Object... values) {
    return values;
  }

  static List<String> withoutRunId(List<String> cols) {
    return cols.stream().filter(c -> !c.equals(Cols.RUN_ID)).toList();
  }

  static List<String> columnsOf(Dataset<Row> df) {
    return Arrays.asList(df.columns());
  }

  // ---- input schemas --------------------------------------------------------------------------

  static final StructType PERIODS =
      schema(
          PERSON_ID + " STRING", SOURCE + " STRING", BENEFIT_CODE + " STRING",
          BENEFIT_GROUP + " STRING", MUNICIPALITY_CODE + " INT", START_DATE + " DATE",
          END_DATE + " DATE", UNEMPLOYMENT_HOURS + " DOUBLE", IN_INTEGRATION_PROGRAMME + " BOOLEAN");

  static final StructType BENCHMARK =
      schema(
          MUNICIPALITY_CODE + " INT", PERIOD_START + " DATE", PERIOD_END + " DATE",
          BENEFIT_GROUP + " STRING", EXPECTED_FTE + " DOUBLE");

  static final StructType POPULATION_TABLE =
      schema(MUNICIPALITY_CODE + " INT", YEAR + " INT", POPULATION_16_66 + " INT");

  static final StructType ACTUAL =
      schema(
          PERIOD_START + " DATE", PERIOD_END + " DATE", MUNICIPALITY_CODE + " INT",
          BENEFIT_GROUP + " STRING", ACTUAL_FTE + " DOUBLE");

  static final StructType FOCUS_12M =
      schema(
          MONTH + " DATE", MUNICIPALITY_CODE + " INT", AVG_PASSIVE_CONVERSATIONS_PCT_12M + " DOUBLE",
          AVG_PASSIVE_OFFERS_PCT_12M + " DOUBLE", MONTHS_IN_AVERAGE + " INT",
          MEETS_CONVERSATION_GOAL + " BOOLEAN", MEETS_OFFER_GOAL + " BOOLEAN");

  /** The columns of gold.result_goal that supervision and the quarterly report read. */
  static final StructType RESULT_GOAL_IN =
      schema(
          PERIOD_START + " DATE", PERIOD_END + " DATE", MUNICIPALITY_CODE + " INT",
          BENEFIT_GROUP + " STRING", DIFFERENCE_PP + " DOUBLE", MEETS_RESULT_GOAL + " BOOLEAN");

  /** A focus_goal_12m row; the input's own meets_* flags follow the default 20 % threshold. */
  static Object[] focus(String month, Integer municipality, Double conversations, Double offers) {
    return row(
        d(month), municipality, conversations, offers, 12,
        conversations == null ? null : conversations <= 20.0,
        offers == null ? null : offers <= 20.0);
  }

  /** A result_goal row for benefit group ALL. */
  static Object[] resultAll(String start, String end, int municipality, double differencePp, boolean met) {
    return row(d(start), d(end), municipality, ALL, differencePp, met);
  }
}
