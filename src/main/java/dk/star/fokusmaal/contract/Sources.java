package dk.star.fokusmaal.contract;

import static dk.star.fokusmaal.contract.Cols.*;

import dk.star.fokusmaal.reference.Benefit;
import dk.star.fokusmaal.reference.BenefitGroup;
import dk.star.fokusmaal.reference.BenefitRegister;
import dk.star.fokusmaal.reference.Codes.Channel;
import dk.star.fokusmaal.reference.Codes.ConversationStatus;
import dk.star.fokusmaal.reference.Codes.ConversationType;
import dk.star.fokusmaal.reference.Codes.EmploymentType;
import dk.star.fokusmaal.reference.Codes.OfferStatus;
import dk.star.fokusmaal.reference.Codes.OfferType;
import dk.star.fokusmaal.reference.Codes.Readiness;
import dk.star.fokusmaal.reference.Codes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The eight landing sources of SPEC §4, as data: columns and types, key, code sets (from {@code reference}), checks. */
public final class Sources {
  private Sources() {}

  public static final String FLEUR = BenefitRegister.Source.FLEUR;
  public static final String KMD_SYGEDAGPENGE = BenefitRegister.Source.KMD_SYGEDAGPENGE;
  public static final String MUNICIPAL_BENEFITS = BenefitRegister.Source.MUNICIPAL_BENEFITS;
  public static final String TASS_CONVERSATIONS = "tass_conversations";
  public static final String PLANDATA_OFFERS = "plandata_offers";
  public static final String EINDKOMST = "eindkomst";
  public static final String BENCHMARK_EXPECTED = "benchmark_expected";
  public static final String POPULATION = "population";

  private static StructField req(String name, DataType type) {
    return DataTypes.createStructField(name, type, false);
  }

  private static StructField opt(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  private static final DataType S = DataTypes.StringType;
  private static final DataType I = DataTypes.IntegerType;
  private static final DataType D = DataTypes.DateType;
  private static final DataType TS = DataTypes.TimestampType;
  private static final DataType DBL = DataTypes.DoubleType;
  private static final DataType B = DataTypes.BooleanType;

  public static final SourceSpec FLEUR_SPEC =
      new SourceSpec(
          FLEUR,
          new StructType(
              new StructField[] {
                req(PERSON_ID, S), req(MUNICIPALITY_CODE, I), req(BENEFIT_CODE, S),
                req(PERIOD_START, D), req(PERIOD_END, D), req(UNEMPLOYMENT_HOURS, DBL),
                req(REPORTED_AT, TS)
              }),
          List.of(PERSON_ID, BENEFIT_CODE, PERIOD_START),
          Map.of(BENEFIT_CODE, Benefit.codesOf(BenefitRegister.FLEUR)),
          List.<String[]>of(new String[] {PERIOD_START, PERIOD_END}),
          List.of(UNEMPLOYMENT_HOURS));

  public static final SourceSpec KMD_SPEC =
      new SourceSpec(
          KMD_SYGEDAGPENGE,
          new StructType(
              new StructField[] {
                req(CASE_ID, S), req(PERSON_ID, S), req(MUNICIPALITY_CODE, I),
                req(FIRST_ABSENCE_DATE, D), req(START_DATE, D), opt(END_DATE, D),
                req(PARTIAL, B), req(REPORTED_AT, TS)
              }),
          List.of(CASE_ID),
          Map.of(),
          List.<String[]>of(new String[] {START_DATE, END_DATE}),
          List.of());

  public static final SourceSpec MUNICIPAL_SPEC =
      new SourceSpec(
          MUNICIPAL_BENEFITS,
          new StructType(
              new StructField[] {
                req(PERIOD_ID, S), req(PERSON_ID, S), req(MUNICIPALITY_CODE, I),
                req(BENEFIT_CODE, S), opt(READINESS, S), opt(IN_INTEGRATION_PROGRAMME, B),
                req(START_DATE, D), opt(END_DATE, D), req(REPORTED_AT, TS)
              }),
          List.of(PERIOD_ID),
          Map.of(BENEFIT_CODE, Benefit.codesOf(BenefitRegister.MUNICIPAL_BENEFITS), READINESS, Codes.of(Readiness.class)),
          List.<String[]>of(new String[] {START_DATE, END_DATE}),
          List.of());

  public static final SourceSpec TASS_SPEC =
      new SourceSpec(
          TASS_CONVERSATIONS,
          new StructType(
              new StructField[] {
                req(CONVERSATION_ID, S), req(PERSON_ID, S), req(MUNICIPALITY_CODE, I),
                req(CONVERSATION_DATE, D), req(CONVERSATION_TYPE, S), req(CHANNEL, S),
                req(STATUS, S), req(REPORTED_AT, TS)
              }),
          List.of(CONVERSATION_ID),
          Map.of(
              CONVERSATION_TYPE, Codes.of(ConversationType.class), CHANNEL, Codes.of(Channel.class),
              STATUS, Codes.of(ConversationStatus.class)),
          List.of(),
          List.of());

  public static final SourceSpec PLANDATA_SPEC =
      new SourceSpec(
          PLANDATA_OFFERS,
          new StructType(
              new StructField[] {
                req(OFFER_ID, S), req(PERSON_ID, S), req(MUNICIPALITY_CODE, I),
                req(OFFER_TYPE, S), req(START_DATE, D), opt(END_DATE, D), req(STATUS, S),
                req(REPORTED_AT, TS)
              }),
          List.of(OFFER_ID),
          Map.of(OFFER_TYPE, Codes.of(OfferType.class), STATUS, Codes.of(OfferStatus.class)),
          List.<String[]>of(new String[] {START_DATE, END_DATE}),
          List.of());

  public static final SourceSpec EINDKOMST_SPEC =
      new SourceSpec(
          EINDKOMST,
          new StructType(
              new StructField[] {
                req(PERSON_ID, S), req(EMPLOYER_ID, S), req(PERIOD_START, D), req(PERIOD_END, D),
                req(PAID_HOURS, DBL), req(EMPLOYMENT_TYPE, S), req(REPORTED_AT, TS)
              }),
          List.of(PERSON_ID, EMPLOYER_ID, PERIOD_START, PERIOD_END),
          Map.of(EMPLOYMENT_TYPE, Codes.of(EmploymentType.class)),
          List.<String[]>of(new String[] {PERIOD_START, PERIOD_END}),
          List.of(PAID_HOURS));

  public static final SourceSpec BENCHMARK_SPEC =
      new SourceSpec(
          BENCHMARK_EXPECTED,
          new StructType(
              new StructField[] {
                req(MUNICIPALITY_CODE, I), req(PERIOD_START, D), req(PERIOD_END, D),
                req(BENEFIT_GROUP, S), req(EXPECTED_FTE, DBL), req(REPORTED_AT, TS)
              }),
          List.of(MUNICIPALITY_CODE, PERIOD_START, PERIOD_END, BENEFIT_GROUP),
          Map.of(BENEFIT_GROUP, Codes.of(BenefitGroup.class)),
          List.<String[]>of(new String[] {PERIOD_START, PERIOD_END}),
          List.of(EXPECTED_FTE));

  public static final SourceSpec POPULATION_SPEC =
      new SourceSpec(
          POPULATION,
          new StructType(
              new StructField[] {
                req(MUNICIPALITY_CODE, I), req(YEAR, I), req(POPULATION_16_66, I),
                req(REPORTED_AT, TS)
              }),
          List.of(MUNICIPALITY_CODE, YEAR),
          Map.of(),
          List.of(),
          List.of(POPULATION_16_66));

  /** All sources, in ingest order. */
  public static final Map<String, SourceSpec> ALL;

  static {
    Map<String, SourceSpec> all = new LinkedHashMap<>();
    for (SourceSpec s :
        List.of(
            FLEUR_SPEC, KMD_SPEC, MUNICIPAL_SPEC, TASS_SPEC, PLANDATA_SPEC, EINDKOMST_SPEC,
            BENCHMARK_SPEC, POPULATION_SPEC)) {
      all.put(s.name(), s);
    }
    ALL = java.util.Collections.unmodifiableMap(all);
  }

  public static SourceSpec spec(String name) {
    SourceSpec s = ALL.get(name);
    if (s == null) throw new IllegalArgumentException("unknown source: " + name);
    return s;
  }
}
