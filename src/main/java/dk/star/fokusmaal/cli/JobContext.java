package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.config.Rules;
import dk.star.fokusmaal.config.Settings;
import dk.star.fokusmaal.lake.Lake;
import org.apache.spark.sql.SparkSession;

/** What a job needs: the session, the settings, the lake, the rules, and a progress printer. */
public record JobContext(
    SparkSession spark, Settings settings, Lake lake, Rules rules, Progress progress) {}
