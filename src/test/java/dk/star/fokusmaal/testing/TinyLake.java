package dk.star.fokusmaal.testing;

import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.Progress;
import dk.star.fokusmaal.pipeline.Settings;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.pipeline.IngestJob;
import dk.star.fokusmaal.pipeline.Runs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A tiny lake whose bronze tables are written straight from literal registers: six long-term
 * kontanthjælp recipients in København (person i has i held conversations in June–November 2021,
 * so 0–3 are passive for conversations), a sick person in Odder, an a-dagpenge recipient in
 * Læsø, and in every other register a row of someone never in the population (an empty register
 * is refused as missing input).
 * Reported 1 January 2024, so it covers every month up to December 2023.
 */
public final class TinyLake {
  private TinyLake() {}

  public static Lake create(SparkSession spark, String name) {
    Lake lake = new Lake(SparkTestBase.tmp(name).toString());
    registers(spark).forEach((source, rows) -> write(spark, lake, source, rows));
    return lake;
  }

  /**
   * The same registers landed as one delivery ({@code landing/<source>/d1/}) and ingested by the
   * real ingest job, so bronze carries its lineage (run ids, ingest times).
   */
  public static Lake landed(SparkSession spark, String name) throws Exception {
    Lake lake = new Lake(SparkTestBase.tmp(name).toString());
    landAll(spark, lake);
    ingest(spark, lake);
    return lake;
  }

  /** Lands the registers as delivery {@code d1} of every source, for an ingest to come. */
  public static void landAll(SparkSession spark, Lake lake) {
    registers(spark).forEach((source, rows) -> land(lake, source, "d1", rows));
  }

  /** Lands {@code rows} as a new delivery folder of {@code source}. */
  public static void land(Lake lake, String source, String delivery, Dataset<Row> rows) {
    rows.coalesce(1).write().parquet(lake.landing(source) + "/" + delivery);
  }

  /** Runs the ingest job on the lake. */
  public static void ingest(SparkSession spark, Lake lake) throws Exception {
    JobContext ctx = context(spark, lake, TestRules.RULES);
    Runs.run(ctx, "ingest", Map.of(), log -> IngestJob.run(ctx, log));
  }

  private static Map<String, Dataset<Row>> registers(SparkSession spark) {
    Registry.Municipal m = Registry.municipal();
    Registry.Tass t = Registry.tass();
    for (int i = 0; i < 6; i++) {
      m.period("m" + i, "kh" + i, 101, "KONTANTHJAELP", false, "2020-01-01", null);
      for (int j = 0; j < i; j++) {
        t.conversation("c" + i + j, "kh" + i, String.format("2021-%02d-15", j + 6), "JOBSAMTALE", "AFHOLDT");
      }
    }
    Map<String, Dataset<Row>> r = new LinkedHashMap<>();
    // Two small cells in two benefit groups (a sick person in Odder, a full-time a-dagpenge
    // recipient in Læsø: 43 months of 160.33 hours), so that the hidden national groups are not
    // recoverable from the national total and København stays published. With one small group
    // alone, secondary suppression (the smallest sibling first) would hide national kontanthjælp
    // and, through nation = Σ municipalities, København with it.
    r.put(Sources.FLEUR, Registry.fleur().period("short", 101, "A_DAGPENGE", "2021-01-01", "2021-01-31", 160.33)
        .period("adp", 825, "A_DAGPENGE", "2020-06-01", "2023-12-31", 43 * 160.33).frame(spark));
    r.put(Sources.KMD_SYGEDAGPENGE, Registry.kmd().sickCase("s1", "sick", 727, "2020-06-01", null).frame(spark));
    r.put(Sources.MUNICIPAL_BENEFITS, m.frame(spark));
    r.put(Sources.TASS_CONVERSATIONS, t.frame(spark));
    r.put(Sources.PLANDATA_OFFERS, Registry.offers().offer("o", "short", "MENTOR", "2021-02-01", null, "IGANGVAERENDE").frame(spark));
    r.put(Sources.EINDKOMST, Registry.pay().report("short", "E1", "2021-02-01", "2021-02-28", 160.0, "ORDINAER").frame(spark));
    return r;
  }

  private static void write(SparkSession spark, Lake lake, String source, Dataset<Row> rows) {
    DeltaIO.overwrite(rows, lake.bronze(source), "{}");
  }

  /** A job context on {@code lake} with the test rules (or others). */
  public static JobContext context(SparkSession spark, Lake lake, Rules rules) {
    return new JobContext(spark, Settings.defaults(Map.of(Settings.LAKE, lake.root())), lake, rules, new Progress("test"));
  }
}
