package dk.star.fokusmaal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.TableSpec;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.pipeline.MonthlyJob;
import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.Progress;
import dk.star.fokusmaal.pipeline.Settings;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.SparkTestBase;
import dk.star.fokusmaal.testing.TinyLake;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same jar runs unchanged on a real cluster manager: a Spark standalone master and two
 * workers on 127.0.0.1 ({@code jobs/cluster}), started from Spark's jars only, run {@code monthly}
 * (an ingest, then a build of the newest month: the cost is fixed per application, not per month)
 * driven by {@code cli.Main --master spark://…}; the project's classes and Delta
 * reach the executors only through the application jar (spark.jars, set by pipeline.Sparks), as
 * on YARN or Kubernetes. The gold tables equal those of a local run on the same deliveries.
 *
 * <p>The application jar is put together here from target/classes and the libraries the
 * {@code cluster} profile's thin jar bundles (Surefire runs before {@code package}).
 * {@code -DexcludedGroups=cluster} leaves it out of a quick run.
 */
@Tag("cluster")
class ClusterTest extends SparkTestBase {
  /** What the cluster profile's thin jar holds besides the project (pom.xml, its artifactSet). */
  private static final List<String> BUNDLED = List.of("delta-", "unitycatalog-", "picocli-", "jackson-datatype-jdk8-");

  /** Test libraries: neither Spark's nor the application's. */
  private static final List<String> TEST_ONLY = List.of(
      "junit", "opentest4j", "apiguardian", "hamcrest", "scalatest", "scalactic", "scalacheck",
      "spark-testing-base", "test-interface");

  private static final long CHILD_TIMEOUT_MINUTES = 8;

  /**
   * Settings for tables of a handful of rows, as in this JVM (SparkTestBase): cold executors spent
   * most of the run compiling generated code for them. No project class is named in generated
   * code (there is no UDF; the executors run the project's secondary suppression, a function
   * shipped from the application jar), so this leaves what the test proves, the jar on the
   * executors, as it is.
   */
  private static final List<String> TINY_TABLES = List.of(
      "--set", "spark.sql.codegen.wholeStage=false", "--set", "spark.sql.codegen.factoryMode=NO_CODEGEN",
      "--set", "spark.sql.shuffle.partitions=2");

  @Test
  void ingestAndBuildOnAStandaloneClusterGiveTheLocalGoldTables() throws Exception {
    Path root = tmp("cluster");
    Path conf = Path.of("conf").toAbsolutePath();
    Lake onCluster = new Lake(root.resolve("cluster-lake").toString());
    Lake local = new Lake(root.resolve("local-lake").toString());
    TinyLake.landAll(session(), onCluster);
    TinyLake.landAll(session(), local);

    Path sparkHome = sparkHome(root.resolve("spark-home"));
    Path appJar = applicationJar(root.resolve("fokusmaal-thin.jar"));
    Path clusterDir = root.resolve("standalone");
    Thread stopper = new Thread(() -> stopCluster(clusterDir, sparkHome));
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      String master = startCluster(clusterDir, sparkHome);
      assertTrue(master.matches("spark://127\\.0\\.0\\.1:\\d+"), master);
      driver(root, sparkHome, appJar, "monthly", "--conf-dir", conf.toString(), "--lake", onCluster.root(), "--master", master);
      assertExecutorsGotTheJar(clusterDir, appJar.getFileName().toString());
    } finally {
      stopCluster(clusterDir, sparkHome);
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }

    runLocally(local, conf);
    int tables = 0;
    for (TableSpec spec : Tables.BUILD_OUTPUTS) {
      if (!spec.zone().equals(Lake.GOLD)) continue;
      // The tiny lake has no benchmark delivery: resultatmål and what builds on it are not
      // computed, on either side. A table written by one run only is a difference.
      boolean there = DeltaIO.exists(session(), spec.path(local));
      assertEquals(there, DeltaIO.exists(session(), spec.path(onCluster)), spec.qualifiedName() + " written by one run only");
      if (!there) continue;
      Dataset<Row> expected = DeltaIO.read(session(), spec.path(local)).drop(Cols.RUN_ID);
      Dataset<Row> actual = DeltaIO.read(session(), spec.path(onCluster)).drop(Cols.RUN_ID);
      assertTrue(!expected.isEmpty(), spec.qualifiedName() + " is empty locally: the comparison would prove nothing");
      Frames.assertSameRows(expected, actual, keyColumns(expected));
      tables++;
    }
    assertTrue(tables >= 3, "gold tables compared: " + tables);
  }

  /** The local run: the same deliveries, the same conf/, the same monthly run in this JVM. */
  private static void runLocally(Lake lake, Path conf) throws Exception {
    Settings settings = Settings.load(conf, null, Map.of(Settings.LAKE, lake.root()));
    Rules rules = Rules.load(conf.resolve("rules"), Map.of());
    JobContext ctx = new JobContext(session(), settings, lake, rules, new Progress("local"));
    MonthlyJob.run(ctx, Map.of());
  }

  /** Rows are matched on every column that is not a fraction (those compare with a tolerance). */
  private static String[] keyColumns(Dataset<Row> df) {
    return Arrays.stream(df.schema().fields())
        .filter(f -> !f.dataType().equals(DataTypes.DoubleType) && !f.dataType().equals(DataTypes.FloatType))
        .map(StructField::name)
        .toArray(String[]::new);
  }

  /**
   * Every executor ran from the worker's own class path plus the fetched application jar: each
   * worker's work folder holds an executor with the jar in it.
   */
  private static void assertExecutorsGotTheJar(Path clusterDir, String jarName) throws IOException {
    for (String worker : List.of("work-1", "work-2")) {
      try (Stream<Path> files = Files.walk(clusterDir.resolve(worker))) {
        List<Path> jars = files.filter(p -> p.getFileName().toString().equals(jarName)).toList();
        assertTrue(!jars.isEmpty(), worker + " ran no executor that fetched " + jarName);
      }
    }
  }

  // ---- the standalone cluster (jobs/cluster) ----

  private static String startCluster(Path dir, Path sparkHome) throws Exception {
    Files.createDirectories(dir);
    ProcessBuilder pb = new ProcessBuilder("bash", "jobs/cluster", "start", dir.toString());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("CLUSTER_TIMEOUT", "180");
    pb.redirectError(dir.resolve("start.err").toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(4, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("jobs/cluster start did not finish");
    }
    if (p.exitValue() != 0) {
      fail("jobs/cluster start failed (" + p.exitValue() + "): " + Files.readString(dir.resolve("start.err")) + logs(dir));
    }
    return out.lines().reduce((a, b) -> b).orElse("");
  }

  private static synchronized void stopCluster(Path dir, Path sparkHome) {
    if (!Files.isDirectory(dir)) return;
    try {
      ProcessBuilder pb = new ProcessBuilder("bash", "jobs/cluster", "stop", dir.toString());
      pb.environment().put("SPARK_HOME", sparkHome.toString());
      pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      Process p = pb.start();
      if (!p.waitFor(2, TimeUnit.MINUTES)) p.destroyForcibly();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String logs(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    Path logs = dir.resolve("logs");
    if (!Files.isDirectory(logs)) return "";
    try (Stream<Path> files = Files.list(logs)) {
      for (Path f : files.sorted().toList()) sb.append("\n--- ").append(f.getFileName()).append('\n').append(tail(f, 30));
    }
    return sb.toString();
  }

  private static String tail(Path f, int lines) throws IOException {
    List<String> all = Files.readAllLines(f, StandardCharsets.UTF_8);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  // ---- the driver, as jobs/fokusmaal or spark-submit would start it ----

  /** Runs cli.Main in its own JVM on Spark's jars and the application jar; fails on a non-zero exit. */
  private static void driver(Path root, Path sparkHome, Path appJar, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(sparkJvmFlags());
    cmd.addAll(List.of("-Xmx1g", "-Duser.timezone=Europe/Copenhagen",
        "-cp", sparkHome.resolve("jars") + File.separator + "*" + File.pathSeparator + appJar,
        "dk.star.fokusmaal.cli.Main"));
    cmd.addAll(List.of(args));
    cmd.addAll(TINY_TABLES);
    Path out = root.resolve("driver-" + args[0] + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("FOKUSMAAL_DEBUG", "1");
    Process p = pb.start();
    try {
      if (!p.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) fail(args[0] + " on the cluster did not finish:\n" + tail(out, 40));
      assertEquals(0, p.exitValue(), args[0] + " on the cluster failed:\n" + tail(out, 60));
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  /** The JVM flags Spark needs on Java 17, as this JVM got them (pom.xml's spark.jvm.flags). */
  private static List<String> sparkJvmFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-modules") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
            || a.startsWith("-XX:+EnableDynamicAgentLoading") || a.startsWith("-Dio.netty."))
        .toList();
  }

  // ---- Spark's jars and the application jar, from the test class path ----

  private static List<Path> classPathJars() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<Path> jars = new ArrayList<>();
    for (String e : cp.split(File.pathSeparator)) {
      if (e.endsWith(".jar") && !e.contains("surefire")) jars.add(Path.of(e));
    }
    return jars;
  }

  private static boolean named(Path jar, List<String> prefixes) {
    String n = jar.getFileName().toString();
    return prefixes.stream().anyMatch(n::startsWith);
  }

  /**
   * A Spark installation's layout, {@code SPARK_HOME/jars}, holding Spark's jars only (none of
   * the project's, none of Delta's): the workers' executors get their class path from it.
   */
  private static Path sparkHome(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (Path jar : classPathJars()) {
      if (named(jar, BUNDLED) || named(jar, TEST_ONLY)) continue;
      Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
    }
    return home;
  }

  /**
   * The application jar as the cluster profile shades it: target/classes plus Delta and picocli,
   * service files merged (Delta registers its data source there), signatures left out.
   */
  private static Path applicationJar(Path target) throws IOException {
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dk.star.fokusmaal.cli.Main");
    mf.getMainAttributes().put(new Attributes.Name("Multi-Release"), "true");
    Map<String, StringBuilder> services = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), mf)) {
      Path classes = Path.of("target/classes");
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
          try (InputStream in = Files.newInputStream(f)) {
            add(out, seen, services, name, in);
          }
        }
      }
      for (Path jar : classPathJars()) {
        if (!named(jar, BUNDLED)) continue;
        try (JarFile jf = new JarFile(jar.toFile())) {
          for (JarEntry e : jf.stream().toList()) {
            if (e.isDirectory()) continue;
            try (InputStream in = jf.getInputStream(e)) {
              add(out, seen, services, e.getName(), in);
            }
          }
        }
      }
      for (var s : services.entrySet()) {
        out.putNextEntry(new JarEntry(s.getKey()));
        out.write(s.getValue().toString().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return target;
  }

  private static void add(JarOutputStream out, Set<String> seen, Map<String, StringBuilder> services, String name, InputStream in)
      throws IOException {
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    if (upper.equals("META-INF/MANIFEST.MF") || upper.endsWith(".SF") || upper.endsWith(".DSA") || upper.endsWith(".RSA")
        || name.endsWith("module-info.class")) {
      return;
    }
    if (name.startsWith("META-INF/services/")) {
      services.computeIfAbsent(name, k -> new StringBuilder()).append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
      return;
    }
    if (!seen.add(name)) return;
    out.putNextEntry(new JarEntry(name));
    in.transferTo(out);
    out.closeEntry();
  }
}
