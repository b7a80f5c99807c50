package dk.star.fokusmaal.gold;

import static dk.star.fokusmaal.contract.Cols.ACTUAL_FTE;
import static dk.star.fokusmaal.contract.Cols.ACTUAL_PCT;
import static dk.star.fokusmaal.contract.Cols.ALL;
import static dk.star.fokusmaal.contract.Cols.BENEFIT_CODE;
import static dk.star.fokusmaal.contract.Cols.BENEFIT_GROUP;
import static dk.star.fokusmaal.contract.Cols.DIFFERENCE_FTE;
import static dk.star.fokusmaal.contract.Cols.DIFFERENCE_PP;
import static dk.star.fokusmaal.contract.Cols.END_DATE;
import static dk.star.fokusmaal.contract.Cols.EXPECTED_FTE;
import static dk.star.fokusmaal.contract.Cols.EXPECTED_PCT;
import static dk.star.fokusmaal.contract.Cols.IN_INTEGRATION_PROGRAMME;
import static dk.star.fokusmaal.contract.Cols.MEETS_RESULT_GOAL;
import static dk.star.fokusmaal.contract.Cols.MUNICIPALITY_CODE;
import static dk.star.fokusmaal.contract.Cols.MUNICIPALITY_NAME;
import static dk.star.fokusmaal.contract.Cols.PERIOD_END;
import static dk.star.fokusmaal.contract.Cols.PERIOD_START;
import static dk.star.fokusmaal.contract.Cols.POPULATION_16_66;
import static dk.star.fokusmaal.contract.Cols.RANK;
import static dk.star.fokusmaal.contract.Cols.RUN_ID;
import static dk.star.fokusmaal.contract.Cols.SOURCE;
import static dk.star.fokusmaal.contract.Cols.START_DATE;
import static dk.star.fokusmaal.contract.Cols.UNEMPLOYMENT_HOURS;
import static dk.star.fokusmaal.contract.Cols.YEAR;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import dk.star.fokusmaal.contract.ReferenceTables;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.reference.Benefit;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The resultatmål (SPEC §1, §8.4): does a municipality have more full-time persons on public
 * support than the ministry's benchmark model expects, given its conditions?
 *
 * <p>Two steps, both pure transformations: {@link #actualFte} measures the actual full-time
 * persons (fuldtidspersoner) from the conformed benefit periods, and {@link #resultGoal} sets them
 * against the benchmark's expected figures and the population aged 16–66.
 */
public final class ResultGoal {
  private ResultGoal() {}

  /**
   * Hours in one full-time month of unemployment insurance, the default of
   * {@code fleur.hours_per_month} in {@code conf/rules/common.properties}. The build passes
   * {@code rules.fleurHoursPerMonth()} to {@link #actualFte(Dataset, Dataset, double)}.
   */
  public static final double DEFAULT_FLEUR_HOURS_PER_MONTH = 160.33;

  /** The output columns of {@link #actualFte}, in order. */
  public static final List<String> ACTUAL_FTE_COLUMNS =
      List.of(PERIOD_START, PERIOD_END, MUNICIPALITY_CODE, BENEFIT_GROUP, ACTUAL_FTE);

  // Internal helper columns of actualFte.
  private static final String BENCH_DAYS = "_benchmark_days";
  private static final String BENCH_MONTHS = "_benchmark_months";
  private static final String DAYS_INSIDE = "_days_inside";
  private static final String PERIOD_DAYS = "_period_days";
  private static final String FTE = "_fte";

  /** {@link #actualFte(Dataset, Dataset, double)} with 160.33 hours per full-time month. */
  public static Dataset<Row> actualFte(Dataset<Row> periods, Dataset<Row> benchmarkPeriods) {
    return actualFte(periods, benchmarkPeriods, DEFAULT_FLEUR_HOURS_PER_MONTH);
  }

  /**
   * Actual full-time persons on support (faktiske fuldtidspersoner), per benchmark period ×
   * municipality × benefit group: how many persons the municipality would have had on support
   * all the time, given how much of the period its citizens actually received it.
   *
   * <ul>
   *   <li>Municipal benefits and sickness benefit: Σ days of each period in force inside the
   *       benchmark period / days of the benchmark period. A person on benefit half the period
   *       counts 0.5.
   *   <li>Unemployment insurance ({@code fleur}): Σ paid {@code unemployment_hours} inside the
   *       benchmark period / (hours per full-time month × months of the benchmark period). A
   *       payment period straddling an edge of the benchmark period counts in proportion to its
   *       days inside it; a null hours figure counts as no hours.
   * </ul>
   *
   * Only the in-scope benefits of SPEC §6.1 count (benefit group not null: fleksjob,
   * førtidspension, seniorpension, efterløn and feriedagpenge are not support in this sense), and
   * overgangsydelse counts only outside the integration programme. Each period counts in the
   * municipality it carries, so a person who moves counts in both municipalities for their part
   * of the period. Periods are summed as given: the conformed input is expected not to hold the
   * same days twice for the same benefit.
   *
   * @param periods conformed benefit periods: person_id, source, benefit_code, benefit_group,
   *     municipality_code, start_date, end_date (not null), unemployment_hours,
   *     in_integration_programme
   * @param benchmarkPeriods any table with period_start and period_end, normally
   *     {@code benchmark_expected}; its distinct periods are the periods measured
   * @param fleurHoursPerMonth hours in one full-time month of unemployment (160.33)
   * @return period_start, period_end, municipality_code, benefit_group, actual_fte; only
   *     combinations with at least one day on support appear
   */
  public static Dataset<Row> actualFte(
      Dataset<Row> periods, Dataset<Row> benchmarkPeriods, double fleurHoursPerMonth) {
    // A handful of periods (calendar years, half-year pairs): broadcast them to every task.
    Dataset<Row> bench =
        broadcast(
            benchmarkPeriods
                .select(PERIOD_START, PERIOD_END)
                .distinct()
                .withColumn(BENCH_DAYS, datediff(col(PERIOD_END), col(PERIOD_START)).plus(1))
                // First of month to first of month gives whole months (12 for 2021-01-01 …
                // 2021-12-31 and for 2020-07-01 … 2021-06-30); other periods give fractions.
                .withColumn(
                    BENCH_MONTHS, months_between(date_add(col(PERIOD_END), 1), col(PERIOD_START))));

    Dataset<Row> inScope =
        periods
            .filter(col(BENEFIT_GROUP).isNotNull())
            // Overgangsydelse during the integration programme is outside the resultatmål (§6.1).
            .filter(
                not(
                    col(BENEFIT_CODE)
                        .equalTo(Benefit.OVERGANGSYDELSE.code())
                        .and(coalesce(col(IN_INTEGRATION_PROGRAMME), lit(false)))))
            // Validation keeps end >= start; this guard keeps a stray row from counting negative.
            .filter(col(END_DATE).geq(col(START_DATE)))
            .select(
                SOURCE, BENEFIT_GROUP, MUNICIPALITY_CODE, START_DATE, END_DATE, UNEMPLOYMENT_HOURS);

    Dataset<Row> overlapping =
        inScope.join(
            bench,
            col(START_DATE).leq(col(PERIOD_END)).and(col(END_DATE).geq(col(PERIOD_START))));

    Column daysInside =
        datediff(least(col(END_DATE), col(PERIOD_END)), greatest(col(START_DATE), col(PERIOD_START)))
            .plus(1)
            .cast(DataTypes.DoubleType);
    Column periodDays = datediff(col(END_DATE), col(START_DATE)).plus(1).cast(DataTypes.DoubleType);
    Column hoursInside =
        try_divide(
            coalesce(col(UNEMPLOYMENT_HOURS), lit(0.0)).multiply(col(DAYS_INSIDE)),
            col(PERIOD_DAYS));
    Column fte =
        when(
                col(SOURCE).equalTo(Sources.FLEUR),
                try_divide(hoursInside, col(BENCH_MONTHS).multiply(lit(fleurHoursPerMonth))))
            .otherwise(try_divide(col(DAYS_INSIDE), col(BENCH_DAYS).cast(DataTypes.DoubleType)));

    return overlapping
        .withColumn(DAYS_INSIDE, daysInside)
        .withColumn(PERIOD_DAYS, periodDays)
        .withColumn(FTE, fte)
        .groupBy(PERIOD_START, PERIOD_END, MUNICIPALITY_CODE, BENEFIT_GROUP)
        .agg(sum(col(FTE)).as(ACTUAL_FTE))
        .select(ACTUAL_FTE_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /**
   * {@code gold.result_goal} (SPEC §8.4): expected and actual full-time persons on support per
   * benchmark period × municipality × benefit group, plus {@code benefit_group = 'ALL'} (the
   * sums), as shares of the population aged 16–66, ranked, with whether the resultatmål is met.
   *
   * <ul>
   *   <li>{@code difference_fte = actual_fte − expected_fte}: positive = more on support than
   *       expected.
   *   <li>{@code expected_pct}, {@code actual_pct}: the full-time persons in percent of
   *       {@code population_16_66} of the year the period ends in (a half-year pair 2020-07-01 …
   *       2021-06-30 uses 2021).
   *   <li>{@code difference_pp = actual_pct − expected_pct} in percentage points.
   *   <li>{@code rank}: 1 … 98 within a period and benefit group, ascending by difference_pp, so
   *       1 is the municipality furthest below its expected level; ties share the lowest rank
   *       (SQL {@code rank()}: 1, 1, 3).
   *   <li>{@code meets_result_goal}: {@code actual_pct ≤ expected_pct} (exactly equal is met).
   * </ul>
   *
   * <p>Decisions where the spec is silent:
   *
   * <ul>
   *   <li>The rows are those of {@code benchmark_expected}: a municipality and group with an
   *       expected figure but no actual full-time persons has {@code actual_fte = 0} (the
   *       registers are complete, so no periods means nobody on support). Actual figures without
   *       an expected row are dropped: without a benchmark there is no resultatmål.
   *   <li>{@code ALL} sums the groups that have an expected row, expected and actual alike, so
   *       the comparison stays like for like.
   *   <li>No population row for the year (or a population of 0): the shares and
   *       {@code difference_pp} are null and the row is not ranked ({@code rank} null; the
   *       others are ranked among themselves). {@code meets_result_goal} is still decided, by
   *       {@code actual_fte ≤ expected_fte}: both shares have the same denominator, so that is
   *       the same comparison, and a missing population figure must not hide a failed goal.
   *   <li>{@code expected_fte} null in the input (not expected after validation): that row's
   *       derived figures are null, and its group is left out of the expected side of ALL.
   * </ul>
   *
   * @param actualFte the output of {@link #actualFte}
   * @param benchmarkExpected municipality_code, period_start, period_end, benefit_group,
   *     expected_fte (one row per key; corrections resolved)
   * @param population municipality_code, year, population_16_66
   */
  public static Dataset<Row> resultGoal(
      Dataset<Row> actualFte,
      Dataset<Row> benchmarkExpected,
      Dataset<Row> population) {
    List<String> key = List.of(PERIOD_START, PERIOD_END, MUNICIPALITY_CODE, BENEFIT_GROUP);
    Dataset<Row> groups =
        benchmarkExpected
            .select(PERIOD_START, PERIOD_END, MUNICIPALITY_CODE, BENEFIT_GROUP, EXPECTED_FTE)
            .join(actualFte.select(PERIOD_START, PERIOD_END, MUNICIPALITY_CODE, BENEFIT_GROUP, ACTUAL_FTE),
                key.toArray(String[]::new), "left")
            .withColumn(ACTUAL_FTE, coalesce(col(ACTUAL_FTE), lit(0.0)));
    Dataset<Row> all =
        groups
            .groupBy(PERIOD_START, PERIOD_END, MUNICIPALITY_CODE)
            .agg(sum(col(EXPECTED_FTE)).as(EXPECTED_FTE), sum(col(ACTUAL_FTE)).as(ACTUAL_FTE))
            .withColumn(BENEFIT_GROUP, lit(ALL));
    Dataset<Row> rows = groups.unionByName(all);

    Dataset<Row> pop = population.select(MUNICIPALITY_CODE, YEAR, POPULATION_16_66);
    Column denominator = col(POPULATION_16_66).cast(DataTypes.DoubleType);
    Dataset<Row> shares =
        rows.withColumn(YEAR, year(col(PERIOD_END)))
            .join(pop, new String[] {MUNICIPALITY_CODE, YEAR}, "left")
            .drop(YEAR)
            .withColumn(DIFFERENCE_FTE, col(ACTUAL_FTE).minus(col(EXPECTED_FTE)))
            // try_divide: a population of 0 gives null shares instead of an ANSI error.
            .withColumn(EXPECTED_PCT, try_divide(col(EXPECTED_FTE), denominator).multiply(100))
            .withColumn(ACTUAL_PCT, try_divide(col(ACTUAL_FTE), denominator).multiply(100))
            .withColumn(DIFFERENCE_PP, col(ACTUAL_PCT).minus(col(EXPECTED_PCT)));

    // Rows without a share form their own partition, so they neither take a rank nor push others.
    Column ranked =
        rank()
            .over(
                Window.partitionBy(
                        col(PERIOD_START), col(PERIOD_END), col(BENEFIT_GROUP),
                        col(DIFFERENCE_PP).isNull())
                    .orderBy(col(DIFFERENCE_PP).asc()));
    Column meets =
        when(
                col(EXPECTED_PCT).isNotNull().and(col(ACTUAL_PCT).isNotNull()),
                col(ACTUAL_PCT).leq(col(EXPECTED_PCT)))
            .otherwise(col(ACTUAL_FTE).leq(col(EXPECTED_FTE)));

    return shares
        .withColumn(RANK, when(col(DIFFERENCE_PP).isNotNull(), ranked))
        .withColumn(MEETS_RESULT_GOAL, meets)
        .transform(df -> ReferenceTables.withNames(df, MUNICIPALITY_NAME))
        .select(Tables.RESULT_GOAL.selectWithout(RUN_ID));
  }

}
