package dk.star.fokusmaal.gold;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.ReferenceTables;
import dk.star.fokusmaal.reference.Benefit;
import java.util.ArrayList;
import java.util.List;
import dk.star.fokusmaal.rules.Months;
import dk.star.fokusmaal.rules.Rules;
import dk.star.fokusmaal.rules.RulesTable;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
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
   * Which cells of the month's municipal and national tables are suppressed (SPEC §8 "Small
   * cells"), with the cell's {@code month, municipality_code} (null for a national cell), {@code
   * breakdown, breakdown_value} and {@code suppressed}:
   *
   * <ol>
   *   <li><b>Primary</b>: a cell whose population is below the year's {@code
   *       suppression.min_population} (1–4 persons by default; never below 3).
   *   <li><b>Secondary</b>: populations are published, so a hidden count can be recovered by
   *       subtraction wherever it is the only hidden cell of an additive relation. The relations,
   *       per month: in each municipality and nationally, ALL = Σ benefit groups, ALL = Σ
   *       benefits, and each benefit group = Σ its benefits; and for each breakdown cell, the
   *       nation = Σ municipalities. While some relation has exactly one hidden cell, its
   *       smallest published part, the smallest sibling (by population, then by key), is hidden
   *       too — the total only when no part is left — repeated until no relation has exactly one
   *       hidden cell (issue 11). So a national figure stays published next to a small
   *       municipality: the next smallest municipality of that cell is hidden with it. Each round
   *       settles the open relations of the first phase that has any: within the municipalities,
   *       then nation = Σ municipalities, then within the nation.
   * </ol>
   *
   * Every relation lies inside one month, so each month's cells (about 1,800) are settled
   * together on an executor ({@link SecondarySuppression}): one Spark job for all months, not a
   * job per round. It ends because every round hides at least one more cell.
   */
  public static Dataset<Row> suppression(Dataset<Row> municipalCounts, Rules rules) {
    Dataset<Row> cells =
        RulesTable.drop(
            RulesTable.join(
                    municipalCounts.select(col(Cols.MONTH), col(Cols.MUNICIPALITY_CODE), col(Cols.BREAKDOWN),
                            col(Cols.BREAKDOWN_VALUE), col(Cols.POPULATION))
                        .unionByName(nationalCounts(municipalCounts)
                            .select(col(Cols.MONTH), lit(null).cast(DataTypes.IntegerType).as(Cols.MUNICIPALITY_CODE),
                                col(Cols.BREAKDOWN), col(Cols.BREAKDOWN_VALUE), col(Cols.POPULATION))),
                    col(Cols.MONTH), rules)
                .withColumn(Cols.SUPPRESSED, col(Cols.POPULATION).lt(col(RulesTable.MIN_POPULATION))))
            .withColumn(KEY, cellKey());
    Dataset<Row> members =
        cells.select(col(Cols.MONTH).cast(DataTypes.StringType).as(MONTH_KEY), col(KEY), col(Cols.POPULATION),
                col(Cols.SUPPRESSED), explode(relations()).as(REL))
            .select(col(MONTH_KEY), col(KEY), col(Cols.POPULATION).cast(DataTypes.LongType).as(Cols.POPULATION),
                col(Cols.SUPPRESSED), col(REL + ".id").as(SecondarySuppression.RELATION),
                col(REL + ".total").as(SecondarySuppression.TOTAL), col(REL + ".phase").as(SecondarySuppression.PHASE));
    Dataset<Row> hidden =
        members.groupByKey((MapFunction<Row, String>) r -> r.getAs(MONTH_KEY), Encoders.STRING())
            .flatMapGroups(new SecondarySuppression(), Encoders.row(SecondarySuppression.SETTLED));
    return cells.drop(Cols.SUPPRESSED).join(hidden, KEY).drop(KEY, Cols.POPULATION);
  }

  // Scratch columns of the suppression.
  /** The key of a cell in the suppression's scratch frames. */
  static final String KEY = "_cell_key";
  private static final String REL = "_relation", NATION = "N", MONTH_KEY = "_month_key";
  private static final int NATION_PHASE = 2;
  private static final String S_MONTH = "_s_month", S_MUNI = "_s_municipality", S_BD = "_s_breakdown",
      S_VALUE = "_s_value", S_HIDDEN = "_s_suppressed";

  private static Column cellKey() {
    return concat_ws("|", col(Cols.MONTH).cast("string"), coalesce(col(Cols.MUNICIPALITY_CODE).cast("string"), lit(NATION)),
        col(Cols.BREAKDOWN), col(Cols.BREAKDOWN_VALUE));
  }

  /** The additive relations a cell takes part in: {@code array<struct<id string, total boolean>>}. */
  private static Column relations() {
    Column scope = concat_ws("|", col(Cols.MONTH).cast("string"), coalesce(col(Cols.MUNICIPALITY_CODE).cast("string"), lit(NATION)));
    Column nation = concat_ws("|", col(Cols.MONTH).cast("string"), lit(NATION), col(Cols.BREAKDOWN), col(Cols.BREAKDOWN_VALUE), lit("municipalities"));
    List<Column> groupOf = new ArrayList<>();
    for (Benefit b : Benefit.values()) {
      if (b.inScope()) {
        groupOf.add(lit(b.code()));
        groupOf.add(lit(b.group().name()));
      }
    }
    Column group = try_element_at(map(groupOf.toArray(Column[]::new)), col(Cols.BREAKDOWN_VALUE));
    Column isAll = col(Cols.BREAKDOWN).equalTo(Cols.ALL);
    Column isGroup = col(Cols.BREAKDOWN).equalTo(Cols.BY_BENEFIT_GROUP);
    Column municipal = col(Cols.MUNICIPALITY_CODE).isNotNull();
    Column byGroups = concat_ws("|", scope, lit("groups"));
    Column byBenefits = concat_ws("|", scope, lit("benefits"));
    Column inGroup = concat_ws("|", scope, lit("group"), when(isGroup, col(Cols.BREAKDOWN_VALUE)).otherwise(group));
    // Phases: 1 within a municipality, 2 nation = Σ municipalities, 3 within the nation.
    Column withinPhase = when(municipal, lit(1)).otherwise(lit(3));
    Column within =
        when(isAll, array(rel(byGroups, lit(true), withinPhase), rel(byBenefits, lit(true), withinPhase)))
            .when(isGroup, array(rel(byGroups, lit(false), withinPhase), rel(inGroup, lit(true), withinPhase)))
            .otherwise(array(rel(byBenefits, lit(false), withinPhase), rel(inGroup, lit(false), withinPhase)));
    return concat(within, array(rel(nation, not(municipal), lit(NATION_PHASE))));
  }

  private static Column rel(Column id, Column total, Column phase) {
    return struct(id.as("id"), total.as("total"), phase.as("phase"));
  }

  /**
   * Percentages (0–100, unrounded), small-cell suppression and the COVID flag. A cell marked
   * {@code suppressed} by {@link #suppression} has its passive counts and percentages set to
   * null; its population stays visible.
   *
   * @param suppression {@link #suppression} of the same months
   */
  public static Dataset<Row> shares(Dataset<Row> counts, Dataset<Row> suppression, Rules rules) {
    Column suppressed = col(Cols.SUPPRESSED);
    Column pop = col(Cols.POPULATION).cast(DataTypes.DoubleType);
    // The suppression's columns renamed: it shares lineage (and column ids) with the counts.
    Dataset<Row> hidden =
        suppression.select(
            col(Cols.MONTH).as(S_MONTH), col(Cols.MUNICIPALITY_CODE).as(S_MUNI), col(Cols.BREAKDOWN).as(S_BD),
            col(Cols.BREAKDOWN_VALUE).as(S_VALUE), col(Cols.SUPPRESSED).as(S_HIDDEN));
    Column sameCell =
        col(Cols.MONTH).equalTo(col(S_MONTH))
            .and(col(Cols.MUNICIPALITY_CODE).eqNullSafe(col(S_MUNI)))
            .and(col(Cols.BREAKDOWN).equalTo(col(S_BD)))
            .and(col(Cols.BREAKDOWN_VALUE).equalTo(col(S_VALUE)));
    Dataset<Row> flagged =
        counts.join(hidden, sameCell, "left")
            .withColumn(Cols.SUPPRESSED, coalesce(col(S_HIDDEN), lit(true)))
            .drop(S_MONTH, S_MUNI, S_BD, S_VALUE, S_HIDDEN);
    return flagged
        .withColumn(Cols.PASSIVE_CONVERSATIONS_PCT,
            when(not(suppressed), col(Cols.PASSIVE_CONVERSATIONS).multiply(100.0).divide(pop)))
        .withColumn(Cols.PASSIVE_OFFERS_PCT,
            when(not(suppressed), col(Cols.PASSIVE_OFFERS).multiply(100.0).divide(pop)))
        .withColumn(Cols.PASSIVE_CONVERSATIONS, when(not(suppressed), col(Cols.PASSIVE_CONVERSATIONS)))
        .withColumn(Cols.PASSIVE_OFFERS, when(not(suppressed), col(Cols.PASSIVE_OFFERS)))
        .withColumn(Cols.COVID_FLAG, Months.covidFlag(col(Cols.MONTH), rules));
  }

  /** {@code gold.focus_goal_monthly} rows (without run_id): municipal shares with names and regions. */
  public static Dataset<Row> municipal(Dataset<Row> municipalCounts, Rules rules) {
    return municipal(municipalCounts, suppression(municipalCounts, rules), rules);
  }

  /** As {@link #municipal(Dataset, Rules)}, with the suppression already decided. */
  public static Dataset<Row> municipal(Dataset<Row> municipalCounts, Dataset<Row> suppression, Rules rules) {
    return ReferenceTables.withNames(shares(municipalCounts, suppression, rules), Cols.MUNICIPALITY_NAME, Cols.REGION_NAME)
        .select(
            col(Cols.MONTH), col(Cols.MUNICIPALITY_CODE), col(Cols.MUNICIPALITY_NAME), col(Cols.REGION_NAME),
            col(Cols.BREAKDOWN), col(Cols.BREAKDOWN_VALUE), col(Cols.POPULATION),
            col(Cols.PASSIVE_CONVERSATIONS), col(Cols.PASSIVE_CONVERSATIONS_PCT),
            col(Cols.PASSIVE_OFFERS), col(Cols.PASSIVE_OFFERS_PCT), col(Cols.SUPPRESSED),
            col(Cols.COVID_FLAG));
  }

  /** {@code gold.focus_goal_national_monthly} rows (without run_id). */
  public static Dataset<Row> national(Dataset<Row> municipalCounts, Rules rules) {
    return national(municipalCounts, suppression(municipalCounts, rules), rules);
  }

  /** As {@link #national(Dataset, Rules)}, with the suppression already decided. */
  public static Dataset<Row> national(Dataset<Row> municipalCounts, Dataset<Row> suppression, Rules rules) {
    return shares(
            nationalCounts(municipalCounts).withColumn(Cols.MUNICIPALITY_CODE, lit(null).cast(DataTypes.IntegerType)),
            suppression, rules)
        .select(
            col(Cols.MONTH), col(Cols.BREAKDOWN), col(Cols.BREAKDOWN_VALUE), col(Cols.POPULATION),
            col(Cols.PASSIVE_CONVERSATIONS), col(Cols.PASSIVE_CONVERSATIONS_PCT),
            col(Cols.PASSIVE_OFFERS), col(Cols.PASSIVE_OFFERS_PCT), col(Cols.SUPPRESSED),
            col(Cols.COVID_FLAG));
  }
}
