package dk.star.fokusmaal.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.reference.Municipalities;
import dk.star.fokusmaal.testing.SparkTestBase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The generated deliveries keep the input contract of SPEC §4, and the bad ones break it on purpose. */
class GenerateContractTest extends SparkTestBase {
  private static final GenerateOptions O = GeneratedLakes.SHARED;

  private String lake() {
    return GeneratedLakes.lake(session(), O);
  }

  private int n() {
    return O.deliveries();
  }

  /** Predicates that are true for a row that breaks the contract (one per rule). */
  static Map<String, Column> violations(SourceSpec spec) {
    Map<String, Column> v = new java.util.LinkedHashMap<>();
    Column missing = lit(false);
    for (StructField f : spec.schema().fields()) {
      if (!f.nullable()) missing = missing.or(col(f.name()).isNull());
    }
    for (String k : spec.key()) {
      if (spec.field(k).dataType().equals(DataTypes.StringType)) missing = missing.or(length(col(k)).equalTo(0));
    }
    v.put("MISSING", missing);
    Column code = lit(false);
    for (Map.Entry<String, Set<String>> e : spec.codes().entrySet()) {
      code = code.or(col(e.getKey()).isNotNull().and(not(col(e.getKey()).isin(e.getValue().toArray()))));
    }
    v.put("UNKNOWN_CODE", code);
    if (spec.hasMunicipality()) {
      List<Integer> codes = new ArrayList<>();
      for (var m : Municipalities.all()) codes.add(m.code());
      v.put("UNKNOWN_MUNICIPALITY", col(Cols.MUNICIPALITY_CODE).isNotNull().and(not(col(Cols.MUNICIPALITY_CODE).isin(codes.toArray()))));
    }
    Column order = lit(false);
    for (String[] r : spec.dateRanges()) order = order.or(col(r[1]).lt(col(r[0])));
    v.put("END_BEFORE_START", order);
    Column negative = lit(false);
    for (String c : spec.nonNegative()) negative = negative.or(col(c).lt(0));
    v.put("NEGATIVE", negative);
    Column dates = lit(false);
    for (StructField f : spec.schema().fields()) {
      if (f.dataType().equals(DataTypes.DateType)) {
        dates = dates.or(col(f.name()).lt(lit(LocalDate.of(2000, 1, 1)))).or(col(f.name()).gt(lit(LocalDate.of(2100, 12, 31))));
      }
    }
    v.put("DATE_OUT_OF_RANGE", dates);
    if (List.of(spec.schema().fieldNames()).contains(Cols.PERSON_ID)) {
      v.put("PERSON_ID_FORMAT", col(Cols.PERSON_ID).isNotNull().and(not(col(Cols.PERSON_ID).rlike("^[A-Za-z0-9_-]{1,64}$"))));
      v.put("CPR_LIKE_ID", col(Cols.PERSON_ID).rlike("^[0-9]{6}-?[0-9]{4}$"));
    }
    v.put("REPORTED_IN_FUTURE", col(Cols.REPORTED_AT).gt(org.apache.spark.sql.functions.current_timestamp()));
    return v;
  }

  /**
   * Whether delivery k has the source. Every person-based source is in every delivery; the
   * benchmark only from the first delivery after a benchmark period has ended.
   */
  private boolean present(SourceSpec spec, int k) {
    boolean has = GeneratedLakes.hasDelivery(lake(), spec.name(), k);
    if (!spec.name().equals(Sources.BENCHMARK_EXPECTED)) assertTrue(has, spec.name() + " lacks delivery " + k);
    if (k == n()) assertTrue(has, spec.name() + " lacks the last delivery");
    return has;
  }

  private static StructType withoutNullability(StructType s) {
    return BadRows.nullable(s);
  }

  @Test
  void everySourceHasTheContractSchemaInEveryDelivery() {
    for (SourceSpec spec : Sources.ALL.values()) {
      for (int k = 1; k <= n(); k++) {
        if (!present(spec, k)) continue;
        String folder = Deliveries.path(GeneratedLakes.sourcePath(lake(), spec.name()), k);
        // The schema the files carry (Parquet footers), not the one we ask for.
        StructType actual = session().read().parquet(folder).schema();
        assertEquals(withoutNullability(spec.schema()), withoutNullability(actual), spec.name() + " delivery " + k);
      }
    }
  }

  @Test
  void ordinaryDeliveriesBreakNoRuleAndHaveUniqueKeys() {
    for (SourceSpec spec : Sources.ALL.values()) {
      for (int k = 1; k <= n(); k++) {
        if (!present(spec, k)) continue;
        Dataset<Row> d = GeneratedLakes.delivery(session(), lake(), spec.name(), k).cache();
        assertTrue(d.count() > 0, spec.name() + " delivery " + k + " is empty");
        for (Map.Entry<String, Column> v : violations(spec).entrySet()) {
          assertEquals(0, d.filter(v.getValue()).count(), spec.name() + " delivery " + k + ": " + v.getKey());
        }
        List<Column> key = new ArrayList<>();
        for (String c : spec.key()) key.add(col(c));
        long dup = d.groupBy(key.toArray(new Column[0])).count().filter(col("count").gt(1)).count();
        assertEquals(0, dup, spec.name() + " delivery " + k + ": duplicate keys");
        d.unpersist();
      }
    }
  }

  @Test
  void laterDeliveriesAreReportedLater() {
    for (SourceSpec spec : Sources.ALL.values()) {
      Row prev = null;
      for (int k = 1; k <= n(); k++) {
        if (!present(spec, k)) continue;
        Row r =
            GeneratedLakes.delivery(session(), lake(), spec.name(), k)
                .agg(org.apache.spark.sql.functions.min(Cols.REPORTED_AT), org.apache.spark.sql.functions.max(Cols.REPORTED_AT))
                .first();
        if (prev != null) {
          assertTrue(r.getTimestamp(0).after(prev.getTimestamp(1)), spec.name() + " delivery " + k + " not after " + (k - 1));
        }
        prev = r;
      }
    }
  }

  @Test
  void badRowsBreakEachApplicableRule() {
    int bad = O.badRows();
    for (SourceSpec spec : Sources.ALL.values()) {
      String folder = Deliveries.path(GeneratedLakes.sourcePath(lake(), spec.name()), n() + 1);
      Dataset<Row> d = session().read().schema(BadRows.nullable(spec.schema())).parquet(folder).cache();
      List<BadRows.Kind> kinds = BadRows.applicable(spec);
      assertEquals((long) bad * kinds.size(), d.count(), spec.name() + ": bad rows");
      Map<String, Column> v = violations(spec);
      for (BadRows.Kind kind : kinds) {
        String rule =
            switch (kind) {
              case MISSING_KEY -> "MISSING";
              case UNKNOWN_CODE -> "UNKNOWN_CODE";
              case UNKNOWN_MUNICIPALITY -> "UNKNOWN_MUNICIPALITY";
              case END_BEFORE_START -> "END_BEFORE_START";
              case NEGATIVE_VALUE -> "NEGATIVE";
              case DATE_OUT_OF_RANGE -> "DATE_OUT_OF_RANGE";
              case CPR_LIKE_ID -> "CPR_LIKE_ID";
              case REPORTED_IN_FUTURE -> "REPORTED_IN_FUTURE";
            };
        assertTrue(d.filter(v.get(rule)).count() >= bad, spec.name() + ": too few rows breaking " + rule);
      }
      // Every bad row breaks at least one rule.
      Column any = lit(false);
      for (Column c : v.values()) any = any.or(c);
      assertEquals(0, d.filter(not(any)).count(), spec.name() + ": a bad row breaks no rule");
      d.unpersist();

      String wrongFolder = Deliveries.path(GeneratedLakes.sourcePath(lake(), spec.name()), n() + 2);
      Dataset<Row> w = session().read().parquet(wrongFolder);
      String column = BadRows.wrongTypeColumn(spec);
      assertEquals(DataTypes.StringType, w.schema().apply(column).dataType(), spec.name() + ": wrong type");
      assertEquals(bad, w.count());
      assertEquals(List.of(spec.schema().fieldNames()), List.of(w.schema().fieldNames()));
    }
  }

  @Test
  void filesPerDeliveryAreFixedAndThereIsNoSuccessMarker() throws Exception {
    for (SourceSpec spec : Sources.ALL.values()) {
      Path root = Path.of(GeneratedLakes.sourcePath(lake(), spec.name()));
      assertFalse(Files.exists(root.resolve("_SUCCESS")), spec.name() + ": _SUCCESS in the landing folder");
      for (int k = 1; k <= n() + 2; k++) {
        if (k <= n() && !present(spec, k)) continue;
        File[] parquet =
            root.resolve(SyntheticRegisters.DELIVERY + "=" + SyntheticRegisters.deliveryFolder(k))
                .toFile()
                .listFiles((dir, name) -> name.endsWith(".parquet"));
        assertTrue(parquet != null && parquet.length >= 1, spec.name() + " delivery " + k + " has no file");
        // 6000 persons make two tasks; the small tables and the bad rows one file each.
        assertTrue(parquet.length <= 2, spec.name() + " delivery " + k + ": " + parquet.length + " files");
      }
    }
  }

  @Test
  void aRerunRemovesOnlyTheGeneratedDeliveries() throws Exception {
    Path root = tmp("rerun").resolve("landing").resolve(Sources.POPULATION);
    Files.createDirectories(root.resolve("delivery=001"));
    Files.createDirectories(root.resolve("delivery=007"));
    Files.writeString(root.resolve("delivery=007").resolve("part-0.parquet"), "x");
    Files.createDirectories(root.resolve("from_the_register"));
    Files.writeString(root.resolve("from_the_register").resolve("real.parquet"), "x");
    Deliveries.clear(session(), root.toString());
    assertFalse(Files.exists(root.resolve("delivery=001")));
    assertFalse(Files.exists(root.resolve("delivery=007")));
    assertTrue(Files.exists(root.resolve("from_the_register").resolve("real.parquet")));
  }

  @Test
  void personIdsAreCodesAndMunicipalitiesAreTheRealOnes() {
    Dataset<Row> ids = GeneratedLakes.delivery(session(), lake(), Sources.MUNICIPAL_BENEFITS, 1);
    assertEquals(0, ids.filter(not(col(Cols.PERSON_ID).rlike("^P[0-9A-F]{16}$"))).count());
    Dataset<Row> pop = GeneratedLakes.latest(session(), lake(), Sources.POPULATION, n());
    assertEquals(98L * 2, pop.count(), "98 municipalities × 2 years");
    Row biggest = pop.orderBy(col(Cols.POPULATION_16_66).desc()).first();
    assertEquals(101, biggest.getInt(biggest.fieldIndex(Cols.MUNICIPALITY_CODE)), "København is the largest");
  }
}
