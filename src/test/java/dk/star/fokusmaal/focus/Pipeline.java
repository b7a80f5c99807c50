package dk.star.fokusmaal.focus;

import dk.star.fokusmaal.config.Rules;
import dk.star.fokusmaal.testing.Registry;
import java.nio.file.Path;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The build's transformation chain on literal registers, for scenario tests. */
final class Pipeline {
  private Pipeline() {}

  static final Rules RULES = Rules.load(Path.of("conf/rules"));

  static Dataset<Row> spelled(SparkSession spark, Registry.Fleur f, Registry.Kmd k, Registry.Municipal m, YearMonth to) {
    return Spells.assign(
        Periods.closeOpen(Periods.conform(f.frame(spark), k.frame(spark), m.frame(spark)), Months.lastDay(to)));
  }

  static Dataset<Row> population(
      SparkSession spark, Registry.Fleur f, Registry.Kmd k, Registry.Municipal m, YearMonth from, YearMonth to) {
    return Population.monthly(Population.spellMonths(spelled(spark, f, k, m, to), RULES, from, to));
  }
}
