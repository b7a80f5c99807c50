package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.pipeline.UsageError;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The launcher's entry point ({@code jobs/fokusmaal}): one command per job (SPEC §9). Exit codes:
 * 0 success, 2 usage error, 1 failure with a one-line reason on stderr.
 */
@Command(
    name = "fokusmaal",
    mixinStandardHelpOptions = true,
    version = "fokusmaal 0.1.0",
    description = "Fokusmål and resultatmål of the Danish job centres on a Delta Lake.",
    subcommands = {
      DemoCommand.class,
      GenerateCommand.class,
      IngestCommand.class,
      BuildCommand.class,
      ServeCommand.class,
      ExportCommand.class,
      ReportCommand.class,
      StatusCommand.class,
      CompareCommand.class,
      MonthlyCommand.class,
      WorklistCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "a command is required");
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          PrintWriter err = cmd.getErr();
          UsageError usage = usageError(ex);
          if (usage != null) {
            err.println("fokusmaal " + cmd.getCommandName() + ": " + firstLine(usage.getMessage())
                + " (see fokusmaal " + cmd.getCommandName() + " --help)");
          } else {
            Throwable root = ex;
            while (root.getCause() != null && root.getMessage() == null) root = root.getCause();
            String msg = root.getMessage() == null ? root.toString() : root.getMessage();
            err.println("fokusmaal " + cmd.getCommandName() + ": failed: " + firstLine(msg));
          }
          if (System.getenv("FOKUSMAAL_DEBUG") != null) ex.printStackTrace(err);
          err.flush();
          return usage != null ? USAGE : FAILURE;
        });
    return cl;
  }

  private static UsageError usageError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UsageError u) return u;
    }
    return null;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    System.exit(code);
  }
}
