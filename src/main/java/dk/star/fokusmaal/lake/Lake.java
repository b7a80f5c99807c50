package dk.star.fokusmaal.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The lake layout of SPEC §3: one root (a local folder or any Hadoop URI) with the zones
 * {@code landing, bronze, quarantine, silver, gold, restricted, meta}. Each Delta table lives in
 * {@code <root>/<zone>/<table>} and is registered in the catalog as {@code <zone>.<table>}.
 */
public final class Lake {
  public static final String LANDING = "landing";
  public static final String BRONZE = "bronze";
  public static final String QUARANTINE = "quarantine";
  public static final String SILVER = "silver";
  public static final String GOLD = "gold";
  public static final String RESTRICTED = "restricted";
  public static final String META = "meta";

  /** The zones that hold Delta tables, in the order a reader meets them. */
  public static final String[] TABLE_ZONES = {BRONZE, QUARANTINE, SILVER, GOLD, RESTRICTED, META};

  private final String root;

  public Lake(String root) {
    String r = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.root = r;
  }

  public String root() {
    return root;
  }

  public String landing(String source) {
    return root + "/" + LANDING + "/" + source;
  }

  public String table(String zone, String name) {
    return root + "/" + zone + "/" + name;
  }

  public String bronze(String source) {
    return table(BRONZE, source);
  }

  public String quarantine(String source) {
    return table(QUARANTINE, source);
  }

  /** The folder of research scenarios: {@code <root>/scenarios/<name>/…}. */
  public static final String SCENARIOS = "scenarios";

  /** A scenario's namespace: the same zones under {@code <root>/scenarios/<name>}. */
  public Lake scenario(String name) {
    if (name == null || !name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("a scenario name is letters, digits and _: '" + name + "'");
    }
    return new Lake(root + "/" + SCENARIOS + "/" + name);
  }

  /** Whether the lake's root folder exists (on any Hadoop file system). */
  public boolean exists(Configuration hadoop) {
    try {
      Path p = new Path(root);
      return p.getFileSystem(hadoop).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach lake " + root + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lake l && l.root.equals(root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }

  @Override
  public String toString() {
    return root;
  }
}
