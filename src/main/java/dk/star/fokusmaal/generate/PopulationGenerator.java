package dk.star.fokusmaal.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** population (SPEC §4.8): residents aged 16–66 per municipality and year. */
final class PopulationGenerator extends SourceGenerator {
  private final SparkSession spark;
  private final long personCount;
  private final MunicipalityProfiles munis;

  PopulationGenerator(SparkSession spark, long personCount, Persons persons, Horizon horizon, Rng rng, MunicipalityProfiles munis) {
    super(persons, horizon, rng);
    this.spark = spark;
    this.personCount = personCount;
    this.munis = munis;
  }

  /**
   * The embedded 2020 figure grown by the municipality's trend and scaled to the number of persons
   * (1,000,000 persons = Denmark), so that the shares on support look like the real ones at any
   * size. A preliminary figure is delivered at the start of the year and most are revised slightly
   * later.
   */
  @Override
  Dataset<Row> rows() {
    double scale = (double) personCount / SyntheticRegisters.NATIONAL_PERSONS;
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < munis.size(); i++) {
      for (int y = horizon.from().getYear(); y <= horizon.to().getYear(); y++) {
        double pop = munis.population2020(i) * Math.pow(1 + munis.growth(i), y - 2020) * scale;
        rows.add(RowFactory.create(munis.code(i), y, (int) Math.max(1, Math.round(pop))));
      }
    }
    StructType s =
        new StructType(
            new StructField[] {
              DataTypes.createStructField(Cols.MUNICIPALITY_CODE, DataTypes.IntegerType, false),
              DataTypes.createStructField(Cols.YEAR, DataTypes.IntegerType, false),
              DataTypes.createStructField(Cols.POPULATION_16_66, DataTypes.IntegerType, false)
            });
    Dataset<Row> t = spark.createDataFrame(rows, s).coalesce(1);
    Column key = concat(col(Cols.MUNICIPALITY_CODE).cast(DataTypes.StringType), col(Cols.YEAR).cast(DataTypes.StringType));
    Column revised = u("population_revised", key).lt(0.6);
    int n = horizon.deliveries();
    Dataset<Row> v =
        versions(
            t,
            make_date(col(Cols.YEAR), lit(1), lit(1)),
            (k, cutoff, first) ->
                List.of(
                    when(revised.and(lit(k < n)),
                            greatest(lit(1), round(col(Cols.POPULATION_16_66).multiply(Rng.uniform(u("population_prelim", key), 0.996, 1.004)), 0)
                                .cast(DataTypes.IntegerType)))
                        .otherwise(col(Cols.POPULATION_16_66))),
            List.of(Cols.POPULATION_16_66),
            key);
    return SyntheticRegisters.contract(v, Sources.POPULATION_SPEC);
  }
}
