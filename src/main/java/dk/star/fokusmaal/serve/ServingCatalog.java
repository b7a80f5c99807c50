package dk.star.fokusmaal.serve;

import dk.star.fokusmaal.lake.Catalog;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The tables {@code serve} registers for its clients (SPEC §3, §8): every {@code gold} table, the
 * {@code meta} tables that hold no person ids, and with {@code --scenario NAME} that scenario's
 * gold tables as {@code scenario_NAME.*}. Bronze, quarantine and silver hold person-level rows;
 * restricted is never served to BI clients (SPEC §8); other scenarios are research in progress.
 */
public final class ServingCatalog {
  private ServingCatalog() {}

  /**
   * The meta tables served: their columns are runs, sources, files, rules and counts, never a
   * person id (see lake.Tables RUN_LOG, DQ_RESULTS, INGESTED_FILES). Named one by one so that a
   * meta table added later is not served until someone has looked at its columns.
   */
  public static final List<String> META_SERVED = List.of("run_log", "dq_results", "ingested_files");

  /**
   * Registers the served tables in {@code spark}'s catalog.
   *
   * @return {@code database.table} → table folder, in registration order
   */
  public static Map<String, String> register(SparkSession spark, Lake lake, String scenario) {
    Map<String, String> served = new LinkedHashMap<>();
    String gold = lake.root() + "/" + Lake.GOLD;
    for (String name : DeltaIO.listDirs(spark, gold)) {
      registerIfDelta(spark, Lake.GOLD, name, gold + "/" + name, served);
    }
    for (String name : META_SERVED) {
      registerIfDelta(spark, Lake.META, name, lake.table(Lake.META, name), served);
    }
    if (scenario != null) {
      Lake s = lake.scenario(scenario);
      if (!s.exists(spark.sparkContext().hadoopConfiguration())) {
        throw new IllegalArgumentException("scenario " + scenario + " has no tables (" + s + ")");
      }
      served.putAll(Catalog.registerScenario(spark, s, scenario));
    }
    return served;
  }

  private static void registerIfDelta(
      SparkSession spark, String db, String name, String path, Map<String, String> served) {
    if (!DeltaIO.exists(spark, path)) return;
    Catalog.registerTable(spark, db, name, path);
    served.put(db + "." + name, path);
  }
}
