package dk.star.fokusmaal.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Environment settings: {@code conf/fokusmaal.properties}, then an optional environment file
 * ({@code --env conf/cluster-example.properties}), then {@code --set key=value} overrides from the
 * command line. {@code ${conf}} in a value stands for the conf folder. Keys starting with {@code spark.} are passed to the Spark session unchanged.
 */
public final class Settings {
  public static final String LAKE = "lake";
  public static final String MASTER = "master";
  public static final String RULES_DIR = "rules.dir";
  public static final String CONF_DIR_ENV = "FOKUSMAAL_CONF";
  public static final String DEFAULT_FILE = "fokusmaal.properties";

  private final Path confDir;
  private final Map<String, String> values;

  private Settings(Path confDir, Map<String, String> values) {
    this.confDir = confDir;
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** The conf folder: {@code $FOKUSMAAL_CONF}, else {@code ./conf}. */
  public static Path defaultConfDir() {
    String env = System.getenv(CONF_DIR_ENV);
    return Paths.get(env != null && !env.isBlank() ? env : "conf");
  }

  public static Settings load(Path confDir, Path envFile, Map<String, String> overrides) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(LAKE, "./lake");
    v.put(MASTER, "local[*]");
    v.put(RULES_DIR, confDir.resolve("rules").toString());
    Path defaults = confDir.resolve(DEFAULT_FILE);
    if (Files.exists(defaults)) v.putAll(read(defaults));
    if (envFile != null) {
      if (!Files.exists(envFile)) {
        throw new IllegalArgumentException("environment file not found: " + envFile);
      }
      v.putAll(read(envFile));
    }
    v.putAll(overrides);
    // ${conf} in a value is the conf folder itself, so that relative paths work from anywhere.
    v.replaceAll((k, val) -> val.replace("${conf}", confDir.toString()));
    return new Settings(confDir, v);
  }

  /** Settings for tests and embedded use: the repository's conf/ plus overrides. */
  public static Settings defaults(Map<String, String> overrides) {
    return load(defaultConfDir(), null, overrides);
  }

  private static Map<String, String> read(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k).trim());
    return m;
  }

  public Path confDir() {
    return confDir;
  }

  public String get(String key) {
    String v = values.get(key);
    if (v == null) throw new IllegalArgumentException("missing setting: " + key);
    return v;
  }

  public String get(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  public int getInt(String key, int fallback) {
    String v = values.get(key);
    return v == null ? fallback : Integer.parseInt(v);
  }

  public Map<String, String> all() {
    return values;
  }

  /** The {@code spark.*} keys, for the session builder. */
  public Map<String, String> sparkConf() {
    Map<String, String> m = new TreeMap<>();
    values.forEach(
        (k, val) -> {
          if (k.startsWith("spark.")) m.put(k, val);
        });
    return m;
  }

  public Settings with(String key, String value) {
    Map<String, String> v = new LinkedHashMap<>(values);
    v.put(key, value);
    return new Settings(confDir, v);
  }
}
