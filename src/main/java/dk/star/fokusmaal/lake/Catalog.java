package dk.star.fokusmaal.lake;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The session catalog entries of the lake's tables (SPEC §3: {@code SELECT * FROM gold.…}). */
public final class Catalog {
  private Catalog() {}

  /**
   * Registers every Delta table of the served zones ({@link Lake#SERVED_ZONES}: never the
   * restricted zone) in the session catalog as {@code zone.table}, so that {@code SELECT * FROM
   * gold.focus_goal_monthly} works in every session and over JDBC.
   */
  public static Map<String, String> register(SparkSession spark, Lake lake) {
    return register(spark, lake, Lake.SERVED_ZONES);
  }

  /** Registers the Delta tables of {@code zones} (the restricted zone is refused). */
  public static Map<String, String> register(SparkSession spark, Lake lake, String... zones) {
    Map<String, String> registered = new LinkedHashMap<>();
    for (String zone : zones) {
      if (Lake.RESTRICTED.equals(zone)) {
        throw new IllegalArgumentException("the restricted zone is never registered in a catalog");
      }
      String zonePath = lake.root() + "/" + zone;
      for (String name : DeltaIO.listDirs(spark, zonePath)) {
        String path = zonePath + "/" + name;
        if (!DeltaIO.exists(spark, path)) continue;
        registerTable(spark, zone, name, path);
        registered.put(zone + "." + name, path);
      }
    }
    return registered;
  }

  /**
   * Whether the session's catalog outlives the job: a Hive metastore ({@code
   * spark.sql.catalogImplementation=hive}, a cluster's environment). Only then is registering the
   * tables a job wrote worth its cost (a snapshot load per table); Spark's default in-memory
   * catalog ends with the job, and the serving session ({@code serve}) registers what it
   * serves itself.
   */
  public static boolean persistent(SparkSession spark) {
    return "hive".equals(spark.conf().get("spark.sql.catalogImplementation", "in-memory"));
  }

  /** Registers one Delta table folder as {@code db.name}. */
  public static void registerTable(SparkSession spark, String db, String name, String path) {
    if (!spark.catalog().databaseExists(db)) spark.sql("CREATE DATABASE IF NOT EXISTS " + db);
    spark.sql(String.format("CREATE TABLE IF NOT EXISTS %s.%s USING DELTA LOCATION '%s'", db, name, path));
  }

  /** The catalog database of a scenario's gold tables. */
  public static String scenarioDatabase(String scenario) {
    return "scenario_" + scenario;
  }

  /**
   * Registers a scenario's gold tables as {@code scenario_NAME.table} (never under the official
   * {@code gold} database).
   */
  public static Map<String, String> registerScenario(SparkSession spark, Lake scenarioLake, String scenario) {
    Map<String, String> registered = new LinkedHashMap<>();
    String db = scenarioDatabase(scenario);
    String zonePath = scenarioLake.root() + "/" + Lake.GOLD;
    for (String name : DeltaIO.listDirs(spark, zonePath)) {
      String path = zonePath + "/" + name;
      if (!DeltaIO.exists(spark, path)) continue;
      registerTable(spark, db, name, path);
      registered.put(db + "." + name, path);
    }
    return registered;
  }
}
