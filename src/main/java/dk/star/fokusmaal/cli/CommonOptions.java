package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.pipeline.Settings;
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

  public Settings settings() {
    Map<String, String> o = new LinkedHashMap<>(overrides);
    if (lake != null) o.put(Settings.LAKE, lake);
    if (master != null) o.put(Settings.MASTER, master);
    if (env != null && !java.nio.file.Files.exists(env)) throw new UsageError("environment file not found: " + env);
    return Settings.load(confDir != null ? confDir : Settings.defaultConfDir(), env, o);
  }

  public Lake lake(Settings s) {
    return new Lake(s.get(Settings.LAKE));
  }

  public Rules rules(Settings s) {
    try {
      return Rules.load(Paths.get(s.get(Settings.RULES_DIR)), ruleOverrides);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage(), e);
    }
  }
}
