package dk.star.fokusmaal.report;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A short summary a person can read after a build: the national passive shares by month, the
 * municipalities failing each fokusmål over the last 12 months, and the last supervision decision.
 * It reads the small gold tables only (at most a few thousand rows).
 */
public final class Summary {
  private Summary() {}

  public static void print(SparkSession spark, Lake lake) {
    Dataset<Row> national = DeltaIO.read(spark, Tables.FOCUS_GOAL_NATIONAL_MONTHLY.path(lake))
        .filter(col(Cols.BREAKDOWN).equalTo(Cols.ALL)).orderBy(col(Cols.MONTH));
    System.out.println();
    System.out.println("National passive shares (all benefit groups)");
    System.out.println("  month     population  conversations %  offers %  covid");
    for (Row r : national.collectAsList()) { // one row per month
      System.out.printf(Locale.ROOT, "  %s  %10d  %15.1f  %8.1f  %s%n",
          r.getDate(r.fieldIndex(Cols.MONTH)).toString().substring(0, 7),
          r.getLong(r.fieldIndex(Cols.POPULATION)),
          r.isNullAt(r.fieldIndex(Cols.PASSIVE_CONVERSATIONS_PCT)) ? Double.NaN : r.getDouble(r.fieldIndex(Cols.PASSIVE_CONVERSATIONS_PCT)),
          r.isNullAt(r.fieldIndex(Cols.PASSIVE_OFFERS_PCT)) ? Double.NaN : r.getDouble(r.fieldIndex(Cols.PASSIVE_OFFERS_PCT)),
          r.getBoolean(r.fieldIndex(Cols.COVID_FLAG)) ? "yes" : "");
    }

    Dataset<Row> twelve = DeltaIO.read(spark, Tables.FOCUS_GOAL_12M.path(lake)).filter(col(Cols.MUNICIPALITY_CODE).isNotNull());
    java.sql.Date lastMonth = twelve.agg(max(col(Cols.MONTH)).as(Cols.MONTH)).first().getAs(Cols.MONTH);
    if (lastMonth != null) {
      Dataset<Row> last = twelve.filter(col(Cols.MONTH).equalTo(lastMonth));
      String month = lastMonth.toString().substring(0, 7);
      failing(last, Cols.MEETS_CONVERSATION_GOAL, Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M,
          "Municipalities failing the samtaler fokusmål (12 months to " + month + ")");
      failing(last, Cols.MEETS_OFFER_GOAL, Cols.AVG_PASSIVE_OFFERS_PCT_12M,
          "Municipalities failing the tilbud fokusmål (12 months to " + month + ")");
    }

    String supervisionPath = Tables.SUPERVISION.path(lake);
    if (DeltaIO.exists(spark, supervisionPath)) {
      Dataset<Row> sup = DeltaIO.read(spark, supervisionPath);
      Integer lastYear = sup.agg(max(col(Cols.YEAR)).as(Cols.YEAR)).first().getAs(Cols.YEAR);
      if (lastYear != null) {
        int year = lastYear;
        Dataset<Row> y = sup.filter(col(Cols.YEAR).equalTo(year));
        System.out.printf(Locale.ROOT, "%nSupervision decision %d: %d of %d municipalities fail the resultatmål%n",
            year, y.filter(not(col(Cols.MEETS_RESULT_GOAL))).count(), y.count());
        // one row per status: at most five
        for (Row r : y.groupBy(col(Cols.SUPERVISION_STATUS)).count().orderBy(col(Cols.SUPERVISION_STATUS)).collectAsList()) {
          String status = r.getAs(Cols.SUPERVISION_STATUS);
          System.out.printf(Locale.ROOT, "  %-22s %3d%n", status == null ? "(undecided)" : status, r.<Long>getAs("count"));
        }
        List<Row> named = y.filter(col(Cols.SUPERVISION_STATUS).notEqual("NONE"))
            .orderBy(col(Cols.SUPERVISION_STATUS), col(Cols.MUNICIPALITY_NAME)).collectAsList(); // at most 98 rows
        for (Row r : named) {
          System.out.printf(Locale.ROOT, "    %-22s %s%n", r.getString(r.fieldIndex(Cols.SUPERVISION_STATUS)),
              r.getString(r.fieldIndex(Cols.MUNICIPALITY_NAME)));
        }
      }
    }
    System.out.println();
  }

  private static void failing(Dataset<Row> last, String meets, String avg, String title) {
    List<Row> rows = last.filter(not(col(meets))).orderBy(col(avg).desc())
        .select(col(Cols.MUNICIPALITY_NAME), col(avg)).collectAsList(); // at most 98 rows
    System.out.printf(Locale.ROOT, "%n%s: %d%n", title, rows.size());
    for (Row r : rows) System.out.printf(Locale.ROOT, "  %-22s %5.1f %%%n", r.<String>getAs(Cols.MUNICIPALITY_NAME), r.<Double>getAs(avg));
  }
}
