package dk.star.fokusmaal.pipeline;

import dk.star.fokusmaal.report.Report;
import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.TableSpec;
import dk.star.fokusmaal.lake.Tables;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Which run published each built month, and which months need a rerun (issue: no stale or mixed
 * outputs). A build writes several tables, one commit each, and publishes them by its row in
 * {@code meta.run_log}, written last. A month is consistent when every table that holds it holds
 * it from one run, and that run was published; a crash between two commits (or a run that failed
 * half-way) shows as a month whose tables come from different runs, or from a run without a
 * published row. Rebuilding the month heals it.
 */
public final class Status {
  private Status() {}

  /** One built month: the run(s) its tables come from, and what is wrong (null when nothing). */
  public record Month(YearMonth month, Set<String> runs, String problem) {}

  /**
   * @param months every built month, in order
   * @param silverProblem what is wrong with silver, or null
   * @param runStatus the status of every run in the run log
   */
  public record Report(List<Month> months, String silverProblem, Map<String, String> runStatus) {
    public boolean consistent() {
      return silverProblem == null && months.stream().allMatch(m -> m.problem() == null);
    }

    /** The month ranges to rebuild, as {@code [from, to]} pairs of contiguous problem months. */
    public List<YearMonth[]> rebuild() {
      List<YearMonth[]> out = new ArrayList<>();
      for (Month m : months) {
        if (m.problem() == null) continue;
        YearMonth[] last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && last[1].plusMonths(1).equals(m.month())) last[1] = m.month();
        else out.add(new YearMonth[] {m.month(), m.month()});
      }
      return out;
    }
  }

  /** The month-keyed tables a build writes, with the month each row belongs to. */
  private static Map<TableSpec, Column> monthTables() {
    Map<TableSpec, Column> m = new LinkedHashMap<>();
    m.put(Tables.PERSON_MONTH, col(Cols.MONTH));
    m.put(Tables.FOCUS_GOAL_MONTHLY, col(Cols.MONTH));
    m.put(Tables.FOCUS_GOAL_NATIONAL_MONTHLY, col(Cols.MONTH));
    m.put(Tables.FOCUS_GOAL_12M, col(Cols.MONTH));
    m.put(Tables.RESULT_GOAL, trunc(col(Cols.PERIOD_END), "MM"));
    m.put(Tables.SUPERVISION, make_date(col(Cols.YEAR), lit(12), lit(1)));
    m.put(Tables.QUARTERLY_REPORT, col(Cols.MONTH));
    return m;
  }

  /** Tables every built month has (the others only some months: quarters, Decembers, benchmark ends). */
  private static final Set<TableSpec> EVERY_MONTH =
      Set.of(Tables.PERSON_MONTH, Tables.FOCUS_GOAL_MONTHLY, Tables.FOCUS_GOAL_NATIONAL_MONTHLY, Tables.FOCUS_GOAL_12M);

  private static final Pattern SILVER_STATE = Pattern.compile("\"silver_state\":\"([^\"]+)\"");

  /**
   * The status of the outputs in {@code out}, by the runs recorded in {@code lake}'s run log. Reads
   * only small aggregates (one row per month and table), safe to bring to the driver.
   */
  public static Report of(SparkSession spark, Lake lake, Lake out) {
    Map<String, String> runs = new HashMap<>();
    String runLog = Tables.RUN_LOG.path(lake);
    if (DeltaIO.exists(spark, runLog)) {
      for (Row r : DeltaIO.read(spark, runLog).select(Cols.RUN_ID, Cols.STATUS).collectAsList()) { // one row per run
        runs.put(r.getAs(Cols.RUN_ID), r.getAs(Cols.STATUS));
      }
    }
    TreeMap<YearMonth, Map<TableSpec, Set<String>>> byMonth = new TreeMap<>();
    monthTables().forEach((t, month) -> {
      if (!DeltaIO.exists(spark, t.path(out))) return;
      List<Row> rows =
          DeltaIO.read(spark, t.path(out))
              .groupBy(month.as(Cols.MONTH))
              .agg(collect_set(col(Cols.RUN_ID)).as(Cols.RUN_ID))
              .collectAsList(); // one row per month
      for (Row r : rows) {
        YearMonth m = YearMonth.from(r.<Date>getAs(Cols.MONTH).toLocalDate());
        byMonth.computeIfAbsent(m, k -> new LinkedHashMap<>())
            .put(t, new LinkedHashSet<>(r.<String>getList(r.fieldIndex(Cols.RUN_ID))));
      }
    });

    List<Month> months = new ArrayList<>();
    byMonth.forEach((m, tables) -> {
      if (!tables.containsKey(Tables.FOCUS_GOAL_MONTHLY) && !tables.containsKey(Tables.PERSON_MONTH)) return; // not a built month
      Set<String> all = new LinkedHashSet<>();
      tables.values().forEach(all::addAll);
      String problem = null;
      List<String> missing = new ArrayList<>();
      for (TableSpec t : EVERY_MONTH) if (!tables.containsKey(t)) missing.add(t.qualifiedName());
      if (all.size() > 1) {
        List<String> parts = new ArrayList<>();
        tables.forEach((t, r) -> parts.add(t.qualifiedName() + " from " + String.join("+", r)));
        problem = "mixed runs: " + String.join(", ", parts);
      } else if (!missing.isEmpty()) {
        problem = "incomplete: no rows in " + String.join(", ", missing);
      } else {
        String run = all.iterator().next();
        if (!RunLog.published(runs.get(run))) {
          problem = "from an unfinished run " + run + " (" + (runs.containsKey(run) ? runs.get(run) : "no run-log row: it crashed or was killed") + ")";
        }
      }
      months.add(new Month(m, all, problem));
    });

    // Silver is valid when its three tables were computed from one state (a refresh that was
    // cut short leaves them apart); which run computed it does not matter.
    Set<String> states = new LinkedHashSet<>();
    for (TableSpec t : SilverStage.TABLES) {
      String meta = DeltaIO.lastUserMetadata(spark, t.path(out));
      Matcher m = meta == null ? null : SILVER_STATE.matcher(meta);
      states.add(m != null && m.find() ? m.group(1) : "none");
    }
    String silverProblem =
        states.size() > 1
            ? "silver partly recomputed (a refresh was cut short): the next build recomputes it"
            : null;
    return new Report(months, silverProblem, runs);
  }
}
