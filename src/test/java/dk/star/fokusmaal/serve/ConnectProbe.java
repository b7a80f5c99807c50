package dk.star.fokusmaal.serve;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The BI client of ServeConnectTest, run in a JVM of its own with only spark-connect-client-jvm
 * (no classic Spark): {@code ConnectProbe URL URL_WITHOUT_TOKEN STEP...}, where a step is {@code
 * sql:STATEMENT}, {@code load:FORMAT:PATH}, {@code save:PATH}, {@code udf:N} or {@code notoken:STATEMENT}.
 * Prints one line per step: {@code <i>\tOK\t<rows>} or {@code <i>\tERR\t<first line of the
 * error>}.
 */
public final class ConnectProbe {
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    SparkSession spark = SparkSession.builder().remote(args[0]).getOrCreate();
    for (int i = 2; i < args.length; i++) {
      String step = args[i];
      String result;
      try {
        result = "OK\t" + run(spark, args[1], step);
      } catch (Throwable e) {
        String m = String.valueOf(e.getMessage()).replace('\t', ' ');
        result = "ERR\t" + e.getClass().getSimpleName() + ": " + m.lines().findFirst().orElse("");
      }
      out.println((i - 2) + "\t" + result);
    }
    spark.stop();
    System.exit(0);
  }

  private static String run(SparkSession spark, String noTokenUrl, String step) {
    int colon = step.indexOf(':');
    String kind = step.substring(0, colon);
    String arg = step.substring(colon + 1);
    switch (kind) {
      case "sql":
        return rows(spark.sql(arg).collectAsList());
      case "load":
        int c = arg.indexOf(':');
        return rows(spark.read().format(arg.substring(0, c)).load(arg.substring(c + 1)).collectAsList());
      case "save":
        spark.range(1).write().format("delta").save(arg);
        return "saved";
      case "udf": // a typed lambda: client code the server would run
        return spark.range(Long.parseLong(arg))
            .map((org.apache.spark.api.java.function.MapFunction<Long, Long>) x -> x + 1, org.apache.spark.sql.Encoders.LONG())
            .collectAsList().toString();
      case "notoken":
        SparkSession other = SparkSession.builder().remote(noTokenUrl).create();
        try {
          return rows(other.sql(arg).collectAsList());
        } finally {
          other.stop();
        }
      default:
        throw new IllegalArgumentException(step);
    }
  }

  private static String rows(List<Row> rows) {
    return rows.stream().map(Row::toString).collect(Collectors.joining(";"));
  }
}
