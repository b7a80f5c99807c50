package dk.star.fokusmaal.bronze;

import static dk.star.fokusmaal.bronze.Fixtures.R;
import static dk.star.fokusmaal.bronze.Fixtures.SCENARIO;
import static dk.star.fokusmaal.bronze.Fixtures.d;
import static dk.star.fokusmaal.bronze.Fixtures.frame;
import static dk.star.fokusmaal.bronze.Fixtures.landingSchema;
import static dk.star.fokusmaal.bronze.Fixtures.r;
import static dk.star.fokusmaal.bronze.Fixtures.rules;
import static dk.star.fokusmaal.bronze.Fixtures.withType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.testing.Frames;
import dk.star.fokusmaal.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The row rules of {@link Validation} called directly on in-memory frames: the edges of each rule
 * (where valid ends and invalid begins) and the conversion of landed types.
 */
class ValidationTest extends SparkTestBase {

  private static Dataset<Row> ruleOf(Dataset<Row> validated) {
    return validated.select(SCENARIO, Cols.QUARANTINE_RULE);
  }

  @Test
  void personIdIsOneTo64CharactersOfTheAllowedSet() {
    StructType s = landingSchema(Sources.KMD_SPEC);
    String max = "a".repeat(64);
    List<Row> rows =
        List.of(
            r("ok_all_classes", "C1", "Ab0_-z", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("ok_64_chars", "C2", max, 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("too_long_65", "C3", max + "a", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("empty", "C4", "", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("trailing_newline", "C5", "abc\n", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("danish_letter", "C6", "bø", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("space", "C7", "a b", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("digits_and_dash", "C8", "123-456_x", 101, d("2021-01-01"), d("2021-01-15"), null, false, R));
    Dataset<Row> v = Validation.validate(frame(s, rows), Sources.KMD_SPEC);
    Frames.assertSameRows(
        rules(
            "ok_all_classes", null,
            "ok_64_chars", null,
            "too_long_65", "INVALID_PERSON_ID",
            "empty", "INVALID_PERSON_ID",
            "trailing_newline", "INVALID_PERSON_ID",
            "danish_letter", "INVALID_PERSON_ID",
            "space", "INVALID_PERSON_ID",
            "digits_and_dash", null),
        ruleOf(v),
        SCENARIO);
  }

  @Test
  void fleurHoursAreAtMostAFullTimeMonthPer28DaysWithATolerance() {
    StructType s = landingSchema(Sources.FLEUR_SPEC);
    List<Row> rows =
        List.of(
            // A full-time month is paid 160.33 hours whatever its length (SPEC §4.1).
            r("full_time_30_day_month", "P1", 101, "A_DAGPENGE", d("2021-04-01"), d("2021-04-30"), 160.33, R),
            r("full_time_31_day_month", "P2", 101, "A_DAGPENGE", d("2021-01-01"), d("2021-01-31"), 160.33, R),
            r("full_time_february", "P3", 101, "A_DAGPENGE", d("2021-02-01"), d("2021-02-28"), 160.33, R),
            r("february_rounding", "P4", 101, "A_DAGPENGE", d("2021-02-01"), d("2021-02-28"), 160.34, R),
            r("february_over", "P5", 101, "A_DAGPENGE", d("2021-02-01"), d("2021-02-28"), 160.35, R),
            r("leap_february", "P6", 101, "A_DAGPENGE", d("2024-02-01"), d("2024-02-29"), 166.06, R),
            // A week: 160.33 × 7 / 28 = 40.0825; the full-time 37 passes, 40.10 does not.
            r("week_37", "P7", 101, "A_DAGPENGE", d("2021-02-01"), d("2021-02-07"), 37.0, R),
            r("week_cap", "P8", 101, "A_DAGPENGE", d("2021-02-01"), d("2021-02-07"), 40.09, R),
            r("week_over", "P9", 101, "A_DAGPENGE", d("2021-02-01"), d("2021-02-07"), 40.10, R),
            // One day: 5.726…; 5.73 is fine, 5.74 is not.
            r("one_day", "P10", 101, "A_DAGPENGE", d("2021-02-01"), d("2021-02-01"), 5.73, R),
            r("one_day_over", "P11", 101, "A_DAGPENGE", d("2021-02-01"), d("2021-02-01"), 5.74, R),
            // An end before the start is its own rule, not an hours problem too.
            r("reversed", "P12", 101, "A_DAGPENGE", d("2021-02-07"), d("2021-02-01"), 10.0, R));
    Dataset<Row> v = Validation.validate(frame(s, rows), Sources.FLEUR_SPEC);
    Frames.assertSameRows(
        rules(
            "full_time_30_day_month", null,
            "full_time_31_day_month", null,
            "full_time_february", null,
            "february_rounding", null,
            "february_over", "HOURS_OUT_OF_RANGE",
            "leap_february", null,
            "week_37", null,
            "week_cap", null,
            "week_over", "HOURS_OUT_OF_RANGE",
            "one_day", null,
            "one_day_over", "HOURS_OUT_OF_RANGE",
            "reversed", "END_BEFORE_START(period_start,period_end)"),
        ruleOf(v),
        SCENARIO);
  }

  @Test
  void integrationFlagIsRequiredOnlyForOvergangsydelse() {
    StructType s = landingSchema(Sources.MUNICIPAL_SPEC);
    List<Row> rows =
        List.of(
            r("kontanthjaelp_no_flag", "M1", "P1", 101, "KONTANTHJAELP", null, null, d("2021-01-01"), null, R),
            r("overgang_flag_false", "M2", "P2", 101, "OVERGANGSYDELSE", null, false, d("2021-01-01"), null, R),
            r("overgang_flag_true", "M3", "P3", 101, "OVERGANGSYDELSE", null, true, d("2021-01-01"), null, R),
            r("overgang_no_flag", "M4", "P4", 101, "OVERGANGSYDELSE", null, null, d("2021-01-01"), null, R));
    Dataset<Row> v = Validation.validate(frame(s, rows), Sources.MUNICIPAL_SPEC);
    Frames.assertSameRows(
        rules(
            "kontanthjaelp_no_flag", null,
            "overgang_flag_false", null,
            "overgang_flag_true", null,
            "overgang_no_flag", "MISSING_VALUE(in_integration_programme)"),
        ruleOf(v),
        SCENARIO);
  }

  @Test
  void valuesOfAnotherTypeAreConvertedWhenTheyConvertWithoutLoss() {
    // municipality_code as double, partial as int, reported_at as string.
    StructType s = landingSchema(Sources.KMD_SPEC);
    s = withType(s, Cols.MUNICIPALITY_CODE, DataTypes.DoubleType);
    s = withType(s, Cols.PARTIAL, DataTypes.IntegerType);
    s = withType(s, Cols.REPORTED_AT, DataTypes.StringType);
    List<Row> rows =
        List.of(
            r("clean", "C1", "P1", 101.0, d("2021-01-01"), d("2021-01-15"), null, 1, "2021-06-01 08:00:00"),
            r("fractional_code", "C2", "P1", 101.5, d("2021-01-01"), d("2021-01-15"), null, 0, "2021-06-01 08:00:00"),
            r("partial_2", "C3", "P1", 101.0, d("2021-01-01"), d("2021-01-15"), null, 2, "2021-06-01 08:00:00"),
            r("bad_time", "C4", "P1", 101.0, d("2021-01-01"), d("2021-01-15"), null, 0, "not a time"),
            r("huge_code", "C5", "P1", 1e12, d("2021-01-01"), d("2021-01-15"), null, 0, "2021-06-01 08:00:00"),
            r("null_is_missing_not_wrong", "C6", "P1", null, d("2021-01-01"), d("2021-01-15"), null, 0, "2021-06-01 08:00:00"));
    Dataset<Row> v = Validation.validate(frame(s, rows), Sources.KMD_SPEC);
    Frames.assertSameRows(
        rules(
            "clean", null,
            "fractional_code", "WRONG_TYPE(municipality_code)",
            "partial_2", "WRONG_TYPE(partial)",
            "bad_time", "WRONG_TYPE(reported_at)",
            "huge_code", "WRONG_TYPE(municipality_code)",
            "null_is_missing_not_wrong", "MISSING_VALUE(municipality_code)"),
        ruleOf(v),
        SCENARIO);

    // Bronze has the contract types and the converted values; quarantine keeps the landed text.
    Dataset<Row> bronze = Validation.bronzeRows(v, Sources.KMD_SPEC);
    Fixtures.assertContractTypes(Sources.KMD_SPEC, bronze);
    Row clean = bronze.first();
    assertEquals(101, clean.getInt(clean.fieldIndex(Cols.MUNICIPALITY_CODE)));
    assertEquals(true, clean.getBoolean(clean.fieldIndex(Cols.PARTIAL)));
    Dataset<Row> q = Validation.quarantineRows(v, Sources.KMD_SPEC);
    for (StructField f : q.schema().fields()) {
      if (!f.name().equals(Cols.QUARANTINE_RULE)) {
        assertEquals(DataTypes.StringType, f.dataType(), "quarantine column " + f.name());
      }
    }
    Frames.assertSameRows(
        frame(
            DataTypes.createStructType(
                List.of(
                    DataTypes.createStructField(SCENARIO, DataTypes.StringType, true),
                    DataTypes.createStructField(Cols.MUNICIPALITY_CODE, DataTypes.StringType, true),
                    DataTypes.createStructField(Cols.PARTIAL, DataTypes.StringType, true),
                    DataTypes.createStructField(Cols.REPORTED_AT, DataTypes.StringType, true))),
            List.of(
                r("fractional_code", "101.5", "0", "2021-06-01 08:00:00"),
                r("partial_2", "101.0", "2", "2021-06-01 08:00:00"),
                r("bad_time", "101.0", "0", "not a time"),
                r("huge_code", "1.0E12", "0", "2021-06-01 08:00:00"),
                r("null_is_missing_not_wrong", null, "0", "2021-06-01 08:00:00"))),
        q,
        SCENARIO);
  }

  @Test
  void aTimestampIsADateOnlyAtMidnight() {
    StructType s = withType(landingSchema(Sources.EINDKOMST_SPEC), Cols.PERIOD_START, DataTypes.TimestampType);
    List<Row> rows =
        List.of(
            r("midnight", "P1", "E1", Fixtures.ts("2021-01-01 00:00:00"), d("2021-01-31"), 1.0, "ORDINAER", R),
            r("half_past_ten", "P1", "E2", Fixtures.ts("2021-01-01 10:30:00"), d("2021-01-31"), 1.0, "ORDINAER", R));
    Dataset<Row> v = Validation.validate(frame(s, rows), Sources.EINDKOMST_SPEC);
    Frames.assertSameRows(
        rules("midnight", null, "half_past_ten", "WRONG_TYPE(period_start)"), ruleOf(v), SCENARIO);
  }

  @Test
  void notANumberIsNotHours() {
    StructType s = landingSchema(Sources.EINDKOMST_SPEC);
    List<Row> rows =
        List.of(
            r("nan", "P1", "E1", d("2021-01-01"), d("2021-01-31"), Double.NaN, "ORDINAER", R),
            r("infinite", "P1", "E2", d("2021-01-01"), d("2021-01-31"), Double.POSITIVE_INFINITY, "ORDINAER", R),
            r("minus_infinite", "P1", "E3", d("2021-01-01"), d("2021-01-31"), Double.NEGATIVE_INFINITY, "ORDINAER", R),
            r("zero", "P1", "E4", d("2021-01-01"), d("2021-01-31"), 0.0, "ORDINAER", R));
    Dataset<Row> v = Validation.validate(frame(s, rows), Sources.EINDKOMST_SPEC);
    Frames.assertSameRows(
        rules(
            "nan", "WRONG_TYPE(paid_hours)",
            "infinite", "WRONG_TYPE(paid_hours)",
            "minus_infinite", "WRONG_TYPE(paid_hours)",
            "zero", null),
        ruleOf(v),
        SCENARIO);
  }

  @Test
  void aColumnOfATypeThatCannotBeCastIsWrongTypeForEveryValue() {
    StructType point =
        DataTypes.createStructType(
            List.of(DataTypes.createStructField("code", DataTypes.IntegerType, true)));
    StructType s = withType(landingSchema(Sources.POPULATION_SPEC), Cols.MUNICIPALITY_CODE, point);
    List<Row> rows =
        List.of(r("struct_code", r(101), 2021, 1000, R), r("null_struct", null, 2021, 1000, R));
    Dataset<Row> v = Validation.validate(frame(s, rows), Sources.POPULATION_SPEC);
    Frames.assertSameRows(
        rules(
            "struct_code", "WRONG_TYPE(municipality_code)",
            "null_struct", "MISSING_KEY(municipality_code)"),
        ruleOf(v),
        SCENARIO);
  }

  @Test
  void severalRulesAreJoinedInAFixedOrder() {
    StructType s = landingSchema(Sources.FLEUR_SPEC);
    List<Row> rows =
        List.of(
            r("everything", "", 0, "X", d("1999-01-10"), d("1999-01-01"), -1.0, Fixtures.ts("2101-01-01 00:00:00")),
            r("missing_key_hides_code_check", "P1", 101, " ", d("2021-01-01"), d("2021-01-31"), 1.0, R));
    Dataset<Row> v = Validation.validate(frame(s, rows), Sources.FLEUR_SPEC);
    Frames.assertSameRows(
        rules(
            "everything",
            "MISSING_KEY(person_id); UNKNOWN_CODE(benefit_code); UNKNOWN_MUNICIPALITY; "
                + "END_BEFORE_START(period_start,period_end); NEGATIVE_VALUE(unemployment_hours); "
                + "DATE_OUT_OF_RANGE(period_start); DATE_OUT_OF_RANGE(period_end); "
                + "DATE_OUT_OF_RANGE(reported_at)",
            "missing_key_hides_code_check", "MISSING_KEY(benefit_code)"),
        ruleOf(v),
        SCENARIO);
  }

  @Test
  void aFrameWithoutAContractColumnIsRefused() {
    StructType s = Fixtures.without(landingSchema(Sources.POPULATION_SPEC), Cols.YEAR);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Validation.validate(frame(s, List.of(r("x", 101, 1, R))), Sources.POPULATION_SPEC));
    assertTrue(e.getMessage().contains(Cols.YEAR), e.getMessage());
  }

  /**
   * Issue 9: a person_id that looks like a CPR number (ten digits, with or without a dash after
   * six) is quarantined as CPR_LIKE_ID and never reaches bronze; quarantine keeps it masked.
   */
  @Test
  void aCprLikePersonIdIsQuarantinedAndMasked() {
    StructType s = landingSchema(Sources.KMD_SPEC);
    List<Row> rows =
        List.of(
            r("cpr_plain", "C1", "0101901234", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("cpr_dash", "C2", "010190-1234", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("cpr_with_space", "C3", " 3112851234", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("nine_digits", "C4", "010190123", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("eleven_digits", "C5", "01019012345", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("nine_digits_dash", "C6", "010190-123", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("dash_after_five", "C7", "01019-01234", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("letter_in_front", "C8", "P0101901234", 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("two_dashes", "C9", "010190--1234", 101, d("2021-01-01"), d("2021-01-15"), null, false, R));
    Dataset<Row> v = Validation.validate(frame(s, rows), Sources.KMD_SPEC);
    Frames.assertSameRows(
        rules(
            "cpr_plain", "CPR_LIKE_ID",
            "cpr_dash", "CPR_LIKE_ID",
            "cpr_with_space", "INVALID_PERSON_ID; CPR_LIKE_ID",
            "nine_digits", null,
            "eleven_digits", null,
            "nine_digits_dash", null,
            "dash_after_five", null,
            "letter_in_front", null,
            "two_dashes", null),
        ruleOf(v),
        SCENARIO);
    StructType masked =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(SCENARIO, DataTypes.StringType, true),
                DataTypes.createStructField(Cols.PERSON_ID, DataTypes.StringType, true)));
    // The birth date and the shape stay; the four digits that make it a CPR number do not.
    Frames.assertSameRows(
        frame(masked, List.of(
            r("cpr_plain", "010190XXXX"), r("cpr_dash", "010190-XXXX"), r("cpr_with_space", " 311285XXXX"))),
        Validation.quarantineRows(v, Sources.KMD_SPEC),
        SCENARIO);
    Frames.assertSameRows(
        frame(masked, List.of(
            r("nine_digits", "010190123"), r("eleven_digits", "01019012345"), r("nine_digits_dash", "010190-123"),
            r("dash_after_five", "01019-01234"), r("letter_in_front", "P0101901234"), r("two_dashes", "010190--1234"))),
        Validation.bronzeRows(v, Sources.KMD_SPEC),
        SCENARIO);
  }

  /** A person_id delivered as a number has lost a leading zero: nine digits are CPR-like then. */
  @Test
  void aCprNumberDeliveredAsANumberIsCprLikeToo() {
    StructType s = withType(landingSchema(Sources.KMD_SPEC), Cols.PERSON_ID, DataTypes.LongType);
    List<Row> rows =
        List.of(
            r("cpr_lost_zero", "C1", 101901234L, 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("cpr_ten_digits", "C2", 3112851234L, 101, d("2021-01-01"), d("2021-01-15"), null, false, R),
            r("small_number", "C3", 12345L, 101, d("2021-01-01"), d("2021-01-15"), null, false, R));
    Dataset<Row> v = Validation.validate(frame(s, rows), Sources.KMD_SPEC);
    Frames.assertSameRows(
        rules("cpr_lost_zero", "CPR_LIKE_ID", "cpr_ten_digits", "CPR_LIKE_ID", "small_number", null),
        ruleOf(v),
        SCENARIO);
    StructType masked =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(SCENARIO, DataTypes.StringType, true),
                DataTypes.createStructField(Cols.PERSON_ID, DataTypes.StringType, true)));
    Frames.assertSameRows(
        frame(masked, List.of(r("cpr_lost_zero", "10190XXXX"), r("cpr_ten_digits", "311285XXXX"))),
        Validation.quarantineRows(v, Sources.KMD_SPEC),
        SCENARIO);
  }

  /** Issue 9: a reported_at later than the ingest's instant is REPORTED_IN_FUTURE. */
  @Test
  void aReportedAtLaterThanTheIngestIsInTheFuture() {
    java.sql.Timestamp ingestedAt = Fixtures.ts("2021-06-01 08:00:00");
    StructType s = Fixtures.plus(landingSchema(Sources.FLEUR_SPEC), Cols.INGESTED_AT, DataTypes.TimestampType);
    java.sql.Timestamp microLater = Fixtures.ts("2021-06-01 08:00:00.000001");
    List<Row> rows =
        List.of(
            r("day_before", "P1", 101, "A_DAGPENGE", d("2021-05-01"), d("2021-05-31"), 10.0, Fixtures.ts("2021-05-31 08:00:00"), ingestedAt),
            r("at_ingest", "P2", 101, "A_DAGPENGE", d("2021-05-01"), d("2021-05-31"), 10.0, ingestedAt, ingestedAt),
            r("microsecond_later", "P3", 101, "A_DAGPENGE", d("2021-05-01"), d("2021-05-31"), 10.0, microLater, ingestedAt),
            r("next_year", "P4", 101, "A_DAGPENGE", d("2021-05-01"), d("2021-05-31"), 10.0, Fixtures.ts("2022-01-01 00:00:00"), ingestedAt),
            // Out of range names the cause once; the future is its echo.
            r("year_2101", "P5", 101, "A_DAGPENGE", d("2021-05-01"), d("2021-05-31"), 10.0, Fixtures.ts("2101-01-01 00:00:00"), ingestedAt));
    Dataset<Row> v = Validation.validate(frame(s, rows), Sources.FLEUR_SPEC);
    Frames.assertSameRows(
        rules(
            "day_before", null,
            "at_ingest", null,
            "microsecond_later", "REPORTED_IN_FUTURE",
            "next_year", "REPORTED_IN_FUTURE",
            "year_2101", "DATE_OUT_OF_RANGE(reported_at)"),
        ruleOf(v),
        SCENARIO);
  }
}
