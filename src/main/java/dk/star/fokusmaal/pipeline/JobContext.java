package dk.star.fokusmaal.pipeline;

import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.rules.Rules;
import org.apache.spark.sql.SparkSession;

/**
 * What a job needs: the session, the settings, the lake, the rules, a progress printer, and the
 * scenario it runs in (null for the official tables).
 *
 * @param scenario a research namespace ({@code --scenario NAME}): every output goes to {@code
 *     <lake>/scenarios/NAME/…}, never to the official tables, which are computed only from {@code
 *     conf/} and the latest data
 */
public record JobContext(
    SparkSession spark, Settings settings, Lake lake, Rules rules, Progress progress, String scenario) {

  public JobContext(SparkSession spark, Settings settings, Lake lake, Rules rules, Progress progress) {
    this(spark, settings, lake, rules, progress, null);
  }

  /** Where the run's outputs go: the lake itself, or the scenario's namespace in it. */
  public Lake out() {
    return scenario == null ? lake : lake.scenario(scenario);
  }
}
