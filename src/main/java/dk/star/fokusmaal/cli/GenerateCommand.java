package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.generate.GenerateOptions;
import dk.star.fokusmaal.pipeline.GenerateJob;
import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.UsageError;
import java.time.YearMonth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Write synthetic register deliveries into landing/ (SPEC §10), deterministic for a seed.")
final class GenerateCommand extends JobCommand {
  @Option(names = "--persons", description = "Persons in the synthetic population (default: ${DEFAULT-VALUE}).", defaultValue = "20000")
  long persons;

  @Option(names = "--from", required = true, converter = YearMonthConverter.class, paramLabel = "YYYY-MM", description = "First month with register data.")
  YearMonth from;

  @Option(names = "--to", required = true, converter = YearMonthConverter.class, paramLabel = "YYYY-MM", description = "Last month with register data.")
  YearMonth to;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).", defaultValue = "1")
  long seed;

  @Option(names = "--deliveries", description = "Delivery folders per source; later ones correct earlier rows (default: ${DEFAULT-VALUE}).", defaultValue = "3")
  int deliveries;

  @Option(names = "--bad-rows", description = "Contract violations to inject per source and kind, for testing quarantine (default: ${DEFAULT-VALUE}).", defaultValue = "0")
  int badRows;

  @Override
  void validate() {
    if (to.isBefore(from)) throw new UsageError("--to " + to + " is before --from " + from);
  }

  @Override
  boolean readsLake() {
    return false;
  }

  @Override
  void execute(JobContext ctx) {
    GenerateJob.run(ctx, new GenerateOptions(persons, from, to, seed, deliveries, badRows));
  }
}
