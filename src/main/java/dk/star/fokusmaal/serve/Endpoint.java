package dk.star.fokusmaal.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Where {@code serve} listens and whether it asks for a token. It binds to 127.0.0.1 unless told
 * otherwise; on any other address it refuses to start without Spark Connect's pre-shared token
 * ({@code spark.connect.authenticate.token}, or the environment variable {@code
 * SPARK_CONNECT_AUTHENTICATE_TOKEN}), which clients then send as {@code sc://host:port/;token=…}.
 * Spark Connect itself has no TLS: the token travels in clear unless a TLS proxy stands in front.
 */
public final class Endpoint {
  private Endpoint() {}

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final String TOKEN_CONF = "spark.connect.authenticate.token";
  public static final String TOKEN_ENV = "SPARK_CONNECT_AUTHENTICATE_TOKEN";

  /** The token in force: the setting, else the environment variable, else null. */
  public static String token(Map<String, String> sparkConf, Map<String, String> env) {
    String t = sparkConf.get(TOKEN_CONF);
    if (t == null || t.isBlank()) t = env.get(TOKEN_ENV);
    return t == null || t.isBlank() ? null : t;
  }

  /** Whether {@code host} is a loopback address (only this machine can connect). */
  public static boolean isLoopback(String host) {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) return false;
      }
      return true;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--host " + host + " is not an address of this machine", e);
    }
  }

  /**
   * Why serving on {@code host} with {@code token} is refused, or null when it may start.
   */
  public static String refusal(String host, String token) {
    if (token == null && !isLoopback(host)) {
      return "--host " + host + " is reachable from other machines: give a token ("
          + TOKEN_ENV + " or --set " + TOKEN_CONF + "=…), or serve on " + DEFAULT_HOST;
    }
    return null;
  }
}
