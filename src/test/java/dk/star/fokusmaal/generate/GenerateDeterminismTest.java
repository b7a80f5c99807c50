package dk.star.fokusmaal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.pipeline.GenerateJob;
import dk.star.fokusmaal.testing.SparkTestBase;
import java.io.File;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

/** The same options give the same rows, file for file; another seed gives other rows. */
class GenerateDeterminismTest extends SparkTestBase {
  private static final GenerateOptions A =
      new GenerateOptions(1500, YearMonth.of(2021, 7), YearMonth.of(2022, 6), 5, 2, 0);
  private static final GenerateOptions B =
      new GenerateOptions(1500, YearMonth.of(2021, 7), YearMonth.of(2022, 6), 6, 2, 0);

  /** Every row of every delivery folder of a source, with the folder it came from. */
  private static Dataset<Row> all(String lake, String source) {
    return session()
        .read()
        .schema(Sources.spec(source).schema())
        .option("recursiveFileLookup", "true")
        .parquet(GeneratedLakes.sourcePath(lake, source))
        .withColumn("_file_folder", functions.regexp_extract(functions.input_file_name(), "delivery=(\\d+)", 1));
  }

  private static long differences(Dataset<Row> x, Dataset<Row> y) {
    return x.exceptAll(y).count() + y.exceptAll(x).count();
  }

  @Test
  void sameSeedSameRowsOtherSeedOtherRows() {
    String first = GeneratedLakes.lake(session(), A);
    // A second lake with the same options: generated here, not taken from the cache.
    String second = tmp("gen-again").toString();
    GenerateJob.run(
        new dk.star.fokusmaal.pipeline.JobContext(session(), null, new dk.star.fokusmaal.lake.Lake(second), null,
            new dk.star.fokusmaal.pipeline.Progress("generate")),
        A);
    String other = GeneratedLakes.lake(session(), B);
    for (String source : Sources.ALL.keySet()) {
      Dataset<Row> a = all(first, source).cache();
      Dataset<Row> again = all(second, source).cache();
      assertTrue(a.count() > 0, source);
      assertEquals(0, differences(a, again), source + ": the same seed gave other rows");
      assertEquals(fileCounts(first, source), fileCounts(second, source), source + ": other files");
      assertTrue(differences(a, all(other, source)) > 0, source + ": another seed gave the same rows");
      a.unpersist();
      again.unpersist();
    }
  }

  @Test
  void noBadRowsNoBadDeliveries() {
    String lake = GeneratedLakes.lake(session(), A);
    for (String source : Sources.ALL.keySet()) {
      File[] folders = Path.of(GeneratedLakes.sourcePath(lake, source)).toFile().listFiles(File::isDirectory);
      // No folder beyond the ordinary deliveries (the benchmark may lack the early ones).
      for (File f : folders) {
        int k = Integer.parseInt(f.getName().substring(f.getName().indexOf('=') + 1));
        assertTrue(k >= 1 && k <= A.deliveries(), source + ": " + Arrays.toString(folders));
      }
      assertTrue(folders.length >= 1, source);
    }
  }

  private static String fileCounts(String lake, String source) {
    StringBuilder sb = new StringBuilder();
    File[] folders = Path.of(GeneratedLakes.sourcePath(lake, source)).toFile().listFiles(File::isDirectory);
    Arrays.sort(folders);
    for (File f : folders) {
      File[] files = f.listFiles((d, n) -> n.endsWith(".parquet"));
      sb.append(f.getName()).append('=').append(files.length).append(' ');
    }
    assertFalse(sb.isEmpty());
    return sb.toString();
  }
}
