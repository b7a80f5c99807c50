package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.Status;
import java.time.YearMonth;
import picocli.CommandLine.Command;

/**
 * Which run published each built month, and what needs a rerun: exit 0 when every built month is
 * consistent, 1 when a month's tables come from different runs or from a run that did not finish,
 * with the command that heals it (for a scheduler to act on).
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Per built month, the run that published it; names months that need a rerun and the command that heals them. "
        + "Exit 0 when everything is consistent, 1 when something needs a rerun.")
final class StatusCommand extends JobCommand {
  @Override
  void execute(JobContext ctx) {
    Status.Report r = Status.of(ctx.spark(), ctx.lake(), ctx.lake());
    System.out.println(render(r, ctx.lake().root()));
    exitCode = r.consistent() ? 0 : 1;
  }

  /** The report for a person or a scheduler's log: consistent ranges folded, every problem named. */
  static String render(Status.Report r, String lake) {
    StringBuilder sb = new StringBuilder();
    if (r.months().isEmpty()) sb.append("no month built yet\n");
    YearMonth start = null;
    YearMonth prev = null;
    String run = null;
    for (Status.Month m : r.months()) {
      String only = m.problem() == null ? m.runs().iterator().next() : null;
      boolean continues = only != null && only.equals(run) && prev != null && prev.plusMonths(1).equals(m.month());
      if (!continues && run != null) sb.append(range(start, prev)).append("  ok, published by ").append(run).append('\n');
      if (!continues) start = m.month();
      if (m.problem() != null) {
        sb.append(m.month()).append("  NEEDS A RERUN: ").append(m.problem()).append('\n');
        run = null;
      } else {
        run = only;
      }
      prev = m.month();
    }
    if (run != null) sb.append(range(start, prev)).append("  ok, published by ").append(run).append('\n');
    if (r.silverProblem() != null) sb.append("silver: ").append(r.silverProblem()).append('\n');
    for (YearMonth[] range : r.rebuild()) {
      sb.append("heal with: jobs/fokusmaal build --from ").append(range[0]).append(" --to ").append(range[1])
          .append(" --lake ").append(lake).append('\n');
    }
    sb.append(r.consistent() ? "consistent" : "needs a rerun");
    return sb.toString();
  }

  private static String range(YearMonth a, YearMonth b) {
    return a.equals(b) ? a.toString() : a + " … " + b;
  }
}
