package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.pipeline.Settings;
import dk.star.fokusmaal.pipeline.Sparks;
import dk.star.fokusmaal.pipeline.UsageError;
import dk.star.fokusmaal.rules.Rules;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command takes (SPEC §9): where the lake is, which Spark, which settings. */
public final class CommonOptions {
  @Option(names = "--lake", paramLabel = "DIR_OR_URI", description = "Lake root (default: ./lake, or 'lake' in the settings).")
  String lake;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
  String master;

  @Option(names = "--env", paramLabel = "FILE", description = "An environment settings file on top of conf/fokusmaal.properties, e.g. conf/cluster-example.properties.")
  Path env;

  @Option(names = "--conf-dir", paramLabel = "DIR", description = "The conf folder (default: $FOKUSMAAL_CONF or ./conf).")
  Path confDir;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any setting, e.g. --set spark.sql.shuffle.partitions=64. Repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = "--rule", paramLabel = "KEY=VALUE", description = "Override a rule for every year (offers.min_hours=150) or one year (2022.offers.threshold_pct=25). Repeatable.")
  Map<String, String> ruleOverrides = new LinkedHashMap<>();

  @Option(names = "--rules", paramLabel = "DIR", description = "A rules folder instead of conf/rules, for a research run (needs --scenario).")
  Path rulesDir;

  @Option(names = "--scenario", paramLabel = "NAME", description = "A research namespace (letters, digits, _): outputs go to <lake>/scenarios/NAME/…, catalog database scenario_NAME, never to the official tables.")
  String scenario;

  @Option(names = "--verbose", description = "Show Spark's and Delta's own log on the console too (otherwise it goes to a file under the lake's meta/logs/).")
  boolean verbose;

  public Settings settings() {
    Map<String, String> o = new LinkedHashMap<>(overrides);
    if (lake != null) o.put(Settings.LAKE, lake);
    if (master != null) o.put(Settings.MASTER, master);
    if (env != null && !java.nio.file.Files.exists(env)) throw new UsageError("environment file not found: " + env);
    return Settings.load(confDir != null ? confDir : Settings.defaultConfDir(), env, o);
  }

  public Lake lake(Settings s) {
    String restricted = s.get(Lake.RESTRICTED_SETTING, null);
    // blank (the shipped conf) means <lake>/restricted, never the working folder
    return new Lake(absolute(s.get(Settings.LAKE), s), restricted == null || restricted.isBlank() ? null : absolute(restricted, s));
  }

  /**
   * A relative local lake path made absolute against the driver's working folder: on a cluster
   * the executors run in other folders and would each find another lake. URIs ({@code hdfs://},
   * {@code s3a://}, {@code file:}) and paths on a non-local default file system stay as given.
   */
  static String absolute(String root, Settings s) {
    if (root.contains(":")) return root;
    String fs = Sparks.hadoopConf(s).get("fs.defaultFS", "file:///");
    if (!fs.startsWith("file:")) return root;
    return Paths.get(root).toAbsolutePath().normalize().toString();
  }

  /**
   * Checks that research options come with a scenario: the official tables are computed only from
   * {@code conf/} and the latest data.
   */
  public void checkScenario() {
    if (scenario != null && !scenario.matches("[A-Za-z0-9_]+")) {
      throw new UsageError("--scenario is letters, digits and _: '" + scenario + "'");
    }
    if (scenario == null && (!ruleOverrides.isEmpty() || rulesDir != null)) {
      throw new UsageError("--rule and --rules make a research run: give --scenario NAME (the official tables are computed only from conf/)");
    }
  }

  /** The run-log parameters that say which rules and namespace a run used. */
  public Map<String, String> runParameters(Rules rules) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("rules", rules.source().toString());
    p.put("rules_hash", rules.contentHash());
    if (!ruleOverrides.isEmpty()) {
      p.put("rule_overrides", String.join(",", ruleOverrides.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    if (scenario != null) p.put("scenario", scenario);
    return p;
  }

  public Rules rules(Settings s) {
    try {
      return Rules.load(rulesDir != null ? rulesDir : Paths.get(s.get(Settings.RULES_DIR)), ruleOverrides);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage(), e);
    }
  }
}
