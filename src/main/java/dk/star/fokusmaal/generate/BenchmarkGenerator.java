package dk.star.fokusmaal.generate;

import static dk.star.fokusmaal.generate.BenefitTracks.ARBEJDSMARKEDSYDELSE;
import static dk.star.fokusmaal.generate.BenefitTracks.A_DAGPENGE;
import static dk.star.fokusmaal.generate.BenefitTracks.KONTANTYDELSE;
import static dk.star.fokusmaal.generate.BenefitTracks.OVERGANGSYDELSE;
import static dk.star.fokusmaal.generate.Scratch.BENCH;
import static dk.star.fokusmaal.generate.Scratch.FACTOR;
import static dk.star.fokusmaal.generate.Scratch.FROM_DAY;
import static dk.star.fokusmaal.generate.Scratch.FTE_MICRO;
import static dk.star.fokusmaal.generate.Scratch.HOURS;
import static dk.star.fokusmaal.generate.Scratch.MONTHS;
import static dk.star.fokusmaal.generate.Scratch.PERIODS;
import static dk.star.fokusmaal.generate.Scratch.TO_DAY;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.reference.BenefitGroup;
import dk.star.fokusmaal.reference.Fleur;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** benchmark_expected (SPEC §4.7, §8.4): the ministry's expected full-time persons on support. */
final class BenchmarkGenerator extends SourceGenerator {
  private final SparkSession spark;
  private final long seed;
  private final MunicipalityProfiles munis;
  private final MunicipalBenefitsGenerator municipal;
  private final SicknessCasesGenerator sickness;
  private final FleurGenerator fleur;

  BenchmarkGenerator(
      SparkSession spark, long seed, Persons persons, Horizon horizon, Rng rng, MunicipalityProfiles munis,
      MunicipalBenefitsGenerator municipal, SicknessCasesGenerator sickness, FleurGenerator fleur) {
    super(persons, horizon, rng);
    this.spark = spark;
    this.seed = seed;
    this.munis = munis;
    this.municipal = municipal;
    this.sickness = sickness;
    this.fleur = fleur;
  }

  /** A benchmark period: a calendar year or a July–June pair. */
  record BenchmarkPeriod(LocalDate start, LocalDate end, int months) {}

  /** The benchmark periods fully inside {@code from … to}. */
  List<BenchmarkPeriod> benchmarkPeriods() {
    List<BenchmarkPeriod> out = new ArrayList<>();
    LocalDate first = horizon.from().atDay(1);
    LocalDate last = horizon.end();
    for (int y = horizon.from().getYear(); y <= horizon.to().getYear(); y++) {
      LocalDate s = LocalDate.of(y, 1, 1);
      LocalDate e = LocalDate.of(y, 12, 31);
      if (!s.isBefore(first) && !e.isAfter(last)) out.add(new BenchmarkPeriod(s, e, 12));
      LocalDate hs = LocalDate.of(y, 7, 1);
      LocalDate he = LocalDate.of(y + 1, 6, 30);
      if (!hs.isBefore(first) && !he.isAfter(last)) out.add(new BenchmarkPeriod(hs, he, 12));
    }
    return out;
  }

  /**
   * Actual full-time persons per municipality, benefit group and benchmark period, computed from
   * the generated periods as SPEC §8.4 defines them: days in force inside the period / days of the
   * period for municipal benefits and sickness cases (open periods run to the data set's end,
   * overgangsydelse inside the integration programme left out), FLEUR hours inside the period
   * (prorated by days) / (160.33 × months). Summed as whole micro-FTEs so that the result does not
   * depend on the order Spark adds in (gold.ResultGoal sums doubles; its figures are the build's).
   */
  Dataset<Row> actualFte() {
    List<BenchmarkPeriod> periods = benchmarkPeriods();
    List<Row> rows = new ArrayList<>();
    for (BenchmarkPeriod p : periods) {
      rows.add(RowFactory.create(java.sql.Date.valueOf(p.start()), java.sql.Date.valueOf(p.end()), p.months()));
    }
    StructType ps =
        new StructType(
            new StructField[] {
              DataTypes.createStructField(Cols.PERIOD_START, DataTypes.DateType, false),
              DataTypes.createStructField(Cols.PERIOD_END, DataTypes.DateType, false),
              DataTypes.createStructField(MONTHS, DataTypes.IntegerType, false)
            });
    Dataset<Row> bench = broadcast(spark.createDataFrame(rows, ps));
    Column end = lit(horizon.end());
    Dataset<Row> municipalPeriods =
        municipal.truth()
            .filter(
                col(Cols.BENEFIT_CODE).notEqual(OVERGANGSYDELSE)
                    .or(not(coalesce(col(Cols.IN_INTEGRATION_PROGRAMME), lit(false)))))
            .select(
                col(Cols.MUNICIPALITY_CODE), BenefitTracks.group(col(Cols.BENEFIT_CODE)).as(Cols.BENEFIT_GROUP),
                col(Cols.START_DATE).as(FROM_DAY), coalesce(col(Cols.END_DATE), end).as(TO_DAY),
                lit(null).cast(DataTypes.DoubleType).as(HOURS));
    Dataset<Row> sick =
        sickness.truth()
            .select(
                col(Cols.MUNICIPALITY_CODE), lit(BenefitGroup.SYGEDAGPENGE_MV.name()).as(Cols.BENEFIT_GROUP),
                col(Cols.START_DATE).as(FROM_DAY), coalesce(col(Cols.END_DATE), end).as(TO_DAY),
                lit(null).cast(DataTypes.DoubleType).as(HOURS));
    Dataset<Row> insured =
        fleur.truth()
            .filter(col(Cols.BENEFIT_CODE).isin(A_DAGPENGE, KONTANTYDELSE, ARBEJDSMARKEDSYDELSE))
            .select(
                col(Cols.MUNICIPALITY_CODE), lit(BenefitGroup.A_DAGPENGE_MV.name()).as(Cols.BENEFIT_GROUP),
                col(Cols.PERIOD_START).as(FROM_DAY), col(Cols.PERIOD_END).as(TO_DAY),
                col(Cols.UNEMPLOYMENT_HOURS).as(HOURS));
    Dataset<Row> all =
        municipalPeriods.filter(col(Cols.BENEFIT_GROUP).isNotNull()).unionByName(sick).unionByName(insured);
    Column a = col(FROM_DAY);
    Column b = col(TO_DAY);
    Column bs = col(BENCH + "." + Cols.PERIOD_START);
    Column be = col(BENCH + "." + Cols.PERIOD_END);
    Column overlap = days(greatest(a, bs), least(b, be));
    Column fte =
        when(col(HOURS).isNull(), overlap.divide(days(bs, be)))
            .otherwise(
                col(HOURS).multiply(overlap).divide(days(a, b))
                    .divide(lit(Fleur.FULL_TIME_MONTH_HOURS).multiply(col(BENCH + "." + MONTHS))));
    return all.alias(PERIODS)
        .crossJoin(bench.alias(BENCH))
        .filter(a.leq(be).and(b.geq(bs)))
        .select(
            col(Cols.MUNICIPALITY_CODE), col(Cols.BENEFIT_GROUP), bs.as(Cols.PERIOD_START), be.as(Cols.PERIOD_END),
            round(fte.multiply(lit(1_000_000.0))).cast(DataTypes.LongType).as(FTE_MICRO))
        .groupBy(Cols.MUNICIPALITY_CODE, Cols.BENEFIT_GROUP, Cols.PERIOD_START, Cols.PERIOD_END)
        .agg(sum(col(FTE_MICRO)).as(FTE_MICRO));
  }

  /**
   * Every municipality, benefit group and benchmark period: the actual full-time persons times a
   * factor around 1 (a per-municipality latent shared by its groups and years, plus smaller
   * per-period and per-group noise), so that a little under half of the municipalities have more
   * on support than expected. Published after the period ends; a later delivery revises half of
   * the figures by up to 2 %.
   */
  @Override
  Dataset<Row> rows() {
    List<BenchmarkPeriod> periods = benchmarkPeriods();
    List<Row> grid = new ArrayList<>();
    String[] groups = {BenefitGroup.A_DAGPENGE_MV.name(), BenefitGroup.SYGEDAGPENGE_MV.name(), BenefitGroup.KONTANTHJAELP_MV.name()};
    for (int i = 0; i < munis.size(); i++) {
      int code = munis.code(i);
      for (int p = 0; p < periods.size(); p++) {
        Random r = new Random(seed * 7_919L + code * 131L + p);
        double periodNoise = r.nextGaussian();
        for (int g = 0; g < groups.length; g++) {
          Random rg = new Random(seed * 104_729L + code * 17L + g);
          double factor = 1 + 0.045 * (munis.resultLatent(i) + 0.35 * periodNoise + 0.15) + 0.02 * rg.nextGaussian();
          grid.add(
              RowFactory.create(
                  code,
                  java.sql.Date.valueOf(periods.get(p).start()),
                  java.sql.Date.valueOf(periods.get(p).end()),
                  groups[g],
                  Math.max(0.5, factor)));
        }
      }
    }
    StructType gs =
        new StructType(
            new StructField[] {
              DataTypes.createStructField(Cols.MUNICIPALITY_CODE, DataTypes.IntegerType, false),
              DataTypes.createStructField(Cols.PERIOD_START, DataTypes.DateType, false),
              DataTypes.createStructField(Cols.PERIOD_END, DataTypes.DateType, false),
              DataTypes.createStructField(Cols.BENEFIT_GROUP, DataTypes.StringType, false),
              DataTypes.createStructField(FACTOR, DataTypes.DoubleType, false)
            });
    Dataset<Row> g = spark.createDataFrame(grid, gs).coalesce(1);
    List<String> keys = List.of(Cols.MUNICIPALITY_CODE, Cols.PERIOD_START, Cols.PERIOD_END, Cols.BENEFIT_GROUP);
    Dataset<Row> joined =
        g.join(actualFte(), keys.toArray(new String[0]), "left")
            .withColumn(
                Cols.EXPECTED_FTE,
                round(coalesce(col(FTE_MICRO), lit(0L)).cast(DataTypes.DoubleType).divide(lit(1_000_000.0)).multiply(col(FACTOR)), 1))
            .select(Cols.MUNICIPALITY_CODE, Cols.PERIOD_START, Cols.PERIOD_END, Cols.BENEFIT_GROUP, Cols.EXPECTED_FTE)
            .coalesce(1);
    Column key =
        concat(col(Cols.MUNICIPALITY_CODE).cast(DataTypes.StringType), col(Cols.PERIOD_START).cast(DataTypes.StringType),
            col(Cols.BENEFIT_GROUP));
    Column revised = u("benchmark_revised", key).lt(0.5);
    int n = horizon.deliveries();
    Dataset<Row> v =
        versions(
            joined,
            col(Cols.PERIOD_END),
            (k, cutoff, first) ->
                List.of(
                    when(revised.and(lit(k < n)),
                            round(col(Cols.EXPECTED_FTE).multiply(Rng.uniform(u("benchmark_prelim", key), 0.98, 1.02)), 1))
                        .otherwise(col(Cols.EXPECTED_FTE))),
            List.of(Cols.EXPECTED_FTE),
            key);
    return SyntheticRegisters.contract(v, Sources.BENCHMARK_SPEC);
  }
}
