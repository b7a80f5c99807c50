package dk.star.fokusmaal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import dk.star.fokusmaal.testing.SparkTestBase;
import picocli.CommandLine;

/**
 * SPEC §9: exit 0 on success, 2 on a usage error, 1 on a failure with a one-line reason. A
 * SparkTestBase, so that the session a failing command starts is the shared one, whichever test
 * class this JVM runs first.
 */
class MainTest extends SparkTestBase {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }

  @Test
  void helpOnEveryCommand() {
    for (String c : new String[] {"demo", "generate", "ingest", "build", "serve", "report"}) {
      assertEquals(0, run(c, "--help"), c);
    }
  }

  @Test
  void usageErrorsExitWith2() {
    assertEquals(2, run());
    assertEquals(2, run("no-such-command"));
    assertEquals(2, run("build", "--from", "2022-13", "--to", "2022-12"));
    assertTrue(err.toString().contains("'2022-13' is not a month"), err.toString());
    assertEquals(2, run("build", "--from", "2022-01"));
    assertEquals(2, run("generate", "--from", "2022-01", "--to", "2022-02", "--persons", "many"));
  }

  @Test
  void badRequestsExitWith2WithAOneLineReasonAndCreateNothing() throws Exception {
    Path parent = Files.createTempDirectory("fokusmaal-usage");
    String missing = parent.resolve("no-such-lake").toString();
    for (String[] args : List.of(
        new String[] {"build", "--from", "2022-01", "--to", "2022-03", "--scenario", "s", "--rule", "offers.min_houres=150", "--lake", missing},
        new String[] {"build", "--from", "2022-01", "--to", "2022-03", "--scenario", "s", "--rule", "2022.conversations.min_cnt=3", "--lake", missing},
        new String[] {"build", "--from", "2022-03", "--to", "2022-01", "--lake", missing},
        new String[] {"generate", "--from", "2022-03", "--to", "2022-01", "--lake", missing},
        new String[] {"ingest", "--lake", missing},
        new String[] {"build", "--from", "2022-01", "--to", "2022-01", "--lake", missing},
        new String[] {"report", "--month", "2022-01", "--out", parent.resolve("out").toString(), "--lake", missing},
        new String[] {"serve", "--lake", missing},
        new String[] {"ingest", "--env", "/no/such/file.properties", "--lake", missing})) {
      err.getBuffer().setLength(0);
      assertEquals(2, run(args), String.join(" ", args) + ": " + err);
      String e = err.toString().trim();
      assertEquals(1, e.lines().count(), e);
      assertTrue(e.startsWith("fokusmaal " + args[0] + ": "), e);
    }
    try (var left = Files.list(parent)) {
      assertEquals(List.of(), left.toList(), "nothing created");
    }
  }

  @Test
  void aMisspeltRuleIsNamed() {
    assertEquals(2, run("build", "--from", "2022-01", "--to", "2022-01", "--scenario", "s", "--rule", "offers.min_houres=150"));
    assertTrue(err.toString().contains("unknown rule offers.min_houres"), err.toString());
  }

  @Test
  void theOfficialTablesAreComputedOnlyFromConf() {
    assertEquals(2, run("build", "--from", "2022-01", "--to", "2022-01", "--rule", "offers.min_hours=150"));
    assertTrue(err.toString().contains("give --scenario NAME"), err.toString());
    assertEquals(2, run("build", "--from", "2022-01", "--to", "2022-01", "--rules", "src/test/resources/rules"));
    assertEquals(2, run("build", "--from", "2022-01", "--to", "2022-01", "--as-of", "2024-03-01T08:00:00Z"));
    assertEquals(2, run("build", "--from", "2022-01", "--to", "2022-01", "--scenario", "no-dashes", "--rule", "offers.min_hours=150"));
  }

  @Test
  void failuresExitWith1AndOneLine() throws Exception {
    Path empty = Files.createTempDirectory("fokusmaal-empty-lake");
    assertEquals(1, run("build", "--from", "2022-01", "--to", "2022-01", "--lake", empty.toString()));
    String e = err.toString().trim();
    assertTrue(e.startsWith("fokusmaal build: failed: input missing: bronze.fleur"), e);
    assertEquals(1, e.lines().count(), e);
  }
}
