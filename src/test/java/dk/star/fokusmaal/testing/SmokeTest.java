package dk.star.fokusmaal.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SmokeTest extends SparkTestBase {
  @Test
  void deltaRoundTrip() {
    String path = tmp("smoke").resolve("t").toString();
    Dataset<Row> df = session().range(5).toDF("id");
    // spark-testing-base compares schemas too: Delta reads columns back as nullable.
    df = session().createDataFrame(df.rdd(), df.schema().asNullable());
    df.write().format("delta").save(path);
    Dataset<Row> back = session().read().format("delta").load(path);
    assertEquals(5, back.count());
    BASE.assertDataFrameNoOrderEquals(df, back);
  }
}
