package dk.star.fokusmaal.pipeline;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.rules.Months;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A scenario beside the official figures (issue: researchers vary the rules): per month and
 * municipality the official and the scenario's monthly passive shares and 12-month averages, and
 * whether the municipality's goal status changes. Gold tables only; no person-level data.
 */
public final class Compare {
  private Compare() {}

  private static final String OFFICIAL = Cols.OFFICIAL_PREFIX, SCENARIO = Cols.SCENARIO_PREFIX;

  private static final String[] SHARES = {Cols.PASSIVE_CONVERSATIONS_PCT, Cols.PASSIVE_OFFERS_PCT};
  private static final String[] AVERAGES = {
    Cols.AVG_PASSIVE_CONVERSATIONS_PCT_12M, Cols.AVG_PASSIVE_OFFERS_PCT_12M, Cols.MEETS_CONVERSATION_GOAL, Cols.MEETS_OFFER_GOAL
  };

  /**
   * One row per month {@code from … to} and municipality (and the nation, code null) in either:
   * month, municipality_code, municipality_name, then {@code official_X} and {@code scenario_X} for
   * the monthly shares (breakdown ALL) and the 12-month averages and goals, then whether each
   * goal's status differs.
   */
  public static Dataset<Row> sideBySide(SparkSession spark, Lake official, Lake scenario, YearMonth from, YearMonth to) {
    Dataset<Row> o = figures(spark, official, from, to, OFFICIAL);
    Dataset<Row> s = figures(spark, scenario, from, to, SCENARIO)
        .withColumnRenamed(Cols.MONTH, "_s_month")
        .withColumnRenamed(Cols.MUNICIPALITY_CODE, "_s_code")
        .withColumnRenamed(Cols.MUNICIPALITY_NAME, "_s_name");
    return o.join(s, col(Cols.MONTH).equalTo(col("_s_month")).and(col(Cols.MUNICIPALITY_CODE).eqNullSafe(col("_s_code"))), "full_outer")
        .withColumn(Cols.MONTH, coalesce(col(Cols.MONTH), col("_s_month")))
        .withColumn(Cols.MUNICIPALITY_CODE, coalesce(col(Cols.MUNICIPALITY_CODE), col("_s_code")))
        .withColumn(Cols.MUNICIPALITY_NAME, coalesce(col(Cols.MUNICIPALITY_NAME), col("_s_name")))
        .drop("_s_month", "_s_code", "_s_name")
        .withColumn(Cols.CONVERSATION_GOAL_CHANGED,
            not(col(OFFICIAL + Cols.MEETS_CONVERSATION_GOAL).eqNullSafe(col(SCENARIO + Cols.MEETS_CONVERSATION_GOAL))))
        .withColumn(Cols.OFFER_GOAL_CHANGED,
            not(col(OFFICIAL + Cols.MEETS_OFFER_GOAL).eqNullSafe(col(SCENARIO + Cols.MEETS_OFFER_GOAL))))
        .orderBy(col(Cols.MONTH), col(Cols.MUNICIPALITY_CODE).asc_nulls_first());
  }

  /** The shares and averages of one namespace, prefixed. */
  private static Dataset<Row> figures(SparkSession spark, Lake lake, YearMonth from, YearMonth to, String prefix) {
    Column months = col(Cols.MONTH).between(lit(Months.date(from)), lit(Months.date(to)));
    Dataset<Row> monthly =
        DeltaIO.read(spark, Tables.FOCUS_GOAL_MONTHLY.path(lake))
            .filter(months.and(col(Cols.BREAKDOWN).equalTo(Cols.ALL)))
            .select(col(Cols.MONTH), col(Cols.MUNICIPALITY_CODE), col(SHARES[0]), col(SHARES[1]))
            .unionByName(
                DeltaIO.read(spark, Tables.FOCUS_GOAL_NATIONAL_MONTHLY.path(lake))
                    .filter(months.and(col(Cols.BREAKDOWN).equalTo(Cols.ALL)))
                    .select(col(Cols.MONTH), lit(null).cast("int").as(Cols.MUNICIPALITY_CODE), col(SHARES[0]), col(SHARES[1])));
    Dataset<Row> twelve =
        DeltaIO.read(spark, Tables.FOCUS_GOAL_12M.path(lake)).filter(months)
            .select(col(Cols.MONTH), col(Cols.MUNICIPALITY_CODE), col(Cols.MUNICIPALITY_NAME),
                col(AVERAGES[0]), col(AVERAGES[1]), col(AVERAGES[2]), col(AVERAGES[3]));
    // The 12-month table has a row wherever the monthly one has (and the nation's, code null).
    Dataset<Row> both =
        twelve.join(monthly.withColumnRenamed(Cols.MONTH, "_m").withColumnRenamed(Cols.MUNICIPALITY_CODE, "_c"),
                col(Cols.MONTH).equalTo(col("_m")).and(col(Cols.MUNICIPALITY_CODE).eqNullSafe(col("_c"))), "left")
            .drop("_m", "_c");
    for (String c : SHARES) both = both.withColumnRenamed(c, prefix + c);
    for (String c : AVERAGES) both = both.withColumnRenamed(c, prefix + c);
    return both;
  }
}
