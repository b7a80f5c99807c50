package dk.star.fokusmaal.pipeline;

import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.rules.Rules;
import org.apache.spark.sql.SparkSession;

/** What a job needs: the session, the settings, the lake, the rules, and a progress printer. */
public record JobContext(
    SparkSession spark, Settings settings, Lake lake, Rules rules, Progress progress) {}
