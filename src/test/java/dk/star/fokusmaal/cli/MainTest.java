package dk.star.fokusmaal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** SPEC §9: exit 0 on success, 2 on a usage error, 1 on a failure with a one-line reason. */
class MainTest {
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
  void failuresExitWith1AndOneLine() {
    assertEquals(1, run("ingest", "--env", "/no/such/file.properties"));
    String e = err.toString().trim();
    assertTrue(e.startsWith("fokusmaal ingest: failed: environment file not found"), e);
    assertEquals(1, e.lines().count(), e);
  }
}
