package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.lake.Catalog;
import dk.star.fokusmaal.pipeline.JobContext;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Exposes the lake's tables to SQL clients through a Spark Connect endpoint ({@code
 * sc://host:port}): PySpark, Spark's Connect clients and BI tools with a Connect driver query
 * {@code gold.*} with Spark SQL. Every zone's tables are registered in the serving session's
 * catalog; only their names outside {@code restricted} are listed on the console.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the lake's tables to SQL clients over Spark Connect until stopped (Ctrl-C).")
final class ServeCommand extends JobCommand {
  @Option(names = "--port", defaultValue = "15002", description = "Spark Connect port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "localhost", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Override
  Map<String, String> extraSparkConf() {
    return Map.of(
        "spark.plugins", "org.apache.spark.sql.connect.SparkConnectPlugin",
        "spark.connect.grpc.binding.port", String.valueOf(port),
        "spark.connect.grpc.binding.address", host);
  }

  @Override
  void execute(JobContext ctx) throws Exception {
    Map<String, String> tables = Catalog.register(ctx.spark(), ctx.lake());
    tables.keySet().removeIf(t -> t.startsWith("restricted."));
    ctx.progress().say("%d tables registered: %s", tables.size(), String.join(", ", tables.keySet()));
    ctx.progress().say("serving on sc://%s:%d — e.g. pyspark --remote sc://%s:%d; Ctrl-C stops", host, port, host, port);
    Thread.currentThread().join(); // until the process is stopped
  }
}
