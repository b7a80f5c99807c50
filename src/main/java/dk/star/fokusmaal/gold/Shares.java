package dk.star.fokusmaal.gold;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.ReferenceTables;
import dk.star.fokusmaal.rules.Months;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.rules.RulesTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Monthly passive shares (SPEC §5.7, §8.1–8.2): of the persons in the population of the month,
 * the percentage passive for conversations (fewer than 4 held in 12 months) and for offers (no
 * offer and too few ordinary hours in 12 months) — per municipality, per municipality and benefit
 * group, per municipality and benefit, and nationally, pooled over all persons.
 */
public final class Shares {
  private Shares() {}

  private static final String CELL = "_cell";

  /** The three breakdowns of each person-month: ALL, its benefit group, its benefit. */
  private static Column breakdowns() {
    return explode(
        array(
            struct(lit(Cols.ALL).as(Cols.BREAKDOWN), lit(Cols.ALL).as(Cols.BREAKDOWN_VALUE)),
            struct(lit(Cols.BY_BENEFIT_GROUP).as(Cols.BREAKDOWN), col(Cols.BENEFIT_GROUP).as(Cols.BREAKDOWN_VALUE)),
            struct(lit(Cols.BY_BENEFIT).as(Cols.BREAKDOWN), col(Cols.BENEFIT_CODE).as(Cols.BREAKDOWN_VALUE))));
  }

  /**
   * Counts per month × municipality × breakdown, unsuppressed: {@code month, municipality_code,
   * breakdown, breakdown_value, population, passive_conversations, passive_offers}.
   */
  public static Dataset<Row> municipalCounts(Dataset<Row> measured) {
    return measured
        .withColumn(CELL, breakdowns())
        .groupBy(
            col(Cols.MONTH), col(Cols.MUNICIPALITY_CODE),
            col(CELL + "." + Cols.BREAKDOWN).as(Cols.BREAKDOWN),
            col(CELL + "." + Cols.BREAKDOWN_VALUE).as(Cols.BREAKDOWN_VALUE))
        .agg(
            count(lit(1)).as(Cols.POPULATION),
            sum(when(col(Cols.PASSIVE_CONVERSATIONS_FLAG), 1).otherwise(0)).cast(DataTypes.LongType).as(Cols.PASSIVE_CONVERSATIONS),
            sum(when(col(Cols.PASSIVE_OFFERS_FLAG), 1).otherwise(0)).cast(DataTypes.LongType).as(Cols.PASSIVE_OFFERS));
  }

  /** National counts, pooled over all persons (the sum of the municipal counts, not a mean of shares). */
  public static Dataset<Row> nationalCounts(Dataset<Row> municipalCounts) {
    return municipalCounts
        .groupBy(col(Cols.MONTH), col(Cols.BREAKDOWN), col(Cols.BREAKDOWN_VALUE))
        .agg(
            sum(col(Cols.POPULATION)).as(Cols.POPULATION),
            sum(col(Cols.PASSIVE_CONVERSATIONS)).as(Cols.PASSIVE_CONVERSATIONS),
            sum(col(Cols.PASSIVE_OFFERS)).as(Cols.PASSIVE_OFFERS));
  }

  /**
   * Percentages (0–100, unrounded), small-cell suppression and the COVID flag. A cell whose
   * population is below the year's {@code suppression.min_population} (1–4 persons by default)
   * has its passive counts and percentages set to null and {@code suppressed = true}; its
   * population stays visible.
   */
  public static Dataset<Row> shares(Dataset<Row> counts, Rules rules) {
    Column suppressed = col(Cols.POPULATION).lt(col(RulesTable.MIN_POPULATION));
    Column pop = col(Cols.POPULATION).cast(DataTypes.DoubleType);
    Dataset<Row> withRules = RulesTable.join(counts, col(Cols.MONTH), rules);
    return RulesTable.drop(
        withRules
            .withColumn(Cols.SUPPRESSED, suppressed)
            .withColumn(Cols.PASSIVE_CONVERSATIONS_PCT,
                when(not(suppressed), col(Cols.PASSIVE_CONVERSATIONS).multiply(100.0).divide(pop)))
            .withColumn(Cols.PASSIVE_OFFERS_PCT,
                when(not(suppressed), col(Cols.PASSIVE_OFFERS).multiply(100.0).divide(pop)))
            .withColumn(Cols.PASSIVE_CONVERSATIONS, when(not(suppressed), col(Cols.PASSIVE_CONVERSATIONS)))
            .withColumn(Cols.PASSIVE_OFFERS, when(not(suppressed), col(Cols.PASSIVE_OFFERS)))
            .withColumn(Cols.COVID_FLAG, Months.covidFlag(col(Cols.MONTH), rules)));
  }

  /** {@code gold.focus_goal_monthly} rows (without run_id): municipal shares with names and regions. */
  public static Dataset<Row> municipal(Dataset<Row> municipalCounts, Rules rules) {
    return ReferenceTables.withNames(shares(municipalCounts, rules), Cols.MUNICIPALITY_NAME, Cols.REGION_NAME)
        .select(
            col(Cols.MONTH), col(Cols.MUNICIPALITY_CODE), col(Cols.MUNICIPALITY_NAME), col(Cols.REGION_NAME),
            col(Cols.BREAKDOWN), col(Cols.BREAKDOWN_VALUE), col(Cols.POPULATION),
            col(Cols.PASSIVE_CONVERSATIONS), col(Cols.PASSIVE_CONVERSATIONS_PCT),
            col(Cols.PASSIVE_OFFERS), col(Cols.PASSIVE_OFFERS_PCT), col(Cols.SUPPRESSED),
            col(Cols.COVID_FLAG));
  }

  /** {@code gold.focus_goal_national_monthly} rows (without run_id). */
  public static Dataset<Row> national(Dataset<Row> municipalCounts, Rules rules) {
    return shares(nationalCounts(municipalCounts), rules)
        .select(
            col(Cols.MONTH), col(Cols.BREAKDOWN), col(Cols.BREAKDOWN_VALUE), col(Cols.POPULATION),
            col(Cols.PASSIVE_CONVERSATIONS), col(Cols.PASSIVE_CONVERSATIONS_PCT),
            col(Cols.PASSIVE_OFFERS), col(Cols.PASSIVE_OFFERS_PCT), col(Cols.SUPPRESSED),
            col(Cols.COVID_FLAG));
  }
}
