package dk.star.fokusmaal.cli;

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
      ReportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int FAILURE = 1;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "a command is required");
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          Throwable root = ex;
          while (root.getCause() != null && root.getMessage() == null) root = root.getCause();
          PrintWriter err = cmd.getErr();
          String msg = root.getMessage() == null ? root.toString() : root.getMessage();
          err.println("fokusmaal " + cmd.getCommandName() + ": failed: " + msg.lines().findFirst().orElse(""));
          if (System.getenv("FOKUSMAAL_DEBUG") != null) ex.printStackTrace(err);
          err.flush();
          return FAILURE;
        });
    return cl;
  }

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    System.exit(code);
  }
}
