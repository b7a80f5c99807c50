package dk.star.fokusmaal.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dk.star.fokusmaal.cli.Main;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.testing.SparkTestBase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** export: contract column order, a header, UTF-8, Danish CSV, one file per table or month. */
class ExportTest extends SparkTestBase {
  /** gold.focus_goal_12m with its columns stored out of contract order, two months. */
  private static Lake lake(SparkSession spark) {
    Lake lake = new Lake(tmp("export-lake").toString());
    Dataset<Row> rows = spark.sql(
        "SELECT * FROM VALUES "
            + "('r1', true, 12.5D, DATE'2023-06-01', 860, 'Hjørring', 0.00001D, 12, CAST(NULL AS BOOLEAN)), "
            + "('r1', false, 33.333333333333336D, DATE'2023-06-01', 101, 'København', 100.0D, 11, true), "
            + "('r2', true, 1.0D, DATE'2023-07-01', 101, 'København', 2.0D, 12, true) "
            + "AS t(run_id, meets_conversation_goal, avg_passive_conversations_pct_12m, month, municipality_code, "
            + "municipality_name, avg_passive_offers_pct_12m, months_in_average, meets_offer_goal)");
    DeltaIO.overwrite(rows, lake.table(Lake.GOLD, "focus_goal_12m"), "{}");
    return lake;
  }

  @Test
  void danishCsvOfOneMonth() throws Exception {
    SparkSession spark = session();
    Path out = tmp("export-da");
    String file = Export.run(spark, lake(spark),
        new Export.Request("gold.focus_goal_12m", YearMonth.of(2023, 6), Export.Format.CSV, true), out.toString());
    assertEquals(out.resolve("focus_goal_12m_2023-06.csv").toString(), file);
    byte[] bytes = Files.readAllBytes(Path.of(file));
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3), "UTF-8 byte-order mark");
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertEquals(
        String.join("\n",
            String.join(";", Tables.FOCUS_GOAL_12M.columnNames()),
            "2023-06-01;101;København;33,333333333333;100;11;false;true;r1",
            "2023-06-01;860;Hjørring;12,5;0,00001;12;true;;r1",
            ""),
        text);
    try (var files = Files.list(out)) {
      assertEquals(List.of(Path.of(file)), files.toList(), "one file, no Spark leftovers");
    }
  }

  @Test
  void englishCsvAndParquetOfTheWholeTable() throws Exception {
    SparkSession spark = session();
    Lake lake = lake(spark);
    Path out = tmp("export-en");
    String csv = Export.run(spark, lake, new Export.Request("gold.focus_goal_12m", null, Export.Format.CSV, false), out.toString());
    assertEquals(
        List.of(String.join(",", Tables.FOCUS_GOAL_12M.columnNames()),
            "2023-06-01,101,København,33.333333333333,100,11,false,true,r1",
            "2023-06-01,860,Hjørring,12.5,0.00001,12,true,,r1",
            "2023-07-01,101,København,1,2,12,true,true,r2"),
        Files.readAllLines(Path.of(csv), StandardCharsets.UTF_8));
    String parquet = Export.run(spark, lake, new Export.Request("gold.focus_goal_12m", null, Export.Format.PARQUET, false), out.toString());
    assertEquals(out.resolve("focus_goal_12m.parquet").toString(), parquet);
    Dataset<Row> back = spark.read().parquet(parquet);
    assertEquals(Tables.FOCUS_GOAL_12M.columnNames(), List.of(back.columns()));
    assertEquals(3, back.count());
  }

  @Test
  void onlyServedTablesAreExported() {
    assertNull(Export.refusal("gold.result_goal"));
    assertNull(Export.refusal("meta.run_log"));
    assertNotNull(Export.refusal("silver.person_month"));
    assertNotNull(Export.refusal("restricted.followup_persons"));
    assertNotNull(Export.refusal("meta.logs"));
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("export", "--lake", tmp("export-cli").toString(), "--table", "restricted.followup_persons", "--out", tmp("x").toString());
    assertEquals(Main.USAGE, code, err.toString());
  }
}
