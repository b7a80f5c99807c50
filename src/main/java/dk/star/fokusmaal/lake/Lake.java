package dk.star.fokusmaal.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The lake layout of SPEC §3: one root (a local folder or any Hadoop URI) with the zones
 * {@code landing, bronze, quarantine, silver, gold, meta}. Each Delta table lives in
 * {@code <root>/<zone>/<table>} and is registered in the catalog as {@code <zone>.<table>}.
 *
 * <p>The restricted zone (person-level lists for the job centres, SPEC §8.7) has a root of its own
 * ({@code restricted.lake}, by default {@code <root>/restricted}) so that it can sit on storage
 * with stricter access: its tables live in {@code <restricted root>/<table>}, are never registered
 * in the catalog ({@link #SERVED_ZONES}) and are written readable by their owner only.
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

  /**
   * The zones whose tables may be registered in a catalog (for SQL, serve and BI): every zone
   * but {@link #RESTRICTED}, which holds person-level lists for the job centres only.
   */
  public static final String[] SERVED_ZONES = {BRONZE, QUARANTINE, SILVER, GOLD, META};

  /** The setting naming the restricted zone's own root (default {@code <lake>/restricted}). */
  public static final String RESTRICTED_SETTING = "restricted.lake";

  private final String root;
  private final String restrictedRoot;

  public Lake(String root) {
    this(root, null);
  }

  /** @param restrictedRoot the restricted zone's root; null or blank for {@code <root>/restricted} */
  public Lake(String root, String restrictedRoot) {
    this.root = strip(root);
    this.restrictedRoot =
        restrictedRoot == null || restrictedRoot.isBlank() ? this.root + "/" + RESTRICTED : strip(restrictedRoot);
  }

  private static String strip(String p) {
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  public String root() {
    return root;
  }

  /** The restricted zone's root, where its tables live ({@code <restricted root>/<table>}). */
  public String restrictedRoot() {
    return restrictedRoot;
  }

  /** Whether {@code path} lies in the restricted zone (a writer such as export must refuse it). */
  public boolean isRestricted(String path) {
    String p = strip(path);
    return p.equals(restrictedRoot) || p.startsWith(restrictedRoot + "/");
  }

  public String landing(String source) {
    return root + "/" + LANDING + "/" + source;
  }

  public String table(String zone, String name) {
    if (RESTRICTED.equals(zone)) return restrictedRoot + "/" + name;
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
    return new Lake(root + "/" + SCENARIOS + "/" + name, restrictedRoot + "/" + SCENARIOS + "/" + name);
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
    return o instanceof Lake l && l.root.equals(root) && l.restrictedRoot.equals(restrictedRoot);
  }

  @Override
  public int hashCode() {
    return root.hashCode() * 31 + restrictedRoot.hashCode();
  }

  @Override
  public String toString() {
    return root;
  }
}
