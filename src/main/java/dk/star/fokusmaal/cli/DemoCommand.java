package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.generate.GenerateOptions;
import dk.star.fokusmaal.pipeline.BuildJob;
import dk.star.fokusmaal.pipeline.GenerateJob;
import dk.star.fokusmaal.pipeline.IngestJob;
import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.Runs;
import dk.star.fokusmaal.report.Summary;
import java.io.IOException;
import java.time.YearMonth;
import java.util.Map;
import dk.star.fokusmaal.lake.Lake;
import java.util.Arrays;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The embedded default: a small national data set, generated, ingested, built and summarised. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Generate a small national data set, ingest it, build every month and print a summary. "
        + "Starts from an empty lake (a lake that an earlier demo made is replaced).")
final class DemoCommand extends JobCommand {
  static final String MARKER = ".fokusmaal-demo";

  @Option(names = "--persons", description = "Persons (default: ${DEFAULT-VALUE}).", defaultValue = "20000")
  long persons;

  @Option(names = "--from", converter = YearMonthConverter.class, defaultValue = "2019-01", description = "First month of register data (default: ${DEFAULT-VALUE}).")
  YearMonth from;

  @Option(names = "--to", converter = YearMonthConverter.class, defaultValue = "2023-12", description = "Last month (default: ${DEFAULT-VALUE}).")
  YearMonth to;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  boolean readsLake() {
    return false;
  }

  @Override
  void execute(JobContext ctx) throws Exception {
    resetDemoLake(ctx);
    GenerateJob.run(ctx, new GenerateOptions(persons, from, to, seed, 3, 1));
    Runs.run(ctx, "ingest", Map.of("lake", ctx.lake().root()), log -> IngestJob.run(ctx, log));
    Runs.run(ctx, "build", Map.of("from", from.toString(), "to", to.toString()),
        log -> BuildJob.run(ctx, from, to, log));
    Summary.print(ctx.spark(), ctx.lake());
  }

  /**
   * Empties the lake when it is new or an earlier demo's; refuses to touch any other lake. The
   * job's own log under meta/logs is kept (it is being written).
   */
  private static void resetDemoLake(JobContext ctx) throws IOException {
    Path root = new Path(ctx.lake().root());
    FileSystem fs = root.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
    Path meta = new Path(root, Lake.META);
    if (fs.exists(root)) {
      boolean ours = fs.exists(new Path(root, MARKER));
      for (FileStatus s : fs.listStatus(root)) {
        boolean onlyLogs = s.getPath().getName().equals(Lake.META)
            && Arrays.stream(fs.listStatus(meta)).allMatch(m -> m.getPath().getName().equals("logs"));
        if (!ours && !onlyLogs) {
          throw new IllegalStateException("lake " + root + " is not empty and was not made by demo; give demo another --lake");
        }
      }
      for (FileStatus s : fs.listStatus(root)) {
        if (s.getPath().getName().equals(Lake.META)) {
          for (FileStatus m : fs.listStatus(meta)) if (!m.getPath().getName().equals("logs")) fs.delete(m.getPath(), true);
        } else {
          fs.delete(s.getPath(), true);
        }
      }
    }
    fs.mkdirs(root);
    fs.create(new Path(root, MARKER)).close();
    ctx.progress().say("demo lake %s ready", root);
  }
}
