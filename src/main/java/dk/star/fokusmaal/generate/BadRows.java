package dk.star.fokusmaal.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.reference.Municipalities;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Rows that break the input contract (SPEC §4.9), for testing that ingest quarantines them: for
 * each kind of violation that applies to a source, {@code n} rows that are valid in every other
 * respect, so each row breaks exactly one rule (a missing or empty key that is also a code column
 * breaks the code rule too: an empty code is not a known one). Their keys start with {@code BAD}
 * and never meet a real row's key. A wrong column type cannot live in the same Parquet file as
 * correct rows, so it comes as a file of its own.
 */
public final class BadRows {
  private BadRows() {}

  /** The violations of SPEC §4.9 that are row-level, as ingest is expected to name them. */
  public enum Kind {
    MISSING_KEY,
    UNKNOWN_CODE,
    UNKNOWN_MUNICIPALITY,
    END_BEFORE_START,
    NEGATIVE_VALUE,
    DATE_OUT_OF_RANGE,
    /** A person_id that is a (made-up) CPR number, half with the dash, half without. */
    CPR_LIKE_ID,
    /** A reported_at in 2099: later than any ingest. */
    REPORTED_IN_FUTURE
  }

  /** The first reported_at of {@link Kind#REPORTED_IN_FUTURE} rows (one second apart). */
  static final LocalDate FUTURE = LocalDate.of(2099, 1, 1);

  /** The code written where a code column gets an unknown value. */
  public static final String UNKNOWN_CODE = "UKENDT_KODE";

  /** The municipality codes written where the municipality is unknown. */
  public static final int UNKNOWN_MUNICIPALITY = 999;

  /** The value written into the wrong-typed column. */
  public static final String WRONG_TYPE_VALUE = "ABC";

  /** The kinds of violation that a source can have. */
  public static List<Kind> applicable(SourceSpec spec) {
    List<Kind> kinds = new ArrayList<>();
    kinds.add(Kind.MISSING_KEY);
    if (!spec.codes().isEmpty()) kinds.add(Kind.UNKNOWN_CODE);
    if (spec.hasMunicipality()) kinds.add(Kind.UNKNOWN_MUNICIPALITY);
    if (!spec.dateRanges().isEmpty()) kinds.add(Kind.END_BEFORE_START);
    if (!spec.nonNegative().isEmpty()) kinds.add(Kind.NEGATIVE_VALUE);
    if (!dateColumns(spec).isEmpty()) kinds.add(Kind.DATE_OUT_OF_RANGE);
    if (spec.requiredColumns().contains(Cols.PERSON_ID)) kinds.add(Kind.CPR_LIKE_ID);
    kinds.add(Kind.REPORTED_IN_FUTURE);
    return kinds;
  }

  /** The column that the wrong-type file writes as a string: the municipality, else the hours. */
  public static String wrongTypeColumn(SourceSpec spec) {
    if (spec.hasMunicipality()) return Cols.MUNICIPALITY_CODE;
    if (!spec.nonNegative().isEmpty()) return spec.nonNegative().get(0);
    return spec.key().get(0);
  }

  private static List<String> dateColumns(SourceSpec spec) {
    List<String> out = new ArrayList<>();
    for (StructField f : spec.schema().fields()) if (f.dataType().equals(DataTypes.DateType)) out.add(f.name());
    return out;
  }

  /** The contract schema with every column nullable: bad rows have nulls where the contract has none. */
  public static StructType nullable(StructType schema) {
    StructField[] fs = schema.fields();
    StructField[] out = new StructField[fs.length];
    for (int i = 0; i < fs.length; i++) {
      out[i] = DataTypes.createStructField(fs[i].name(), fs[i].dataType(), true, fs[i].metadata());
    }
    return new StructType(out);
  }

  /** {@code n} rows of every applicable kind, with the contract's columns and types. */
  public static Dataset<Row> rows(SparkSession spark, SourceSpec spec, int n, long reportedAtEpochSecond) {
    Dataset<Row> all = null;
    for (Kind kind : applicable(spec)) {
      Dataset<Row> ids = spark.range(0, n, 1, 1).toDF();
      List<Column> cols = new ArrayList<>();
      for (StructField f : spec.schema().fields()) {
        cols.add(value(spec, f, kind, col("id"), reportedAtEpochSecond).cast(f.dataType()).as(f.name()));
      }
      Dataset<Row> d = ids.select(cols.toArray(new Column[0]));
      all = all == null ? d : all.unionByName(d);
    }
    return all;
  }

  /**
   * {@code n} otherwise valid rows in which {@link #wrongTypeColumn} is a string ({@value
   * #WRONG_TYPE_VALUE}) instead of the contract's type.
   */
  public static Dataset<Row> wrongType(SparkSession spark, SourceSpec spec, int n, long reportedAtEpochSecond) {
    String wrong = wrongTypeColumn(spec);
    Dataset<Row> ids = spark.range(0, n, 1, 1).toDF();
    List<Column> cols = new ArrayList<>();
    for (StructField f : spec.schema().fields()) {
      if (f.name().equals(wrong)) {
        cols.add(lit(WRONG_TYPE_VALUE).as(f.name()));
      } else {
        cols.add(value(spec, f, null, col("id"), reportedAtEpochSecond).cast(f.dataType()).as(f.name()));
      }
    }
    return ids.select(cols.toArray(new Column[0]));
  }

  /** The value of one column in a bad row of {@code kind} (null kind: a valid row). */
  private static Column value(SourceSpec spec, StructField f, Kind kind, Column id, long reportedAt) {
    String name = f.name();
    DataType type = f.dataType();
    int kindNo = kind == null ? 9 : kind.ordinal();
    String tag = kind == null ? "WRONG_TYPE" : kind.name();
    Column v = template(spec, f, tag, kindNo, id, reportedAt);

    if (kind == Kind.MISSING_KEY && spec.key().contains(name)) {
      int idx = spec.key().indexOf(name);
      Column chosen = pmod(id, lit((long) spec.key().size())).equalTo(lit((long) idx));
      Column missing =
          type.equals(DataTypes.StringType)
              ? when(pmod(id, lit(2L)).equalTo(lit(0L)), lit(null).cast(type)).otherwise(lit(""))
              : lit(null).cast(type);
      return when(chosen, missing).otherwise(v);
    }
    if (kind == Kind.UNKNOWN_CODE && spec.codes().containsKey(name)) {
      List<String> codeCols = new ArrayList<>(new TreeSet<>(spec.codes().keySet()));
      Column chosen = pmod(id, lit((long) codeCols.size())).equalTo(lit((long) codeCols.indexOf(name)));
      return when(chosen, lit(UNKNOWN_CODE)).otherwise(v);
    }
    if (kind == Kind.UNKNOWN_MUNICIPALITY && name.equals(Cols.MUNICIPALITY_CODE)) {
      return when(pmod(id, lit(2L)).equalTo(lit(0L)), lit(UNKNOWN_MUNICIPALITY)).otherwise(lit(0));
    }
    if (kind == Kind.END_BEFORE_START) {
      List<String[]> ranges = spec.dateRanges();
      for (int i = 0; i < ranges.size(); i++) {
        if (ranges.get(i)[1].equals(name)) {
          Column chosen = pmod(id, lit((long) ranges.size())).equalTo(lit((long) i));
          Column start = template(spec, spec.field(ranges.get(i)[0]), tag, kindNo, id, reportedAt);
          return when(chosen, date_add(start, lit(-1).minus(pmod(id, lit(10L))).cast(DataTypes.IntegerType)))
              .otherwise(v);
        }
      }
    }
    if (kind == Kind.NEGATIVE_VALUE && spec.nonNegative().contains(name)) {
      int idx = spec.nonNegative().indexOf(name);
      Column chosen = pmod(id, lit((long) spec.nonNegative().size())).equalTo(lit((long) idx));
      return when(chosen, lit(-1.5).multiply(pmod(id, lit(10L)).plus(lit(1L)))).otherwise(v);
    }
    if (kind == Kind.DATE_OUT_OF_RANGE && type.equals(DataTypes.DateType)) {
      // Move every date of the row together, so only the 2000–2100 rule breaks.
      String anchorCol =
          spec.dateRanges().isEmpty() ? dateColumns(spec).get(0) : spec.dateRanges().get(0)[0];
      Column anchor = template(spec, spec.field(anchorCol), tag, kindNo, id, reportedAt);
      Column target =
          when(pmod(id, lit(2L)).equalTo(lit(0L)), lit(LocalDate.of(1999, 6, 1)))
              .otherwise(lit(LocalDate.of(2101, 3, 1)));
      return date_add(v, datediff(target, anchor));
    }
    if (kind == Kind.CPR_LIKE_ID && name.equals(Cols.PERSON_ID)) {
      // DDMMYY of 1 January 19YY and a four-digit serial: ten digits, unique up to a million rows.
      Column birth = concat(lit("0101"), lpad(pmod(id.divide(lit(10000L)).cast(DataTypes.LongType), lit(100L)).cast(DataTypes.StringType), 2, "0"));
      Column serial = lpad(pmod(id, lit(10000L)).cast(DataTypes.StringType), 4, "0");
      return when(pmod(id, lit(2L)).equalTo(lit(0L)), concat(birth, lit("-"), serial)).otherwise(concat(birth, serial));
    }
    if (kind == Kind.REPORTED_IN_FUTURE && name.equals(Cols.REPORTED_AT)) {
      return timestamp_seconds(lit(FUTURE.atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond()).plus(id));
    }
    return v;
  }

  /** A valid value: keys unique per kind and row, dates in 2002–2021, codes from the contract. */
  private static Column template(SourceSpec spec, StructField f, String tag, int kindNo, Column id, long reportedAt) {
    String name = f.name();
    DataType type = f.dataType();
    Column start =
        date_add(lit(LocalDate.of(2002, 1, 1)), pmod(id.multiply(lit(37L)).plus(lit(kindNo * 1000L)), lit(7000L)).cast(DataTypes.IntegerType));
    if (name.equals(Cols.REPORTED_AT)) return timestamp_seconds(lit(reportedAt));
    if (name.equals(Cols.MUNICIPALITY_CODE)) {
      List<Column> codes = new ArrayList<>();
      for (Municipalities.Municipality m : Municipalities.all()) codes.add(lit(m.code()));
      return org.apache.spark.sql.functions.element_at(
          org.apache.spark.sql.functions.array(codes.toArray(new Column[0])),
          pmod(id, lit((long) codes.size())).plus(lit(1L)).cast(DataTypes.IntegerType));
    }
    if (spec.codes().containsKey(name)) {
      Set<String> allowed = new TreeSet<>(spec.codes().get(name));
      return lit(allowed.iterator().next());
    }
    if (type.equals(DataTypes.DateType)) {
      for (String[] r : spec.dateRanges()) {
        if (r[0].equals(name)) return start;
        if (r[1].equals(name)) return date_add(start, 20);
      }
      if (name.equals(Cols.FIRST_ABSENCE_DATE)) return date_add(start, -10);
      return start;
    }
    if (name.equals(Cols.PERSON_ID)) return concat(lit("PBAD-" + tag + "-"), id.cast(DataTypes.StringType));
    if (type.equals(DataTypes.StringType)) return concat(lit("BAD-" + tag + "-"), id.cast(DataTypes.StringType));
    if (name.equals(Cols.YEAR)) return lit(2001L).plus(pmod(id.plus(lit(kindNo * 7L)), lit(90L)));
    if (type.equals(DataTypes.IntegerType)) return lit(1000);
    if (type.equals(DataTypes.DoubleType)) return lit(10.0);
    if (type.equals(DataTypes.BooleanType)) return lit(false);
    throw new IllegalStateException("no template for " + spec.name() + "." + name);
  }
}
