package dk.star.fokusmaal.bronze;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.reference.Benefit;
import dk.star.fokusmaal.reference.Fleur;
import dk.star.fokusmaal.reference.Municipalities;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Cast$;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;

/**
 * The row-level contract checks of SPEC §4.9, as pure transformations that work for any source
 * from its {@link SourceSpec}.
 *
 * <p>{@link #validate} adds {@code _rule} to the landed rows: null for a valid row, otherwise every
 * rule the row breaks, in a fixed order (missing key, missing value, wrong type, person id,
 * CPR-like id, codes, municipality, periods, negative values, hours, date range, reported in the
 * future; within a kind, in contract column order), joined by {@code "; "}. The future is judged
 * against the {@code _ingested_at} lineage column, so that check needs it (the job adds it). {@link #bronzeRows} and {@link #quarantineRows} split the result.
 *
 * <p>The landed frame may carry a contract column with another type than the contract (a
 * register that writes municipality_code as a string): values are converted with {@code
 * try_cast} (Spark runs in ANSI mode, a failing plain cast would fail the job), and a non-null
 * value that does not convert, or converts with loss (101.5 → int), is {@code WRONG_TYPE}. A
 * value that is missing or of the wrong type takes part in no other check, so that a row names
 * the root cause rather than its echoes.
 */
public final class Validation {
  private Validation() {}

  /** Lineage columns the job adds before validation; passed through untouched. */
  public static final List<String> LINEAGE =
      List.of(Cols.SOURCE_FILE, Cols.INGESTED_AT, Cols.INGEST_RUN_ID);

  /** Dates, timestamps and years must lie in these years (inclusive). */
  public static final int FIRST_YEAR = 2000;

  public static final int LAST_YEAR = 2100;

  /**
   * Registers report hours rounded to two decimals, so a period's maximum (rarely a round number)
   * may be exceeded by rounding alone; a hundredth of an hour is allowed for that.
   */
  static final BigDecimal HOURS_TOLERANCE = new BigDecimal("0.01");

  /**
   * The FLEUR cap (SPEC §4.1): a payment period of {@code days} days pays at most 160.33 × days / 28
   * hours (+0.01 for rounding). A full-time month is paid 160.33 hours whatever its length, so
   * February's 28 days set the rate: a full-time 30-day month or February passes, a full-time week
   * (37) too. True when {@code hours} exceed the cap; compared in decimals, so that the cap
   * itself (160.34 in February) passes exactly.
   */
  static Column aboveFleurCap(Column hours, Column days) {
    DecimalType exact = DataTypes.createDecimalType(38, 10);
    Column perMonth = lit(BigDecimal.valueOf(Fleur.FULL_TIME_MONTH_HOURS));
    return hours.cast(exact).multiply(lit(28))
        .gt(perMonth.multiply(days).plus(lit(HOURS_TOLERANCE.multiply(BigDecimal.valueOf(28)))));
  }

  /** 1–64 characters of {@code [A-Za-z0-9_-]}; {@code \z}, not {@code $}, so "id\n" fails. */
  public static final String PERSON_ID_PATTERN = "^[A-Za-z0-9_-]{1,64}\\z";

  /**
   * A CPR number as a string: ten ASCII digits, optionally a dash after the sixth, whitespace
   * around it ignored (nothing else). Nine or eleven digits are not CPR-like.
   */
  public static final String CPR_PATTERN = "^\\s*[0-9]{6}-?[0-9]{4}\\s*\\z";

  /** A CPR number delivered as a number: its leading zero (days 01–09) is lost, so 9 or 10 digits. */
  static final String CPR_AS_NUMBER_PATTERN = "^[0-9]{9,10}\\z";

  /**
   * A CPR-like person_id as quarantine keeps it: the last four digits (serial number and sex)
   * replaced by {@code X}, so "010190-1234" → "010190-XXXX" and "0101901234" → "010190XXXX". What
   * is left is the shape and the six digits of a birth date — enough to see whether the rule
   * caught a real CPR number (a valid DDMMYY) and in which form the register sent it, but not a
   * CPR number. The row itself is found again by its file and its other columns.
   */
  public static Column maskCpr(Column personId) {
    return regexp_replace(personId, lit("[0-9]{4}(\\s*)\\z"), lit("XXXX$1"));
  }

  /**
   * The landed rows with {@code _rule} added (null when the row is valid).
   *
   * @throws IllegalArgumentException when a contract column is absent (the job checks every
   *     file's schema before it reads any data, and names the file)
   */
  public static Dataset<Row> validate(Dataset<Row> raw, SourceSpec spec) {
    requireContractColumns(raw, spec);
    Checks c = new Checks(raw, spec);
    List<Column> broken = new ArrayList<>();

    for (String k : spec.key()) {
      broken.add(when(c.missing(k), lit(QuarantineRule.missingKey(k))));
    }
    for (StructField f : spec.schema().fields()) {
      if (!f.nullable() && !spec.key().contains(f.name())) {
        broken.add(when(c.raw(f.name()).isNull(), lit(QuarantineRule.missingValue(f.name()))));
      }
      if (isIntegrationFlagRequired(spec, f.name())) {
        // Nullable in general, but OVERGANGSYDELSE is in the fokusmål population only when the
        // flag is false (SPEC §6.1): without it the build cannot decide, so the row is incomplete.
        broken.add(
            when(
                c.value(Cols.BENEFIT_CODE).equalTo(lit(Benefit.OVERGANGSYDELSE.code()))
                    .and(c.raw(f.name()).isNull()),
                lit(QuarantineRule.missingValue(f.name()))));
      }
    }
    for (StructField f : spec.schema().fields()) {
      broken.add(when(c.wrongType(f.name()), lit(QuarantineRule.wrongType(f.name()))));
    }
    if (has(spec, Cols.PERSON_ID)) {
      broken.add(
          when(
              not(c.value(Cols.PERSON_ID).rlike(PERSON_ID_PATTERN)),
              lit(QuarantineRule.INVALID_PERSON_ID)));
      broken.add(when(c.cprLike(), lit(QuarantineRule.CPR_LIKE_ID)));
    }
    for (StructField f : spec.schema().fields()) {
      Set<String> codes = spec.codes().get(f.name());
      if (codes != null) {
        // Exact comparison: codes are upper-case ASCII by contract, 'a_dagpenge' is unknown.
        broken.add(
            when(
                not(c.value(f.name()).isin(codes.stream().sorted().toArray())),
                lit(QuarantineRule.unknownCode(f.name()))));
      }
    }
    if (spec.hasMunicipality()) {
      Object[] known = Municipalities.codes().toArray();
      broken.add(
          when(
              not(c.value(Cols.MUNICIPALITY_CODE).isin(known)),
              lit(QuarantineRule.UNKNOWN_MUNICIPALITY)));
    }
    for (String[] range : spec.dateRanges()) {
      broken.add(
          when(
              c.value(range[1]).lt(c.value(range[0])),
              lit(QuarantineRule.endBeforeStart(range[0], range[1]))));
    }
    for (String n : spec.nonNegative()) {
      broken.add(when(c.value(n).lt(lit(0)), lit(QuarantineRule.negativeValue(n))));
    }
    if (has(spec, Cols.UNEMPLOYMENT_HOURS) && has(spec, Cols.PERIOD_START) && has(spec, Cols.PERIOD_END)) {
      // Days inclusive; an end before the start is its own rule, not also an hours problem.
      Column days = datediff(c.value(Cols.PERIOD_END), c.value(Cols.PERIOD_START)).plus(lit(1));
      broken.add(
          when(
              days.geq(lit(1)).and(aboveFleurCap(c.value(Cols.UNEMPLOYMENT_HOURS), days)),
              lit(QuarantineRule.HOURS_OUT_OF_RANGE)));
    }
    for (StructField f : spec.schema().fields()) {
      Column y = null;
      if (f.dataType() instanceof DateType || f.dataType() instanceof TimestampType) {
        y = year(c.value(f.name()));
      } else if (f.name().equals(Cols.YEAR)) {
        // population.year is a calendar year: the same 2000–2100 bound as the dates.
        y = c.value(f.name());
      }
      if (y != null) {
        broken.add(
            when(
                y.lt(lit(FIRST_YEAR)).or(y.gt(lit(LAST_YEAR))),
                lit(QuarantineRule.dateOutOfRange(f.name()))));
      }
    }

    if (has(spec, Cols.REPORTED_AT) && has(raw, Cols.INGESTED_AT)) {
      // Later than the ingest's one instant; a year outside 2000–2100 is already named above.
      Column reported = c.value(Cols.REPORTED_AT);
      broken.add(
          when(
              reported.gt(raw.col(Cols.INGESTED_AT))
                  .and(year(reported).between(lit(FIRST_YEAR), lit(LAST_YEAR))),
              lit(QuarantineRule.REPORTED_IN_FUTURE)));
    }

    // concat_ws skips the nulls of the rules not broken; no rule at all gives '' → null.
    Column rule =
        nullif(concat_ws(QuarantineRule.SEPARATOR, broken.toArray(new Column[0])), lit(""));
    return raw.withColumn(Cols.QUARANTINE_RULE, rule);
  }

  /**
   * The valid rows as bronze holds them: the contract columns converted to the contract types, in
   * contract order, then the extra columns as landed, then the lineage columns present.
   */
  public static Dataset<Row> bronzeRows(Dataset<Row> validated, SourceSpec spec) {
    Checks c = new Checks(validated, spec);
    List<Column> cols = new ArrayList<>();
    for (StructField f : spec.schema().fields()) cols.add(c.typed(f.name()).as(f.name()));
    for (String e : extraColumns(validated, spec)) cols.add(validated.col(e));
    for (String l : LINEAGE) if (has(validated, l)) cols.add(validated.col(l));
    return validated
        .filter(validated.col(Cols.QUARANTINE_RULE).isNull())
        .select(cols.toArray(new Column[0]));
  }

  /**
   * The invalid rows as quarantine holds them: every landed column as a string (so that a value
   * of the wrong type survives exactly as delivered), then the lineage columns and {@code _rule}.
   */
  public static Dataset<Row> quarantineRows(Dataset<Row> validated, SourceSpec spec) {
    List<Column> cols = new ArrayList<>();
    Checks c = new Checks(validated, spec);
    for (StructField f : spec.schema().fields()) {
      Column text = asString(validated, f.name());
      if (f.name().equals(Cols.PERSON_ID)) {
        // A CPR number must not land in quarantine either.
        text = when(c.cprLike(), maskCpr(text)).otherwise(text).as(f.name());
      }
      cols.add(text);
    }
    for (String e : extraColumns(validated, spec)) cols.add(asString(validated, e));
    for (String l : LINEAGE) if (has(validated, l)) cols.add(validated.col(l));
    cols.add(validated.col(Cols.QUARANTINE_RULE));
    return validated
        .filter(validated.col(Cols.QUARANTINE_RULE).isNotNull())
        .select(cols.toArray(new Column[0]));
  }

  /** The landed columns that are not in the contract (kept in bronze, SPEC §4.9). */
  public static List<String> extraColumns(Dataset<Row> df, SourceSpec spec) {
    List<String> contract = spec.requiredColumns();
    List<String> out = new ArrayList<>();
    for (String n : df.columns()) {
      if (!contract.contains(n) && !LINEAGE.contains(n) && !n.equals(Cols.QUARANTINE_RULE)) out.add(n);
    }
    return out;
  }

  private static Column asString(Dataset<Row> df, String name) {
    Column c = df.col(name);
    return (df.schema().apply(name).dataType() instanceof StringType ? c : c.cast(DataTypes.StringType))
        .as(name);
  }

  private static void requireContractColumns(Dataset<Row> raw, SourceSpec spec) {
    for (String n : spec.requiredColumns()) {
      if (!has(raw, n)) {
        throw new IllegalArgumentException(
            "landed rows of " + spec.name() + " lack required column " + n + "; they have "
                + Arrays.toString(raw.columns()));
      }
    }
  }

  private static boolean isIntegrationFlagRequired(SourceSpec spec, String name) {
    return name.equals(Cols.IN_INTEGRATION_PROGRAMME) && has(spec, Cols.BENEFIT_CODE);
  }

  private static boolean has(SourceSpec spec, String name) {
    return spec.requiredColumns().contains(name);
  }

  private static boolean has(Dataset<Row> df, String name) {
    // Exact names (the contract's spelling), not Spark's case-insensitive resolution.
    return Arrays.asList(df.columns()).contains(name);
  }

  /** The column expressions of the checks for one landed frame, whatever its column types. */
  private static final class Checks {
    private final Dataset<Row> df;
    private final SourceSpec spec;

    Checks(Dataset<Row> df, SourceSpec spec) {
      this.df = df;
      this.spec = spec;
    }

    Column raw(String name) {
      return df.col(name);
    }

    private DataType landedType(String name) {
      return df.schema().apply(name).dataType();
    }

    private DataType contractType(String name) {
      return spec.field(name).dataType();
    }

    /** The value converted to the contract type; null when it cannot be converted. */
    Column typed(String name) {
      DataType from = landedType(name);
      DataType to = contractType(name);
      if (from.equals(to)) return raw(name);
      // canTryCast is what try_cast itself checks at analysis: a pair it rejects (a struct for an
      // int) would fail the whole plan, so such a column is converted to nulls and WRONG_TYPE.
      if (!Cast$.MODULE$.canTryCast(from, to)) return lit(null).cast(to);
      return raw(name).try_cast(to);
    }

    /** Null or, for a key column, an empty string. */
    Column missing(String name) {
      Column c = raw(name);
      if (spec.key().contains(name) && landedType(name) instanceof StringType) {
        return c.isNull().or(trim(c).equalTo(lit("")));
      }
      return c.isNull();
    }

    /** The landed value has no faithful representation in the contract type. */
    Column wrongType(String name) {
      DataType from = landedType(name);
      DataType to = contractType(name);
      Column c = raw(name);
      Column t = typed(name);
      Column bad;
      if (from.equals(to)) {
        bad = lit(false);
      } else if (!Cast$.MODULE$.canTryCast(from, to)) {
        bad = c.isNotNull();
      } else {
        bad = c.isNotNull().and(t.isNull());
        if (isLossy(from, to)) {
          // 101.5 → 101, 2 → true, 10:30 → a date: the cast works but the value changes.
          bad = bad.or(c.isNotNull().and(not(t.try_cast(from).eqNullSafe(c))));
        }
      }
      if (to instanceof DoubleType || to instanceof FloatType) {
        // NaN and ±Infinity are doubles but not hours or FTE; they would poison every sum.
        Column nonFinite =
            isnan(t).or(abs(t).equalTo(lit(Double.POSITIVE_INFINITY)));
        bad = bad.or(t.isNotNull().and(nonFinite));
      }
      return bad;
    }

    /** person_id looks like a CPR number ({@link QuarantineRule#CPR_LIKE_ID}). */
    Column cprLike() {
      Column v = value(Cols.PERSON_ID);
      DataType from = landedType(Cols.PERSON_ID);
      boolean numeric =
          from instanceof IntegerType || from instanceof LongType || from instanceof DecimalType;
      Column like = v.rlike(CPR_PATTERN);
      if (numeric) like = like.or(v.rlike(CPR_AS_NUMBER_PATTERN));
      return coalesce(like, lit(false));
    }

    /**
     * The value that the value checks look at: the contract-typed value, or null when it is
     * missing or of the wrong type (those rows already carry the rule that explains them).
     */
    Column value(String name) {
      return when(not(missing(name)).and(not(wrongType(name))), typed(name));
    }

    private static boolean isLossy(DataType from, DataType to) {
      // A string that parses is taken as meant; conversions to coarser types are checked.
      if (from instanceof StringType) return false;
      return to instanceof IntegerType
          || to instanceof LongType
          || to instanceof ShortType
          || to instanceof ByteType
          || to instanceof BooleanType
          || to instanceof DateType;
    }
  }
}
