package dk.star.fokusmaal.report;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Charts and tables for people (SPEC §9): for one month, the 12-month averages of every
 * municipality against the thresholds, and the national passive shares of the 24 months up to it,
 * as CSV files and one self-contained HTML page with SVG charts. Reads only the small gold tables.
 */
public final class Report {
  private Report() {}

  /**
   * Writes the report of {@code month} into {@code out}.
   *
   * @return a line for the person watching: what was written
   */
  public static String write(SparkSession spark, Lake lake, Rules rules, YearMonth month, Path out) throws IOException {
    Date m = Date.valueOf(month.atDay(1));
    Dataset<Row> twelve = DeltaIO.read(spark, Tables.FOCUS_GOAL_12M.path(lake))
        .filter(col(Cols.MONTH).equalTo(m).and(col(Cols.MUNICIPALITY_CODE).isNotNull()))
        .orderBy(col(Cols.AVG_PASSIVE_OFFERS_PCT_12M).desc_nulls_last());
    Dataset<Row> national = DeltaIO.read(spark, Tables.FOCUS_GOAL_NATIONAL_MONTHLY.path(lake))
        .filter(col(Cols.BREAKDOWN).equalTo(Cols.ALL)
            .and(col(Cols.MONTH).between(Date.valueOf(month.minusMonths(23).atDay(1)), m)))
        .orderBy(col(Cols.MONTH));
    List<Row> munis = twelve.collectAsList(); // at most 98 rows
    List<Row> trend = national.collectAsList(); // at most 24 rows
    if (munis.isEmpty()) throw new IllegalStateException("no gold.focus_goal_12m rows for " + month + ": build it first");
    Files.createDirectories(out);
    Files.writeString(out.resolve("focus_goal_12m-" + month + ".csv"), csv(munis, twelve.columns()), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("national-" + month + ".csv"), csv(trend, national.columns()), StandardCharsets.UTF_8);
    Path html = out.resolve("report-" + month + ".html");
    Files.writeString(html, html(month, munis, trend, rules.forMonth(month).offerThresholdPct()), StandardCharsets.UTF_8);
    return String.format(Locale.ROOT, "report written: %s (%d municipalities, %d months of national shares)", html, munis.size(), trend.size());
  }

  private static String csv(List<Row> rows, String[] cols) {
    StringBuilder sb = new StringBuilder(String.join(",", cols)).append('\n');
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) cells.add(r.isNullAt(i) ? "" : String.valueOf(r.get(i)).replace(",", " "));
      sb.append(String.join(",", cells)).append('\n');
    }
    return sb.toString();
  }

  private static double num(Row r, String c) {
    return r.isNullAt(r.fieldIndex(c)) ? Double.NaN : ((Number) r.getAs(c)).doubleValue();
  }

  private static String html(YearMonth month, List<Row> munis, List<Row> trend, double threshold) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!doctype html><html lang=da><meta charset=utf-8><title>Fokusmål ").append(month).append("</title>")
        .append("<style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 8px;text-align:right}"
            + "td:first-child{text-align:left}.fail{color:#b00}</style>")
        .append("<h1>Fokusmål, 12 months to ").append(month).append("</h1>");
    // Bar chart: each municipality's 12-month average passive share for offers, dashed threshold.
    int w = 900, barH = 9, h = munis.size() * barH + 30;
    sb.append("<h2>Passive for offers, 12-month average, by municipality</h2><svg width=").append(w).append(" height=").append(h).append(">");
    double scale = (w - 180) / 60.0; // 0–60 %
    for (int i = 0; i < munis.size(); i++) {
      Row r = munis.get(i);
      double v = num(r, Cols.AVG_PASSIVE_OFFERS_PCT_12M);
      boolean fails = Boolean.FALSE.equals(r.getAs(Cols.MEETS_OFFER_GOAL));
      int y = 20 + i * barH;
      sb.append(String.format(Locale.ROOT, "<text x=0 y=%d font-size=8>%s</text>", y + 7, esc(r.getAs(Cols.MUNICIPALITY_NAME))));
      if (!Double.isNaN(v)) {
        sb.append(String.format(Locale.ROOT, "<rect x=150 y=%d width=%.1f height=%d fill=%s/>", y, v * scale, barH - 2, fails ? "#c33" : "#58a"));
      }
    }
    sb.append(String.format(Locale.ROOT, "<line x1=%.1f x2=%.1f y1=10 y2=%d stroke=black stroke-dasharray=4/>", 150 + threshold * scale, 150 + threshold * scale, h));
    sb.append("</svg>");
    // Line chart: national monthly passive shares.
    int lw = 700, lh = 220;
    sb.append("<h2>National passive shares by month</h2><svg width=").append(lw).append(" height=").append(lh + 20).append(">");
    for (String[] series : new String[][] {{Cols.PASSIVE_CONVERSATIONS_PCT, "#393"}, {Cols.PASSIVE_OFFERS_PCT, "#c60"}}) {
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < trend.size(); i++) {
        double v = num(trend.get(i), series[0]);
        if (Double.isNaN(v)) continue;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", 40 + i * (lw - 60.0) / Math.max(1, trend.size() - 1), lh - v * lh / 40.0));
      }
      sb.append("<polyline fill=none stroke=").append(series[1]).append(" stroke-width=2 points='").append(pts).append("'/>");
    }
    sb.append("<text x=40 y=").append(lh + 15).append(" font-size=10>green: conversations, orange: offers (0–40 %)</text></svg>");
    // Table of municipalities failing a goal.
    sb.append("<h2>Municipalities failing a fokusmål</h2><table><tr><th>Municipality<th>Conversations %<th>Offers %<th>Months");
    for (Row r : munis) {
      boolean c = Boolean.FALSE.equals(r.getAs(Cols.MEETS_CONVERSATION_GOAL));
      boolean o = Boolean.FALSE.equals(r.getAs(Cols.MEETS_OFFER_GOAL));
      if (!c && !o) continue;
      sb.append(String.format(Locale.ROOT, "<tr><td>%s<td class=%s>%.1f<td class=%s>%.1f<td>%s",
          esc(r.getAs(Cols.MUNICIPALITY_NAME)), c ? "fail" : "", num(r, Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M),
          o ? "fail" : "", num(r, Cols.AVG_PASSIVE_OFFERS_PCT_12M), r.getAs(Cols.MONTHS_IN_AVERAGE)));
    }
    return sb.append("</table></html>\n").toString();
  }

  private static String esc(Object s) {
    return String.valueOf(s).replace("&", "&amp;").replace("<", "&lt;");
  }
}
