package dk.star.fokusmaal.schema;

import static dk.star.fokusmaal.schema.Cols.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The eight landing sources of SPEC §4, as data. */
public final class Sources {
  private Sources() {}

  public static final String FLEUR = "fleur";
  public static final String KMD_SYGEDAGPENGE = "kmd_sygedagpenge";
  public static final String MUNICIPAL_BENEFITS = "municipal_benefits";
  public static final String TASS_CONVERSATIONS = "tass_conversations";
  public static final String PLANDATA_OFFERS = "plandata_offers";
  public static final String EINDKOMST = "eindkomst";
  public static final String BENCHMARK_EXPECTED = "benchmark_expected";
  public static final String POPULATION = "population";

  public static final Set<String> FLEUR_BENEFITS =
      Set.of("A_DAGPENGE", "KONTANTYDELSE", "ARBEJDSMARKEDSYDELSE", "EFTERLOEN", "FERIEDAGPENGE");
  public static final Set<String> MUNICIPAL_BENEFIT_CODES =
      Set.of(
          "JOBAFKLARINGSFORLOEB", "KONTANTHJAELP", "UDDANNELSESHJAELP", "SELVFORSOERGELSESYDELSE",
          "HJEMREJSEYDELSE", "OVERGANGSYDELSE", "REVALIDERING", "FORREVALIDERING",
          "LEDIGHEDSYDELSE", "RESSOURCEFORLOEB", "FLEKSJOB", "FOERTIDSPENSION", "SENIORPENSION");
  public static final Set<String> READINESS_CODES =
      Set.of("JOBPARAT", "AKTIVITETSPARAT", "UDDANNELSESPARAT");
  public static final Set<String> CONVERSATION_TYPES =
      Set.of(
          "JOBSAMTALE", "OPFOELGNINGSSAMTALE", "FAELLES_JOBSAMTALE", "INTEGRATIONSSAMTALE",
          "FLEKSJOB_OPFOELGNING", "INFORMATIONSMOEDE", "CV_SAMTALE", "RAADIGHEDSSAMTALE");
  public static final Set<String> CHANNELS =
      Set.of("FREMMOEDE", "TELEFON", "VIDEO", "DIGITAL", "BREV", "ANDET");
  public static final Set<String> CONVERSATION_STATUSES = Set.of("AFHOLDT", "AFLYST", "UDEBLEVET");
  public static final Set<String> OFFER_TYPES =
      Set.of(
          "VIRKSOMHEDSPRAKTIK", "LOENTILSKUD_PRIVAT", "LOENTILSKUD_OFFENTLIG",
          "VEJLEDNING_OPKVALIFICERING", "NYTTEINDSATS", "MENTOR", "BEFORDRING");
  public static final Set<String> OFFER_STATUSES =
      Set.of("PLANLAGT", "IGANGVAERENDE", "AFSLUTTET", "ANNULLERET");
  public static final Set<String> EMPLOYMENT_TYPES = Set.of("ORDINAER", "LOENTILSKUD", "FLEKSJOB");
  public static final Set<String> BENEFIT_GROUPS =
      Set.of("A_DAGPENGE_MV", "SYGEDAGPENGE_MV", "KONTANTHJAELP_MV");

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
          Map.of(BENEFIT_CODE, FLEUR_BENEFITS),
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
          Map.of(BENEFIT_CODE, MUNICIPAL_BENEFIT_CODES, READINESS, READINESS_CODES),
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
              CONVERSATION_TYPE, CONVERSATION_TYPES, CHANNEL, CHANNELS,
              STATUS, CONVERSATION_STATUSES),
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
          Map.of(OFFER_TYPE, OFFER_TYPES, STATUS, OFFER_STATUSES),
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
          Map.of(EMPLOYMENT_TYPE, EMPLOYMENT_TYPES),
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
          Map.of(BENEFIT_GROUP, BENEFIT_GROUPS),
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
