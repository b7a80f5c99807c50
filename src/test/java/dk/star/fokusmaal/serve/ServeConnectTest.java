package dk.star.fokusmaal.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.testing.SparkTestBase;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} as BI analysts meet it: the command runs as a process of its own on a tiny literal
 * lake, and a client JVM with nothing but spark-connect-client-jvm queries it. One server and one
 * client run answer every assertion, to keep the test to about a minute.
 */
@Tag("connect")
class ServeConnectTest extends SparkTestBase {
  private static final String TOKEN = "test-token-4f1c";
  private static Lake lake;
  private static Process server;
  private static Path serverLog;
  private static int port;
  private static final Thread KILL_SERVER = new Thread(ServeConnectTest::stopServer);

  @BeforeAll
  static void startServer() throws Exception {
    SparkSession spark = session();
    lake = new Lake(tmp("serve-lake").toString());
    write(spark, Lake.GOLD, "focus_goal_monthly", "DATE'2023-06-01' AS month, 101 AS municipality_code, 'København' AS municipality_name, 33.3D AS passive_conversations_pct");
    // version 1: a second month appended, so VERSION AS OF 0 has one row and the latest two
    spark.sql("SELECT DATE'2023-07-01' AS month, 101 AS municipality_code, 'København' AS municipality_name, 50.0D AS passive_conversations_pct")
        .write().format("delta").mode("append").save(lake.table(Lake.GOLD, "focus_goal_monthly"));
    write(spark, Lake.SILVER, "person_month", "'p1' AS person_id, DATE'2023-06-01' AS month");
    write(spark, Lake.RESTRICTED, "followup_persons", "'p1' AS person_id");
    write(spark, Lake.BRONZE, "municipal_benefits", "'p1' AS person_id");
    write(spark, Lake.META, "run_log", "'r1' AS run_id, 'build' AS job");

    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Runtime.getRuntime().addShutdownHook(KILL_SERVER);
    serverLog = Files.createTempFile("fokusmaal-serve", ".log");
    List<String> cmd = java();
    cmd.addAll(List.of("-Xmx1g", "-cp", testClassPath(), "dk.star.fokusmaal.cli.Main", "serve",
        "--lake", lake.root(), "--port", String.valueOf(port), "--master", "local[1]",
        "--set", "spark.sql.shuffle.partitions=1", "--set", "spark.driver.host=127.0.0.1",
        "--set", "spark.driver.bindAddress=127.0.0.1"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(serverLog.toFile());
    pb.environment().put(Endpoint.TOKEN_ENV, TOKEN);
    server = pb.start();
    awaitPort();
  }

  private static void write(SparkSession spark, String zone, String name, String select) {
    DeltaIO.overwrite(spark.sql("SELECT " + select), lake.table(zone, name), "{}");
  }

  /** Ready when the port accepts: the tables are registered before the endpoint opens. */
  private static void awaitPort() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) fail("serve exited with " + server.exitValue() + ":\n" + tail());
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
    }
    fail("serve did not open port " + port + ":\n" + tail());
  }

  @AfterAll
  static void stopServer() {
    Process p = server;
    if (p == null) return;
    p.destroy();
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    server = null;
    try {
      Runtime.getRuntime().removeShutdownHook(KILL_SERVER);
    } catch (IllegalStateException shuttingDown) {
      // already in the hook
    }
  }

  private static String tail() {
    try {
      List<String> lines = Files.readAllLines(serverLog, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Test
  void analystsReadGoldAndNothingElseAndWriteNothing() throws Exception {
    String gold = lake.table(Lake.GOLD, "focus_goal_monthly");
    String silver = lake.table(Lake.SILVER, "person_month");
    String restricted = lake.table(Lake.RESTRICTED, "followup_persons");
    Map<String, String> steps = new LinkedHashMap<>();
    steps.put("gold", "sql:SELECT municipality_name, passive_conversations_pct FROM gold.focus_goal_monthly ORDER BY month");
    steps.put("version0", "sql:SELECT count(*) FROM gold.focus_goal_monthly VERSION AS OF 0");
    steps.put("show", "sql:SHOW TABLES IN gold");
    steps.put("meta", "sql:SELECT job FROM meta.run_log");
    steps.put("silverByName", "sql:SELECT * FROM silver.person_month");
    steps.put("restrictedByName", "sql:SELECT * FROM restricted.followup_persons");
    steps.put("bronzeByName", "sql:SELECT * FROM bronze.municipal_benefits");
    steps.put("silverDeltaPath", "sql:SELECT * FROM delta.`" + silver + "`");
    steps.put("goldDeltaPath", "sql:SELECT * FROM delta.`" + gold + "`");
    steps.put("silverParquetPath", "sql:SELECT * FROM parquet.`" + silver + "`");
    steps.put("silverLoad", "load:delta:" + silver);
    steps.put("restrictedLoad", "load:parquet:" + restricted);
    steps.put("insert", "sql:INSERT INTO gold.focus_goal_monthly SELECT * FROM gold.focus_goal_monthly");
    steps.put("delete", "sql:DELETE FROM gold.focus_goal_monthly");
    steps.put("drop", "sql:DROP TABLE gold.focus_goal_monthly");
    steps.put("create", "sql:CREATE TABLE gold.extra (a INT) USING DELTA");
    steps.put("save", "save:" + lake.table(Lake.GOLD, "extra"));
    steps.put("reflect", "sql:SELECT reflect('java.lang.System', 'getProperty', 'user.home')");
    steps.put("udf", "udf:3");
    steps.put("noToken", "notoken:SELECT 1");
    steps.put("goldAfter", "sql:SELECT count(*) FROM gold.focus_goal_monthly");
    Map<String, String> r = client(steps);
    r.forEach((k, v) -> System.out.println("serve client " + k + ": " + v));

    assertEquals("OK\t[København,33.3];[København,50.0]", r.get("gold"));
    assertEquals("OK\t[1]", r.get("version0"));
    assertTrue(r.get("show").startsWith("OK") && r.get("show").contains("focus_goal_monthly"), r.get("show"));
    assertEquals("OK\t[build]", r.get("meta"));
    for (String k : List.of("silverByName", "restrictedByName", "bronzeByName")) {
      assertTrue(r.get(k).startsWith("ERR") && r.get(k).contains("TABLE_OR_VIEW_NOT_FOUND"), k + ": " + r.get(k));
    }
    for (String k : List.of("silverDeltaPath", "goldDeltaPath", "silverParquetPath", "silverLoad",
        "restrictedLoad", "insert", "delete", "drop", "create", "save", "reflect", "udf")) {
      assertTrue(r.get(k).startsWith("ERR") && r.get(k).contains("read-only"), k + ": " + r.get(k));
    }
    assertTrue(r.get("noToken").startsWith("ERR"), "noToken: " + r.get("noToken"));
    assertEquals("OK\t[2]", r.get("goldAfter"));
    assertEquals(1, DeltaIO.version(session(), gold), "no commit reached the served table");
    assertFalse(new File(lake.table(Lake.GOLD, "extra")).exists(), "nothing was written next to it");
  }

  /** Runs the steps in one client JVM; step name → "OK\t…" or "ERR\t…". */
  private Map<String, String> client(Map<String, String> steps) throws Exception {
    List<String> cmd = java();
    cmd.addAll(List.of("-Xmx512m", "-cp", clientClassPath(), ConnectProbe.class.getName(),
        "sc://localhost:" + port + "/;token=" + TOKEN, "sc://localhost:" + port));
    cmd.addAll(steps.values());
    Path out = Files.createTempFile("fokusmaal-probe", ".out");
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(out.toFile()).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) fail("the Connect client did not finish");
    } finally {
      p.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    List<String> names = new ArrayList<>(steps.keySet());
    Map<String, String> results = new LinkedHashMap<>();
    for (String line : lines) {
      String[] f = line.split("\t", 2);
      if (f.length == 2 && f[0].matches("\\d+")) results.put(names.get(Integer.parseInt(f[0])), f[1]);
    }
    assertEquals(names, new ArrayList<>(results.keySet()), "client output:\n" + String.join("\n", lines) + "\nserver:\n" + tail());
    return results;
  }

  private static List<String> java() {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    String flags = System.getProperty("fokusmaal.jvm.flags", "");
    cmd.addAll(Arrays.stream(flags.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
    cmd.add("-Duser.timezone=Europe/Copenhagen");
    return cmd;
  }

  /** The test JVM's class path (surefire passes it in a property; java.class.path is its booter). */
  private static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** Jars the Connect client needs that it does not bundle (its pom's dependencies). */
  private static final List<String> CLIENT_DEPENDENCIES =
      List.of("scala-library", "scala-reflect", "scala-parser-combinators", "scala-xml", "spark-common-utils",
          "spark-unsafe", "spark-variant", "spark-sketch", "spark-tags", "icu4j", "chill", "kryo", "minlog",
          "objenesis", "commons-lang3", "json4s", "antlr4-runtime", "jackson-", "commons-codec", "slf4j-api",
          "log4j-", "jul-to-slf4j", "jcl-over-slf4j", "zstd-jni", "xbean-asm9", "paranamer", "jsr305");

  private static String clientClassPath() throws IOException {
    Path dir = Paths.get(System.getProperty("fokusmaal.connect.client.dir", "target/connect-client"));
    List<String> cp;
    try (var jars = Files.list(dir)) {
      cp = jars.map(Path::toString).sorted().collect(Collectors.toCollection(ArrayList::new));
    }
    if (cp.isEmpty()) fail("no Connect client in " + dir + " (mvn process-test-classes copies it)");
    for (String e : testClassPath().split(File.pathSeparator)) {
      String name = Paths.get(e).getFileName().toString();
      if (e.endsWith("test-classes") || CLIENT_DEPENDENCIES.stream().anyMatch(name::startsWith)) cp.add(e);
    }
    return String.join(File.pathSeparator, cp);
  }
}
