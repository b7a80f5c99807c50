package dk.star.fokusmaal.bronze;

/**
 * The names of the contract rules of SPEC §4.9, as they appear in {@code _rule} of a quarantine
 * table. A row that breaks several rules carries them all, joined by {@link #SEPARATOR}, so that
 * {@code split(_rule, '; ')} gives one rule per element.
 */
public final class QuarantineRule {
  private QuarantineRule() {}

  public static final String SEPARATOR = "; ";

  /** A key column is null or empty: the row cannot be corrected or deduplicated later. */
  public static String missingKey(String col) {
    return "MISSING_KEY(" + col + ")";
  }

  /** A non-nullable contract column is null. */
  public static String missingValue(String col) {
    return "MISSING_VALUE(" + col + ")";
  }

  /**
   * A value that does not convert to the contract type (stored with another Parquet type and not
   * castable without loss), or a double that is NaN or infinite.
   */
  public static String wrongType(String col) {
    return "WRONG_TYPE(" + col + ")";
  }

  /** person_id is not 1–64 characters of {@code [A-Za-z0-9_-]}. */
  public static final String INVALID_PERSON_ID = "INVALID_PERSON_ID";

  /**
   * person_id looks like a CPR number: ten digits, with or without a dash after the sixth
   * (surrounding whitespace ignored), or — when person_id was delivered as a number, which drops a
   * leading zero — nine or ten digits. No CPR number may enter the lake (SPEC §4): such a row never
   * reaches bronze, and its quarantine row keeps only the first digits (see {@link
   * Validation#maskCpr}).
   */
  public static final String CPR_LIKE_ID = "CPR_LIKE_ID";

  /** A code column holds a value outside its code set (compared exactly, upper-case ASCII). */
  public static String unknownCode(String col) {
    return "UNKNOWN_CODE(" + col + ")";
  }

  /** municipality_code is not one of the 98 municipalities. */
  public static final String UNKNOWN_MUNICIPALITY = "UNKNOWN_MUNICIPALITY";

  /** The end of a period is before its start. */
  public static String endBeforeStart(String start, String end) {
    return "END_BEFORE_START(" + start + "," + end + ")";
  }

  /** A count, hours or FTE column is negative. */
  public static String negativeValue(String col) {
    return "NEGATIVE_VALUE(" + col + ")";
  }

  /** fleur: more unemployment hours than 160.33 × days / 28 (+0.01) for the payment period. */
  public static final String HOURS_OUT_OF_RANGE = "HOURS_OUT_OF_RANGE";

  /**
   * reported_at is later than the ingest that read the row: a register cannot report the future,
   * and such a row would win every later correction of its key.
   */
  public static final String REPORTED_IN_FUTURE = "REPORTED_IN_FUTURE";

  /** A date, timestamp or year outside the years 2000–2100. */
  public static String dateOutOfRange(String col) {
    return "DATE_OUT_OF_RANGE(" + col + ")";
  }
}
