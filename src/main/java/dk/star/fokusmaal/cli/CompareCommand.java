package dk.star.fokusmaal.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.pipeline.Compare;
import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.UsageError;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A scenario beside the official figures: per month and municipality, the official and the
 * scenario's passive shares (monthly and 12-month average) and how many municipalities change goal
 * status — e.g. with 3 conversations instead of 4, or sickness benefit left out as Aalborg did.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Print a scenario's shares beside the official ones, per month and municipality, and how many municipalities change goal status.")
final class CompareCommand extends JobCommand {
  @Option(names = "--from", converter = YearMonthConverter.class, paramLabel = "YYYY-MM", description = "First month (default: the scenario's last month).")
  YearMonth from;

  @Option(names = "--to", converter = YearMonthConverter.class, paramLabel = "YYYY-MM", description = "Last month (default: the scenario's last month).")
  YearMonth to;

  @Override
  void validate() {
    if (common.scenario == null) throw new UsageError("compare needs --scenario NAME");
    if (from != null && to != null && to.isBefore(from)) throw new UsageError("--to " + to + " is before --from " + from);
  }

  @Override
  void execute(JobContext ctx) {
    Lake scenario = ctx.out();
    String twelve = Tables.FOCUS_GOAL_12M.path(scenario);
    if (!DeltaIO.exists(ctx.spark(), twelve)) throw new UsageError("scenario " + ctx.scenario() + " has no built month in " + scenario);
    if (from == null || to == null) {
      Date last = DeltaIO.read(ctx.spark(), twelve).agg(max(col(Cols.MONTH))).first().getDate(0); // one row
      YearMonth m = YearMonth.from(last.toLocalDate());
      if (from == null) from = to == null ? m : to;
      if (to == null) to = m;
    }
    List<Row> rows = Compare.sideBySide(ctx.spark(), ctx.lake(), scenario, from, to).collectAsList(); // ≤ 99 rows a month
    System.out.print(render(rows, ctx.scenario()));
  }

  static String render(List<Row> rows, String scenario) {
    StringBuilder sb = new StringBuilder();
    String month = null;
    int changedC = 0;
    int changedO = 0;
    StringBuilder body = new StringBuilder();
    for (int i = 0; i <= rows.size(); i++) {
      Row r = i < rows.size() ? rows.get(i) : null;
      String m = r == null ? null : r.<Date>getAs(Cols.MONTH).toString().substring(0, 7);
      if (month != null && !month.equals(m)) {
        sb.append(String.format(Locale.ROOT, "%s: %d municipalities change samtaler status, %d change tilbud status (official → %s)%n",
            month, changedC, changedO, scenario));
        sb.append(String.format(Locale.ROOT, "  %-4s %-22s %23s %23s %23s %23s%n", "code", "municipality",
            "conversations % month", "offers % month", "conversations % 12m", "offers % 12m"));
        sb.append(body);
        body.setLength(0);
        changedC = 0;
        changedO = 0;
      }
      if (r == null) break;
      month = m;
      boolean c = Boolean.TRUE.equals(r.getAs(Cols.CONVERSATION_GOAL_CHANGED));
      boolean o = Boolean.TRUE.equals(r.getAs(Cols.OFFER_GOAL_CHANGED));
      Integer code = r.getAs(Cols.MUNICIPALITY_CODE);
      if (code != null) {
        if (c) changedC++;
        if (o) changedO++;
      }
      body.append(String.format(Locale.ROOT, "  %-4s %-22s %23s %23s %23s %23s%s%n",
          code == null ? "" : code, code == null ? "NATIONAL" : r.getAs(Cols.MUNICIPALITY_NAME),
          pair(r, Cols.PASSIVE_CONVERSATIONS_PCT), pair(r, Cols.PASSIVE_OFFERS_PCT),
          pair(r, Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M), pair(r, Cols.AVG_PASSIVE_OFFERS_PCT_12M),
          (c ? "  samtaler status changes" : "") + (o ? "  tilbud status changes" : "")));
    }
    return sb.toString();
  }

  private static String pair(Row r, String column) {
    return pct(r.getAs(Cols.OFFICIAL_PREFIX + column)) + " → " + pct(r.getAs(Cols.SCENARIO_PREFIX + column));
  }

  private static String pct(Double v) {
    return v == null ? "–" : String.format(Locale.ROOT, "%.1f", v);
  }
}
