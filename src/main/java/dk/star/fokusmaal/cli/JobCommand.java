package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.Logs;
import dk.star.fokusmaal.pipeline.Progress;
import dk.star.fokusmaal.pipeline.Settings;
import dk.star.fokusmaal.pipeline.Sparks;
import dk.star.fokusmaal.pipeline.UsageError;
import dk.star.fokusmaal.rules.Rules;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every command: builds settings, lake, rules and the Spark session, then runs the job. */
abstract class JobCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  /** Spark settings the command itself needs (on top of the environment's). */
  Map<String, String> extraSparkConf() {
    return Map.of();
  }

  /**
   * Whether the command reads an existing lake (ingest, build, report, serve, …): then a {@code
   * --lake} that does not exist is a usage error, found before anything starts. generate and
   * demo make their lake.
   */
  boolean readsLake() {
    return true;
  }

  /** Checks the options before anything starts; throw {@link UsageError} for a bad request. */
  void validate() {}

  /** Runs the job; throw to fail with exit code 1 and the exception's message. */
  abstract void execute(JobContext ctx) throws Exception;

  /** The exit code of a job that did not throw: 0, or 1 when it found something to act on. */
  int exitCode = 0;

  @Override
  public Integer call() throws Exception {
    Settings settings = common.settings();
    for (Map.Entry<String, String> e : extraSparkConf().entrySet()) settings = settings.with(e.getKey(), e.getValue());
    Lake lake = common.lake(settings);
    common.checkScenario();
    validate();
    Rules rules = common.rules(settings);
    if (readsLake() && !lake.exists(Sparks.hadoopConf(settings))) {
      throw new UsageError("lake " + lake + " does not exist (give --lake, or run generate/ingest first)");
    }
    Progress progress = new Progress(spec.name());
    progress.say("lake %s, master %s", lake, settings.get(Settings.MASTER));
    java.nio.file.Path log = Logs.toFile(lake, spec.name(), common.verbose);
    if (!common.verbose) progress.say("Spark's log: %s", log);
    // The session lives as long as the process; Spark's shutdown hook stops it on exit.
    var spark = Sparks.session(settings, "fokusmaal " + spec.name());
    execute(new JobContext(spark, settings, lake, rules, progress, common.scenario));
    progress.say("done");
    return exitCode;
  }
}
