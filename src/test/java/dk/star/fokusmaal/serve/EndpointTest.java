package dk.star.fokusmaal.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Where serve may listen without a token: loopback only. */
class EndpointTest {
  @Test
  void loopbackNeedsNoTokenAnyOtherAddressDoes() {
    assertNull(Endpoint.refusal("127.0.0.1", null));
    assertNull(Endpoint.refusal("localhost", null));
    assertNotNull(Endpoint.refusal("0.0.0.0", null));
    assertNull(Endpoint.refusal("0.0.0.0", "secret"));
  }

  @Test
  void theTokenIsTheSettingElseTheEnvironmentVariable() {
    assertEquals("a", Endpoint.token(Map.of(Endpoint.TOKEN_CONF, "a"), Map.of(Endpoint.TOKEN_ENV, "b")));
    assertEquals("b", Endpoint.token(Map.of(), Map.of(Endpoint.TOKEN_ENV, "b")));
    assertNull(Endpoint.token(Map.of(Endpoint.TOKEN_CONF, " "), Map.of()));
  }

  @Test
  void serveOnEveryInterfaceWithoutATokenIsAUsageError() throws Exception {
    String lake = Files.createTempDirectory("fokusmaal-endpoint").toString();
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    // --set with an empty token overrides nothing from the environment: only run when CI has none.
    if (System.getenv(Endpoint.TOKEN_ENV) != null) return;
    int code = cl.execute("serve", "--lake", lake, "--host", "0.0.0.0");
    assertEquals(Main.USAGE, code, err.toString());
    assertTrue(err.toString().contains("token"), err.toString());
  }
}
