package dk.star.fokusmaal.cli;

import dk.star.fokusmaal.pipeline.JobContext;
import dk.star.fokusmaal.pipeline.UsageError;
import dk.star.fokusmaal.serve.ConnectGuard;
import dk.star.fokusmaal.serve.Endpoint;
import dk.star.fokusmaal.serve.ReadOnlyExtension;
import dk.star.fokusmaal.serve.ReadOnlyGuard;
import dk.star.fokusmaal.serve.ServingCatalog;
import java.util.Map;
import org.apache.spark.sql.connect.service.SparkConnectService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Serves the gold tables to BI clients through a read-only Spark Connect endpoint ({@code
 * sc://host:port}): PySpark, Spark's Connect clients and BI tools with a Connect driver query
 * {@code gold.*} (and the meta tables without person ids) with Spark SQL, time travel included.
 * Bronze, quarantine, silver, other scenarios and restricted are not registered, and the
 * session's check rule refuses path reads, writes and DDL (serve.ReadOnlyGuard).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the gold tables read-only to SQL clients over Spark Connect until stopped (Ctrl-C).",
      "Binds to 127.0.0.1 unless --host says otherwise; any other address needs the pre-shared token "
          + "(env SPARK_CONNECT_AUTHENTICATE_TOKEN or --set spark.connect.authenticate.token=...)."
    })
final class ServeCommand extends JobCommand {
  @Option(names = "--port", defaultValue = "15002", description = "Spark Connect port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = Endpoint.DEFAULT_HOST, description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Override
  Map<String, String> extraSparkConf() {
    return Map.of(
        // Delta's extension first, then the guard's check rule, in every session of the JVM.
        "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension," + ReadOnlyExtension.class.getName(),
        "spark.connect.grpc.interceptor.classes", ConnectGuard.class.getName(),
        "spark.connect.grpc.binding.port", String.valueOf(port),
        "spark.connect.grpc.binding.address", host);
  }

  @Override
  void validate() {
    if (port < 1 || port > 65535) throw new UsageError("--port is 1-65535: " + port);
    String token = Endpoint.token(common.settings().sparkConf(), System.getenv());
    String refusal;
    try {
      refusal = Endpoint.refusal(host, token);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage(), e);
    }
    if (refusal != null) throw new UsageError(refusal);
  }

  @Override
  void execute(JobContext ctx) throws Exception {
    Map<String, String> tables = ServingCatalog.register(ctx.spark(), ctx.lake(), ctx.scenario());
    ctx.progress().say("%d tables served: %s", tables.size(), String.join(", ", tables.keySet()));
    // Armed only now: registering the tables was the serving session's own DDL.
    ReadOnlyGuard.arm(tables, ctx.spark().sparkContext().hadoopConfiguration());
    SparkConnectService.start(ctx.spark().sparkContext());
    boolean token = Endpoint.token(ctx.settings().sparkConf(), System.getenv()) != null;
    ctx.progress().say("serving read-only on sc://%s:%d%s — e.g. pyspark --remote sc://localhost:%d; Ctrl-C stops",
        host, port, token ? " (token required: sc://…/;token=…)" : "", port);
    Thread.currentThread().join(); // until the process is stopped
  }
}
