package dk.star.fokusmaal.generate;

import static dk.star.fokusmaal.generate.BenefitTracks.ARBEJDSMARKEDSYDELSE;
import static dk.star.fokusmaal.generate.BenefitTracks.A_DAGPENGE;
import static dk.star.fokusmaal.generate.BenefitTracks.EFTERLOEN;
import static dk.star.fokusmaal.generate.BenefitTracks.FERIEDAGPENGE;
import static dk.star.fokusmaal.generate.BenefitTracks.FLEKSJOB;
import static dk.star.fokusmaal.generate.BenefitTracks.FOERTIDSPENSION;
import static dk.star.fokusmaal.generate.BenefitTracks.HJEMREJSEYDELSE;
import static dk.star.fokusmaal.generate.BenefitTracks.KONTANTHJAELP;
import static dk.star.fokusmaal.generate.BenefitTracks.KONTANTYDELSE;
import static dk.star.fokusmaal.generate.BenefitTracks.LEDIGHEDSYDELSE;
import static dk.star.fokusmaal.generate.BenefitTracks.OVERGANGSYDELSE;
import static dk.star.fokusmaal.generate.BenefitTracks.SELVFORSOERGELSESYDELSE;
import static dk.star.fokusmaal.generate.BenefitTracks.SENIORPENSION;
import static dk.star.fokusmaal.generate.BenefitTracks.SYGEDAGPENGE;
import static dk.star.fokusmaal.generate.BenefitTracks.UDDANNELSESHJAELP;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.hex;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.generate.BenefitTracks.Contact;
import dk.star.fokusmaal.reference.Benefit;
import dk.star.fokusmaal.reference.BenefitGroup;
import dk.star.fokusmaal.reference.BenefitRegister;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Synthetic register deliveries with the shape of the real ones (SPEC §10): one method per landing
 * source of SPEC §4, each returning the rows of every delivery with exactly the source's contract
 * columns and types, plus the column {@link #DELIVERY} naming the delivery folder.
 *
 * <p>How the data comes about. Every person is one row of {@code spark.range(persons)}; all their
 * attributes are hash-based dice ({@link Rng}) of the seed and their number, so nothing about a
 * person ever reaches the driver and a rerun gives the same rows on any cluster. A person follows a
 * career track ({@link BenefitTracks}) of up to three benefit episodes placed so that the person
 * is on benefits somewhere inside the data set's time frame, lives in a municipality chosen in
 * proportion to its number of recipients (some move once), and – while on a benefit – meets the
 * job centre (conversations) and is activated (offers) at rates that depend on the benefit, the
 * year, the COVID-19 restrictions and a per-municipality "job-centre performance". Episodes become
 * municipal benefit periods, sickness cases or FLEUR payment periods; work between and during
 * episodes becomes eIndkomst pay periods. The benchmark's expected full-time persons are the actual
 * ones computed from these periods times a per-municipality factor around 1, and the population
 * 16–66 is the embedded figure per municipality, scaled to the number of persons.
 *
 * <p>Each source is computed from scratch when asked for (a few narrow stages, no shuffle except
 * the small benchmark aggregate), so the writer can stream it straight to Parquet.
 */
public final class SyntheticRegisters {
  /** The delivery folder of a row ({@code 001} …): written as {@code delivery=001/}. */
  public static final String DELIVERY = "delivery";

  /** The number of persons that corresponds to the whole of Denmark (SPEC §10). */
  public static final long NATIONAL_PERSONS = 1_000_000L;

  /** The span, in months, over which {@link #NATIONAL_PERSONS} persons are Denmark (SPEC §10). */
  public static final int NATIONAL_MONTHS = 60;

  /** FLEUR: hours in one full-time month of unemployment insurance (SPEC §5.3). */
  static final double HOURS_PER_MONTH = 160.33;

  /** COVID-19: no conversations possible (SPEC §7). */
  static final LocalDate LOCKDOWN_START = LocalDate.of(2020, 3, 12);

  static final LocalDate LOCKDOWN_END = LocalDate.of(2020, 5, 26);
  /** COVID-19: offers restricted (SPEC §7). */
  static final LocalDate OFFER_RESTRICTION_START = LocalDate.of(2020, 12, 20);

  static final LocalDate OFFER_RESTRICTION_END = LocalDate.of(2021, 5, 30);

  /** Earliest date any generated row carries: inside the contract's 2000–2100. */
  private static final LocalDate EARLIEST = LocalDate.of(2001, 1, 1);

  // Conversation types, channels, statuses, offer types and statuses, employment types (SPEC §4).
  static final String JOBSAMTALE = "JOBSAMTALE";
  static final String OPFOELGNINGSSAMTALE = "OPFOELGNINGSSAMTALE";
  static final String FAELLES_JOBSAMTALE = "FAELLES_JOBSAMTALE";
  static final String INTEGRATIONSSAMTALE = "INTEGRATIONSSAMTALE";
  static final String FLEKSJOB_OPFOELGNING = "FLEKSJOB_OPFOELGNING";
  static final String INFORMATIONSMOEDE = "INFORMATIONSMOEDE";
  static final String CV_SAMTALE = "CV_SAMTALE";
  static final String RAADIGHEDSSAMTALE = "RAADIGHEDSSAMTALE";
  static final String AFHOLDT = "AFHOLDT";
  static final String AFLYST = "AFLYST";
  static final String UDEBLEVET = "UDEBLEVET";
  static final String VIRKSOMHEDSPRAKTIK = "VIRKSOMHEDSPRAKTIK";
  static final String LOENTILSKUD_PRIVAT = "LOENTILSKUD_PRIVAT";
  static final String LOENTILSKUD_OFFENTLIG = "LOENTILSKUD_OFFENTLIG";
  static final String VEJLEDNING_OPKVALIFICERING = "VEJLEDNING_OPKVALIFICERING";
  static final String NYTTEINDSATS = "NYTTEINDSATS";
  static final String MENTOR = "MENTOR";
  static final String BEFORDRING = "BEFORDRING";
  static final String PLANLAGT = "PLANLAGT";
  static final String IGANGVAERENDE = "IGANGVAERENDE";
  static final String AFSLUTTET = "AFSLUTTET";
  static final String ANNULLERET = "ANNULLERET";
  static final String ORDINAER = "ORDINAER";
  static final String LOENTILSKUD = "LOENTILSKUD";
  static final String JOBPARAT = "JOBPARAT";
  static final String AKTIVITETSPARAT = "AKTIVITETSPARAT";
  static final String UDDANNELSESPARAT = "UDDANNELSESPARAT";

  // Internal columns (never written).
  static final String ID = "id";
  static final String PHEX = "_phex";
  static final String TRACK = "_track";
  static final String T0 = "_t0";
  static final String M1 = "_m1";
  static final String M2 = "_m2";
  static final String MOVE = "_move";
  static final String RHYTHM = "_rhythm";
  static final String SLOT = "_slot";
  static final String CODE = "_code";
  static final String OFF = "_off";
  static final String DUR = "_dur";
  static final String PRESENT = "_present";
  static final String NEXT_OFF = "_next_off";
  static final String LAST = "_last";
  static final String S = "_s";
  static final String E = "_e";
  static final String NEXT_S = "_next_s";
  static final String CONTACT = "_contact";
  static final String FRAC = "_frac";
  static final String SICK_PARTIAL = "_sick_partial";
  static final String TRUE_END = "_true_end";
  static final String K = "_k";
  static final String A = "_a";
  static final String B = "_b";
  static final String YEAR = "_year";
  static final String CA = "_ca";
  static final String CB = "_cb";
  static final String DAYS = "_days";
  static final String N = "_n";
  static final String KIND = "_kind";
  static final String FATE = "_fate";
  static final String PLANNED_END = "_planned_end";
  static final String CANCEL = "_cancel";
  static final String EMP_KEY = "_emp_key";
  static final String HOURS = "_hours";
  static final String PAY = "_pay";
  static final String WRONG = "_wrong";
  static final String FTE_MICRO = "_fte_micro";
  static final String SEG = "_seg";
  static final String BOUNDS = "_bounds";
  static final String PROG_MODE = "_prog_mode";
  static final String PROG_END = "_prog_end";
  static final String BASE_READINESS = "_base_readiness";

  private static final int FATE_NORMAL = 0;
  private static final int FATE_CANCELLED = 1;
  private static final int FATE_STUCK = 2;

  private final SparkSession spark;
  private final GenerateOptions opts;
  private final Rng rng;
  private final Horizon horizon;
  private final MunicipalityProfiles munis;
  private final int partitions;

  public SyntheticRegisters(SparkSession spark, GenerateOptions opts) {
    if (opts.persons() < 1) throw new IllegalArgumentException("--persons must be at least 1");
    if (opts.badRows() < 0) throw new IllegalArgumentException("--bad-rows must not be negative");
    if (opts.to().isBefore(opts.from())) throw new IllegalArgumentException("--to is before --from");
    if (opts.from().isBefore(YearMonth.of(2003, 1)) || opts.to().isAfter(YearMonth.of(2099, 12))) {
      // Spells reach back before --from, and dates must stay inside the contract's 2000–2100.
      throw new IllegalArgumentException("--from/--to must lie within 2003-01 … 2099-12");
    }
    this.spark = spark;
    this.opts = opts;
    this.rng = new Rng(opts.seed());
    this.horizon = new Horizon(opts.from(), opts.to(), opts.deliveries());
    this.munis = new MunicipalityProfiles(opts.seed());
    // About 125,000 persons per task: a file per task and delivery, a few MB each at national scale.
    this.partitions = (int) Math.min(200, Math.max(2, (opts.persons() + 124_999) / 125_000));
  }

  SparkSession spark() {
    return spark;
  }

  public GenerateOptions options() {
    return opts;
  }

  /**
   * Number of Spark partitions (and so files per delivery) of the person-based sources: fixed by
   * the number of persons, so a rerun writes the same files.
   */
  public int partitions() {
    return partitions;
  }

  /** Number of delivery folders with ordinary rows. */
  public int deliveries() {
    return horizon.deliveries();
  }

  /** Folder name value of delivery {@code k}. */
  public static String deliveryFolder(int k) {
    return Horizon.folder(k);
  }

  /** reported_at (epoch seconds) of the bad-rows deliveries: after every ordinary delivery. */
  long badRowsReportedEpochSecond() {
    return Horizon.reportedEpochSecond(horizon.cutoff(horizon.deliveries()).plusDays(10));
  }

  /** The rows of one landing source (SPEC §4), every delivery, with {@link #DELIVERY}. */
  public Dataset<Row> source(String name) {
    return switch (name) {
      case Sources.FLEUR -> fleur();
      case Sources.KMD_SYGEDAGPENGE -> kmdSygedagpenge();
      case Sources.MUNICIPAL_BENEFITS -> municipalBenefits();
      case Sources.TASS_CONVERSATIONS -> tassConversations();
      case Sources.PLANDATA_OFFERS -> plandataOffers();
      case Sources.EINDKOMST -> eindkomst();
      case Sources.BENCHMARK_EXPECTED -> benchmarkExpected();
      case Sources.POPULATION -> population();
      default -> throw new IllegalArgumentException("unknown source: " + name);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Persons and episodes

  private Column u(String salt, Column... keys) {
    return rng.u(salt, keys);
  }

  /**
   * A pseudonym: the person number scrambled by an invertible xor-shift keyed by the seed, so two
   * persons never share an id (a plain hash could collide) and the number does not show through.
   */
  private Column pseudonym(Column id) {
    long key = new Random(rng.seed() ^ 0x5DEECE66DL).nextLong();
    Column x = id.bitwiseXOR(lit(key));
    x = x.bitwiseXOR(shiftleft(x, 13));
    x = x.bitwiseXOR(shiftrightunsigned(x, 7));
    x = x.bitwiseXOR(shiftleft(x, 17));
    x = x.bitwiseXOR(lit(Long.rotateLeft(key, 29)));
    x = x.bitwiseXOR(shiftrightunsigned(x, 31));
    return lpad(hex(x), 16, "0");
  }

  private static Column days(Column from, Column to) {
    return datediff(to, from).plus(lit(1));
  }

  private static Column plusDays(Column date, Column days) {
    return date_add(date, days.cast(DataTypes.IntegerType));
  }

  private static Column plusDays(Column date, int days) {
    return date_add(date, days);
  }

  /** Persons: pseudonym, track, up to three episodes as offsets from the career start, residence. */
  Dataset<Row> persons() {
    Column id = col(ID);
    Dataset<Row> p =
        spark
            .range(0, opts.persons(), 1, partitions)
            .select(
                id,
                pseudonym(id).as(PHEX),
                Rng.pickIndex(u("track", id), BenefitTracks.trackWeights()).as(TRACK));
    Column track = col(TRACK);
    for (int i = 0; i < BenefitTracks.MAX_SLOTS; i++) {
      p = p.withColumn(CODE + i, BenefitTracks.code(track, i, u("code", id, lit(i))));
    }
    for (int i = 0; i < BenefitTracks.MAX_SLOTS; i++) {
      Column code = col(CODE + i);
      Column present =
          i == 0
              ? lit(true)
              : col(PRESENT + (i - 1))
                  .and(code.isNotNull())
                  .and(BenefitTracks.continues(track, i, u("continue", id, lit(i))));
      p =
          p.withColumn(
                  DUR + i,
                  BenefitTracks.duration(track, i, code, u("dur_class", id, lit(i)), u("dur_len", id, lit(i))))
              .withColumn(PRESENT + i, present);
    }
    // Offsets of the episodes from the career start: each starts after the previous one's gap.
    p = p.withColumn(OFF + 0, lit(0));
    for (int i = 1; i < BenefitTracks.MAX_SLOTS; i++) {
      p =
          p.withColumn(
              OFF + i,
              col(OFF + (i - 1))
                  .plus(col(DUR + (i - 1)))
                  .plus(BenefitTracks.gap(track, i, u("gap", id, lit(i)))));
    }
    Column total = col(OFF + 0).plus(col(DUR + 0));
    for (int i = 1; i < BenefitTracks.MAX_SLOTS; i++) {
      total = when(col(PRESENT + i), col(OFF + i).plus(col(DUR + i))).otherwise(total);
    }
    // Career start: uniform over the dates that make the career overlap [first, to], so the number
    // of persons on benefits is about the same in every month of the data set (the year before
    // --from, which only feeds the first windows, is a little thinner). The span is at least the
    // five years of SPEC §10 ("about 1 million persons over 5 years" is Denmark), so --persons
    // means the same national scale whatever the range: in a shorter data set some persons only
    // have history before --from.
    LocalDate first = horizon.from().atDay(1);
    LocalDate fiveYears = horizon.to().minusMonths(NATIONAL_MONTHS - 1).atDay(1);
    if (fiveYears.isBefore(first)) first = fiveYears;
    int span = (int) (first.until(horizon.end(), java.time.temporal.ChronoUnit.DAYS) + 1);
    Column start =
        plusDays(
            lit(first),
            floor(u("t0", id).multiply(total.plus(lit(span)))).minus(total));
    Column moves = u("moves", id).lt(lit(0.08));
    return p.withColumn("_total", total)
        .withColumn(T0, greatest(start, lit(EARLIEST)))
        // The dice go into a column first: the tree compares them seven times, and an inlined
        // hash expression would be copied into every branch of it.
        .withColumn(M1, u("muni1", id))
        .withColumn(M2, u("muni2", id))
        .withColumn(M1, munis.indexFor(col(M1)))
        .withColumn(M2, munis.indexFor(col(M2)))
        .withColumn(
            MOVE,
            when(moves, plusDays(col(T0), floor(u("move_day", id).multiply(col("_total"))))))
        .withColumn(
            RHYTHM,
            Rng.pickIndex(u("rhythm", id), new double[] {0.65, 0.10, 0.05, 0.20}))
        .drop("_total");
  }

  /** The municipality index where the person lives on {@code day}. */
  private Column muniAt(Column day) {
    return when(col(MOVE).isNotNull().and(day.geq(col(MOVE))), col(M2)).otherwise(col(M1));
  }

  /** The municipality code where the person lives on {@code day}. */
  private Column muniCodeAt(Column day) {
    return munis.codeOf(muniAt(day));
  }

  /**
   * One row per benefit episode: the person's columns, the slot, the benefit code, true start and
   * end (the end may lie after the data set's end: the episode is then still running), the start
   * of the next episode, and the attributes shared by the sources that describe the episode.
   */
  Dataset<Row> episodes() {
    Dataset<Row> p = persons();
    List<Column> slots = new ArrayList<>();
    for (int i = 0; i < BenefitTracks.MAX_SLOTS; i++) {
      Column nextPresent = i + 1 < BenefitTracks.MAX_SLOTS ? col(PRESENT + (i + 1)) : lit(false);
      Column nextOff =
          i + 1 < BenefitTracks.MAX_SLOTS
              ? when(nextPresent, col(OFF + (i + 1)))
              : lit(null).cast(DataTypes.IntegerType);
      slots.add(
          struct(
              lit(i).as(SLOT),
              col(CODE + i).as(CODE),
              col(OFF + i).as(OFF),
              col(DUR + i).as(DUR),
              col(PRESENT + i).as(PRESENT),
              nextOff.cast(DataTypes.IntegerType).as(NEXT_OFF),
              not(nextPresent).as(LAST)));
    }
    Column id = col(ID);
    Column slot = col(SLOT);
    Dataset<Row> e =
        p.select(
                col(ID), col(PHEX), col(TRACK), col(T0), col(M1), col(M2), col(MOVE), col(RHYTHM),
                explode(array(slots.toArray(new Column[0]))).as("_ep"))
            .filter(col("_ep." + PRESENT))
            .select(
                col(ID), col(PHEX), col(TRACK), col(T0), col(M1), col(M2), col(MOVE), col(RHYTHM),
                col("_ep." + SLOT).as(SLOT), col("_ep." + CODE).as(CODE), col("_ep." + DUR).as(DUR),
                plusDays(col(T0), col("_ep." + OFF)).as(S),
                plusDays(col(T0), col("_ep." + OFF).plus(col("_ep." + DUR)).minus(lit(1))).as(E),
                plusDays(col(T0), col("_ep." + NEXT_OFF)).as(NEXT_S),
                col("_ep." + LAST).as(LAST))
            .filter(col(S).leq(lit(horizon.end())));
    // Share of full time paid by the a-kasse: most full-time, some half (a part-time insured), some
    // topping up part-time work (supplerende dagpenge) – those take longer to reach 12 months.
    Column uf = u("fraction", id, slot);
    Column frac =
        when(col(CODE).equalTo(EFTERLOEN), lit(1.0))
            .when(uf.lt(0.80), lit(1.0))
            .when(uf.lt(0.88), lit(0.5))
            .otherwise(Rng.uniform(u("fraction_level", id, slot), 0.2, 0.9));
    return e.withColumn(CONTACT, BenefitTracks.contact(col(CODE)))
        .withColumn(FRAC, frac)
        .withColumn(SICK_PARTIAL, u("sick_partial", id, slot).lt(0.25));
  }

  private Column id() {
    return col(ID);
  }

  private Column endOrNull(Column trueEnd) {
    return when(trueEnd.leq(lit(horizon.end())), trueEnd);
  }

  private static Column floor2(Column x) {
    return floor(x.multiply(lit(100))).divide(lit(100.0));
  }

  private Column personId() {
    return concat(lit("P"), col(PHEX));
  }

  // ---------------------------------------------------------------------------------------------
  // municipal_benefits (SPEC §4.3)

  /**
   * The municipal benefit periods as the registers finally know them: each episode of a municipal
   * benefit cut into periods at re-visitations (readiness may change), at a move (the paying
   * municipality changes) and, for overgangsydelse, when the integration programme ends; a quarter
   * of the cuts leave a short gap (less than a whole calendar month, so the spell continues).
   */
  Dataset<Row> municipalTruth() {
    Dataset<Row> e =
        episodes().filter(col(CODE).isin(Benefit.codesOf(BenefitRegister.MUNICIPAL_BENEFITS).toArray()));
    Column id = id();
    Column slot = col(SLOT);
    Column d = col(DUR);
    Column nCuts = least(lit(6), floor(d.divide(Rng.intIn(u("cut_len", id, slot), 150, 900)))).cast(DataTypes.IntegerType);
    List<Column> bounds = new ArrayList<>();
    bounds.add(col(S));
    for (int j = 1; j <= 6; j++) {
      Column frac =
          lit((double) j).plus(u("cut", id, slot, lit(j)).minus(lit(0.5)).multiply(lit(0.6)))
              .divide(nCuts.plus(lit(1)));
      bounds.add(when(lit(j).leq(nCuts), plusDays(col(S), floor(d.multiply(frac)))));
    }
    bounds.add(when(col(MOVE).gt(col(S)).and(col(MOVE).leq(col(E))), col(MOVE)));
    Column um = u("programme", id, slot);
    Column progMode =
        when(col(CODE).notEqual(lit(OVERGANGSYDELSE)), lit(-1))
            .when(um.lt(0.30), lit(0)) // in the programme throughout
            .when(um.lt(0.55), lit(1)) // out of it throughout (more than 5 years in Denmark)
            .otherwise(lit(2)); // leaves the programme during the episode
    e = e.withColumn(PROG_MODE, progMode)
        .withColumn(
            PROG_END,
            when(col(PROG_MODE).equalTo(2),
                plusDays(col(S), floor(d.multiply(Rng.uniform(u("programme_end", id, slot), 0.2, 0.8))))));
    bounds.add(col(PROG_END));
    bounds.add(plusDays(col(E), 1));
    e = e.withColumn(BOUNDS, array_sort(array_distinct(array_compact(array(bounds.toArray(new Column[0]))))));
    Dataset<Row> seg =
        e.withColumn(SEG, explode(sequence(lit(0), size(col(BOUNDS)).minus(lit(2)))));
    Column k = col(SEG);
    Column segStart = col(BOUNDS).getItem(k);
    Column next = col(BOUNDS).getItem(k.plus(lit(1)));
    Column isLast = k.equalTo(size(col(BOUNDS)).minus(lit(2)));
    Column gap =
        when(
                not(isLast).and(u("seg_gap", id, slot, k).lt(0.25)),
                least(Rng.intIn(u("seg_gap_len", id, slot, k), 1, 27), datediff(next, segStart).minus(lit(1))))
            .otherwise(lit(0));
    seg = seg.withColumn(Cols.START_DATE, segStart)
        .withColumn(TRUE_END, date_add(next, lit(-1).minus(gap).cast(DataTypes.IntegerType)))
        .filter(col(Cols.START_DATE).leq(lit(horizon.end())));

    Column code = col(CODE);
    Column ur = u("readiness", id, slot);
    Column base =
        when(code.equalTo(KONTANTHJAELP), when(ur.lt(0.4), lit(JOBPARAT)).otherwise(lit(AKTIVITETSPARAT)))
            .when(code.equalTo(UDDANNELSESHJAELP), when(ur.lt(0.55), lit(UDDANNELSESPARAT)).otherwise(lit(AKTIVITETSPARAT)))
            .when(
                code.isin(SELVFORSOERGELSESYDELSE, HJEMREJSEYDELSE, OVERGANGSYDELSE),
                when(ur.lt(0.55), lit(JOBPARAT)).otherwise(lit(AKTIVITETSPARAT)));
    Column other =
        when(code.equalTo(UDDANNELSESHJAELP),
                when(col(BASE_READINESS).equalTo(UDDANNELSESPARAT), lit(AKTIVITETSPARAT)).otherwise(lit(UDDANNELSESPARAT)))
            .otherwise(when(col(BASE_READINESS).equalTo(JOBPARAT), lit(AKTIVITETSPARAT)).otherwise(lit(JOBPARAT)));
    Column us = u("readiness_seg", id, slot, k);
    // Re-visitation changes readiness on a quarter of the later periods; 3 % lack a visitation.
    Column readiness =
        when(col(BASE_READINESS).isNull(), lit(null).cast(DataTypes.StringType))
            .when(us.lt(0.03), lit(null).cast(DataTypes.StringType))
            .when(k.gt(0).and(us.gt(0.75)), other)
            .otherwise(col(BASE_READINESS));
    Column programme =
        when(col(PROG_MODE).equalTo(0), lit(true))
            .when(col(PROG_MODE).equalTo(1), lit(false))
            .when(col(PROG_MODE).equalTo(2), col(Cols.START_DATE).lt(col(PROG_END)))
            .when(code.isin(SELVFORSOERGELSESYDELSE, HJEMREJSEYDELSE), lit(true))
            .when(code.isin(FLEKSJOB, FOERTIDSPENSION, SENIORPENSION), lit(null).cast(DataTypes.BooleanType))
            .otherwise(lit(false));
    return seg.withColumn(BASE_READINESS, base)
        .select(
            col(ID), col(SLOT), k,
            concat(lit("YP"), col(PHEX), lit("-"), slot.cast(DataTypes.StringType), lit("-"), k.cast(DataTypes.StringType))
                .as(Cols.PERIOD_ID),
            personId().as(Cols.PERSON_ID),
            muniCodeAt(col(Cols.START_DATE)).as(Cols.MUNICIPALITY_CODE),
            code.as(Cols.BENEFIT_CODE),
            readiness.as(Cols.READINESS),
            programme.as(Cols.IN_INTEGRATION_PROGRAMME),
            col(Cols.START_DATE),
            col(TRUE_END),
            endOrNull(col(TRUE_END)).as(Cols.END_DATE));
  }

  /** municipal_benefits, every delivery: open periods get their end date in a later delivery. */
  public Dataset<Row> municipalBenefits() {
    Dataset<Row> t = municipalTruth();
    Column key = col(Cols.PERIOD_ID);
    Column wrong = u("wrong_end", key).lt(0.03);
    Dataset<Row> v =
        horizon.versions(
            t,
            col(Cols.START_DATE),
            (k, cutoff, first) -> List.of(endAsOf(k, cutoff, first, wrong, key)),
            List.of(Cols.END_DATE),
            key,
            rng,
            DELIVERY,
            Cols.REPORTED_AT);
    return contract(v, Sources.MUNICIPAL_SPEC);
  }

  /**
   * The end date as a delivery knows it: none while the period runs; for 3 % of the periods the
   * first delivery after the end has a wrong (too early) end date, corrected in the next one.
   */
  private Column endAsOf(int k, Column cutoff, Column first, Column wrong, Column key) {
    Column end = col(Cols.END_DATE);
    Column known = when(end.isNotNull().and(end.leq(cutoff)), end);
    Column early =
        wrong.and(first.equalTo(lit(k))).and(lit(k).lt(lit(horizon.deliveries())));
    Column wrongEnd =
        greatest(col(Cols.START_DATE), date_add(end, lit(0).minus(Rng.intIn(u("wrong_end_days", key), 1, 30))));
    return when(early.and(known.isNotNull()), wrongEnd).otherwise(known);
  }

  // ---------------------------------------------------------------------------------------------
  // kmd_sygedagpenge (SPEC §4.2)

  /**
   * Sickness-benefit cases: one per sickness episode, one in five split in two by a short relapse
   * gap (the cases then join into one spell). Employees' first absence lies 30 days before the
   * municipality starts paying (the employer pays the first 30 days).
   */
  Dataset<Row> kmdTruth() {
    Dataset<Row> e = episodes().filter(col(CODE).equalTo(SYGEDAGPENGE));
    Column id = id();
    Column slot = col(SLOT);
    Column split = u("case_split", id, slot).lt(0.2).and(col(DUR).geq(40));
    Column cut = plusDays(col(S), floor(col(DUR).multiply(Rng.uniform(u("case_cut", id, slot), 0.3, 0.7))));
    Column second = least(plusDays(cut, Rng.intIn(u("case_gap", id, slot), 3, 20)), col(E));
    Column one = array(struct(lit(0).as(K), col(S).as(A), col(E).as(B)));
    Column two =
        array(
            struct(lit(0).as(K), col(S).as(A), plusDays(cut, -1).as(B)),
            struct(lit(1).as(K), second.as(A), col(E).as(B)));
    Dataset<Row> c =
        e.withColumn("_case", explode(when(split, two).otherwise(one)))
            .withColumn(K, col("_case." + K))
            .withColumn(Cols.START_DATE, col("_case." + A))
            .withColumn(TRUE_END, col("_case." + B))
            .filter(col(Cols.START_DATE).leq(lit(horizon.end())));
    Column k = col(K);
    Column employee = u("employee", id, slot).lt(0.65);
    Column firstAbsence =
        when(employee.and(k.equalTo(0)), plusDays(col(Cols.START_DATE), -30))
            .otherwise(date_add(col(Cols.START_DATE), lit(0).minus(Rng.intIn(u("absence", id, slot, k), 0, 3))));
    return c.select(
        col(ID), col(SLOT), k,
        concat(lit("SD"), col(PHEX), lit("-"), slot.cast(DataTypes.StringType), lit("-"), k.cast(DataTypes.StringType))
            .as(Cols.CASE_ID),
        personId().as(Cols.PERSON_ID),
        muniCodeAt(col(Cols.START_DATE)).as(Cols.MUNICIPALITY_CODE),
        firstAbsence.as(Cols.FIRST_ABSENCE_DATE),
        col(Cols.START_DATE),
        col(TRUE_END),
        endOrNull(col(TRUE_END)).as(Cols.END_DATE),
        col(SICK_PARTIAL).as(Cols.PARTIAL));
  }

  /** kmd_sygedagpenge, every delivery: end dates set later, 5 % of partial flags corrected. */
  public Dataset<Row> kmdSygedagpenge() {
    Dataset<Row> t = kmdTruth();
    Column key = col(Cols.CASE_ID);
    Column wrong = u("wrong_end", key).lt(0.03);
    Column flip = u("wrong_partial", key).lt(0.05);
    int n = horizon.deliveries();
    Dataset<Row> v =
        horizon.versions(
            t,
            col(Cols.START_DATE),
            (k, cutoff, first) ->
                List.of(
                    endAsOf(k, cutoff, first, wrong, key),
                    when(flip.and(first.equalTo(lit(k))).and(lit(k < n)), not(col(Cols.PARTIAL)))
                        .otherwise(col(Cols.PARTIAL))),
            List.of(Cols.END_DATE, Cols.PARTIAL),
            key,
            rng,
            DELIVERY,
            Cols.REPORTED_AT);
    return contract(v, Sources.KMD_SPEC);
  }

  // ---------------------------------------------------------------------------------------------
  // fleur (SPEC §4.1)

  /**
   * FLEUR payment periods: each a-kasse episode paid per calendar month (most a-kasser) or per
   * fixed 2, 3 or 4 weeks, hours = share of full time × the period's full-time hours (160.33 a
   * month, never more than 37 a week); plus a week of feriedagpenge for some and efterløn, both
   * outside the goals.
   */
  Dataset<Row> fleurTruth() {
    Dataset<Row> e =
        episodes().filter(col(CODE).isin(BenefitTracks.FLEUR_CODES.toArray()));
    Column id = id();
    Column slot = col(SLOT);
    Column monthly = col(RHYTHM).equalTo(0);
    Column len = when(col(RHYTHM).equalTo(1), lit(14)).when(col(RHYTHM).equalTo(2), lit(21)).otherwise(lit(28));
    Column nMonths =
        year(col(B)).minus(year(col(S))).multiply(12).plus(month(col(B))).minus(month(col(S)));
    Column count =
        when(monthly, nMonths.plus(lit(1)))
            .otherwise(floor(datediff(col(B), col(S)).divide(col("_len"))).cast(DataTypes.IntegerType).plus(lit(1)));
    // Feriedagpenge: a week of holiday pay in the middle of a longer a-dagpenge episode; it is
    // period number -1 of the episode, so one explode makes every row.
    Column ferie = col(CODE).equalTo(A_DAGPENGE).and(col(DUR).geq(120)).and(u("ferie", id, slot).lt(0.2));
    Dataset<Row> periods =
        e.withColumn(B, least(col(E), lit(horizon.end())))
            .withColumn("_len", len)
            .withColumn(K, explode(sequence(when(ferie, lit(-1)).otherwise(lit(0)), count.minus(lit(1)))));
    Column k = col(K);
    Column m = add_months(trunc(col(S), "MM"), k);
    Column fs = plusDays(col(S), Rng.intIn(u("ferie_day", id, slot), lit(30), col(DUR).minus(lit(20))));
    Column fixedStart = plusDays(col(S), k.multiply(col("_len")));
    periods =
        periods
            .withColumn("_m", m)
            .withColumn(
                Cols.PERIOD_START,
                when(k.equalTo(-1), fs).when(monthly, greatest(col("_m"), col(S))).otherwise(fixedStart))
            .withColumn(
                Cols.PERIOD_END,
                when(k.equalTo(-1), plusDays(fs, 4))
                    .when(monthly, least(last_day(col("_m")), col(B)))
                    .otherwise(least(plusDays(fixedStart, col("_len").minus(lit(1))), col(B))))
            .filter(k.geq(0).or(col(Cols.PERIOD_END).leq(col(B))));
    Column periodDays = days(col(Cols.PERIOD_START), col(Cols.PERIOD_END));
    Column max37 = lit(37.0).multiply(periodDays).divide(lit(7.0));
    // Full time: 160.33 hours a calendar month (prorated for a part month), 37 a week otherwise.
    Column fullTime =
        when(monthly, lit(HOURS_PER_MONTH).multiply(periodDays).divide(dayofmonth(last_day(col("_m")))))
            .otherwise(max37);
    Column up = u("period_hours", id, slot, k);
    Column factor =
        when(up.lt(0.005), lit(0.0)) // a period with nothing paid (e.g. a sanction)
            .when(col(FRAC).geq(1.0), when(up.lt(0.075), Rng.uniform(u("period_level", id, slot, k), 0.5, 0.95)).otherwise(lit(1.0)))
            .otherwise(least(lit(1.0).divide(col(FRAC)), Rng.uniform(u("period_level", id, slot, k), 0.85, 1.15)));
    Column hours =
        when(k.equalTo(-1), floor2(max37))
            .otherwise(floor2(least(max37, fullTime.multiply(col(FRAC)).multiply(factor))));
    return periods.select(
        col(ID), col(SLOT), k,
        personId().as(Cols.PERSON_ID),
        muniCodeAt(col(Cols.PERIOD_START)).as(Cols.MUNICIPALITY_CODE),
        when(k.equalTo(-1), lit(FERIEDAGPENGE)).otherwise(col(CODE)).as(Cols.BENEFIT_CODE),
        col(Cols.PERIOD_START),
        col(Cols.PERIOD_END),
        hours.as(Cols.UNEMPLOYMENT_HOURS));
  }

  /** fleur, every delivery: a payment is reported after its period; 2 % get their hours corrected. */
  public Dataset<Row> fleur() {
    Dataset<Row> t = fleurTruth();
    Column key = concat(col(Cols.PERSON_ID), col(Cols.BENEFIT_CODE), col(Cols.PERIOD_START).cast(DataTypes.StringType));
    Column wrong = u("wrong_hours", key).lt(0.02);
    int n = horizon.deliveries();
    Dataset<Row> v =
        horizon.versions(
            t,
            col(Cols.PERIOD_END),
            (k, cutoff, first) ->
                List.of(
                    when(wrong.and(first.equalTo(lit(k))).and(lit(k < n)),
                            floor2(col(Cols.UNEMPLOYMENT_HOURS).multiply(Rng.uniform(u("wrong_hours_level", key), 0.5, 0.95))))
                        .otherwise(col(Cols.UNEMPLOYMENT_HOURS))),
            List.of(Cols.UNEMPLOYMENT_HOURS),
            key,
            rng,
            DELIVERY,
            Cols.REPORTED_AT);
    return contract(v, Sources.FLEUR_SPEC);
  }

  // ---------------------------------------------------------------------------------------------
  // Events: conversations and offers per episode and calendar year

  /**
   * Episode-years inside the event window: {@code [max(start, event start), min(end, last)]} cut by
   * calendar year, with the chunk's first and last day and number of days. Rates and the
   * "neglected this year" dice are per chunk, so a job centre can improve from one year to the next.
   */
  private Dataset<Row> chunks(Dataset<Row> episodes, LocalDate last) {
    Column a = greatest(col(S), lit(horizon.eventStart()));
    Column b = least(col(E), lit(last));
    return episodes
        .withColumn(A, a)
        .withColumn(B, b)
        .filter(col(A).leq(col(B)))
        .withColumn(YEAR, explode(sequence(year(col(A)), year(col(B)))))
        .withColumn(CA, greatest(col(A), make_date(col(YEAR), lit(1), lit(1))))
        .withColumn(CB, least(col(B), make_date(col(YEAR), lit(12), lit(31))))
        .withColumn(DAYS, days(col(CA), col(CB)));
  }

  /** Year multipliers of the chance of being left without conversations: better after 2021. */
  private static Column conversationYearFactor(Column year) {
    return when(year.leq(2019), lit(1.3))
        .when(year.equalTo(2020), lit(1.4))
        .when(year.equalTo(2021), lit(1.0))
        .when(year.equalTo(2022), lit(0.7))
        .otherwise(lit(0.65));
  }

  /** Year multipliers of the chance of being left without offers: worst in 2021 (COVID-19). */
  private static Column offerYearFactor(Column year) {
    return when(year.leq(2019), lit(1.0))
        .when(year.equalTo(2020), lit(1.05))
        .when(year.equalTo(2021), lit(1.06))
        .when(year.equalTo(2022), lit(0.97))
        .otherwise(lit(0.92));
  }

  private static Column byContact(Column contact, double insured, double sick, double clarification,
      double social, double integration, double flex) {
    return when(BenefitTracks.is(contact, Contact.INSURED), lit(insured))
        .when(BenefitTracks.is(contact, Contact.SICK), lit(sick))
        .when(BenefitTracks.is(contact, Contact.CLARIFICATION), lit(clarification))
        .when(BenefitTracks.is(contact, Contact.SOCIAL), lit(social))
        .when(BenefitTracks.is(contact, Contact.INTEGRATION), lit(integration))
        .otherwise(lit(flex));
  }

  private static Column inRange(Column day, LocalDate from, LocalDate to) {
    return day.geq(lit(from)).and(day.leq(lit(to)));
  }

  /** Chance that a citizen is left without regular conversations in a year (before municipality). */
  static final double[] CONVERSATION_NEGLECT = {0.04, 0.04, 0.05, 0.06, 0.05, 0.06};
  /** Chance that a citizen gets no offer in a year (before municipality and work). */
  static final double[] OFFER_NEGLECT = {0.17, 0.285, 0.24, 0.23, 0.20, 0.24};
  /** Spread of the municipalities: log-scale factor per standard deviation of the latent. */
  static final double CONVERSATION_SPREAD = 0.45;

  static final double OFFER_SPREAD = 0.30;

  /**
   * Conversations as the job centres registered them. A citizen in contact meets the job centre
   * 7–12 times a year (evenly spread, jittered); one left without regular contact 0.5–3 times.
   * 12 % of the meetings are cancelled or missed; 2 % are registered twice on the same date; during
   * the first lockdown most meetings fall away and the rest are by telephone or video.
   */
  Dataset<Row> conversationsTruth() {
    Dataset<Row> e = episodes().filter(not(BenefitTracks.is(col(CONTACT), Contact.NONE)));
    Dataset<Row> c = chunks(e, horizon.end());
    Column id = id();
    Column slot = col(SLOT);
    Column y = col(YEAR);
    Column contact = col(CONTACT);
    Column base =
        byContact(contact, CONVERSATION_NEGLECT[0], CONVERSATION_NEGLECT[1], CONVERSATION_NEGLECT[2],
            CONVERSATION_NEGLECT[3], CONVERSATION_NEGLECT[4], CONVERSATION_NEGLECT[5]);
    Column p =
        least(lit(0.9), base.multiply(conversationYearFactor(y))
            .multiply(munis.conversationFactor(muniAt(col(CA)), CONVERSATION_SPREAD)));
    // The dice are per episode, the threshold per year: a citizen the job centre loses touch with
    // stays lost from one year to the next unless the municipality improves.
    Column neglected = u("conv_neglect", id, slot).lt(p);
    Column rate =
        when(col(CODE).equalTo(FLEKSJOB), Rng.uniform(u("conv_rate", id, slot, y), 1.0, 2.5))
            .when(neglected, Rng.uniform(u("conv_rate", id, slot, y), 0.5, 3.0))
            .when(BenefitTracks.is(contact, Contact.INSURED), Rng.uniform(u("conv_rate", id, slot, y), 8.0, 12.0))
            .otherwise(Rng.uniform(u("conv_rate", id, slot, y), 7.0, 11.0));
    Column n =
        floor(col(DAYS).multiply(rate).divide(lit(365.25)).plus(u("conv_n", id, slot, y))).cast(DataTypes.IntegerType);
    c = c.withColumn(N, n).filter(col(N).gt(0)).withColumn(K, explode(sequence(lit(0), col(N).minus(lit(1)))));
    Column k = col(K);
    Column date =
        plusDays(col(CA), floor(k.plus(u("conv_day", id, slot, y, k)).multiply(col(DAYS)).divide(col(N))));
    c = c.withColumn(Cols.CONVERSATION_DATE, date);
    Column day = col(Cols.CONVERSATION_DATE);
    Column uc = u("conv_covid", id, slot, y, k);
    Column lockdown = inRange(day, LOCKDOWN_START, LOCKDOWN_END);
    c = c.filter(not(lockdown.and(uc.lt(0.55))));
    Column dup = when(u("conv_dup", id, slot, y, k).lt(0.02), lit(1)).otherwise(lit(0));
    c = c.withColumn("_dup", explode(sequence(lit(0), dup)));
    Column d = col("_dup");
    Column status =
        when(lockdown.and(uc.lt(0.80)), lit(AFLYST))
            .otherwise(Rng.pick(u("conv_status", id, slot, y, k), new String[] {AFHOLDT, UDEBLEVET, AFLYST}, new double[] {0.88, 0.06, 0.06}));
    Column ut = u("conv_type", id, slot, y, k);
    Column type =
        when(BenefitTracks.is(contact, Contact.INSURED),
                Rng.pick(ut, new String[] {JOBSAMTALE, FAELLES_JOBSAMTALE, CV_SAMTALE, RAADIGHEDSSAMTALE, INFORMATIONSMOEDE},
                    new double[] {0.62, 0.13, 0.10, 0.07, 0.08}))
            .when(BenefitTracks.is(contact, Contact.SICK),
                Rng.pick(ut, new String[] {OPFOELGNINGSSAMTALE, JOBSAMTALE, INFORMATIONSMOEDE}, new double[] {0.85, 0.05, 0.10}))
            .when(BenefitTracks.is(contact, Contact.CLARIFICATION),
                Rng.pick(ut, new String[] {OPFOELGNINGSSAMTALE, JOBSAMTALE, INFORMATIONSMOEDE}, new double[] {0.5, 0.4, 0.1}))
            .when(BenefitTracks.is(contact, Contact.SOCIAL),
                Rng.pick(ut, new String[] {JOBSAMTALE, RAADIGHEDSSAMTALE, INFORMATIONSMOEDE, CV_SAMTALE},
                    new double[] {0.80, 0.05, 0.08, 0.07}))
            .when(BenefitTracks.is(contact, Contact.INTEGRATION),
                Rng.pick(ut, new String[] {INTEGRATIONSSAMTALE, JOBSAMTALE, INFORMATIONSMOEDE}, new double[] {0.6, 0.3, 0.1}))
            .otherwise(
                Rng.pick(ut, new String[] {FLEKSJOB_OPFOELGNING, JOBSAMTALE, INFORMATIONSMOEDE}, new double[] {0.7, 0.2, 0.1}));
    Column uch = u("conv_channel", id, slot, y, k, d);
    Column channel =
        when(lockdown,
                Rng.pick(uch, new String[] {"TELEFON", "VIDEO", "DIGITAL"}, new double[] {0.6, 0.3, 0.1}))
            .when(inRange(day, LOCKDOWN_END.plusDays(1), LocalDate.of(2021, 6, 30)),
                Rng.pick(uch, new String[] {"FREMMOEDE", "TELEFON", "VIDEO", "DIGITAL", "BREV", "ANDET"},
                    new double[] {0.35, 0.30, 0.22, 0.08, 0.02, 0.03}))
            .otherwise(
                Rng.pick(uch, new String[] {"FREMMOEDE", "TELEFON", "VIDEO", "DIGITAL", "BREV", "ANDET"},
                    new double[] {0.55, 0.20, 0.10, 0.08, 0.03, 0.04}));
    return c.select(
        col(ID),
        concat(lit("SA"), col(PHEX), lit("-"), slot.cast(DataTypes.StringType), lit("-"), y.cast(DataTypes.StringType),
                lit("-"), k.cast(DataTypes.StringType), lit("-"), d.cast(DataTypes.StringType))
            .as(Cols.CONVERSATION_ID),
        personId().as(Cols.PERSON_ID),
        muniCodeAt(day).as(Cols.MUNICIPALITY_CODE),
        day,
        type.as(Cols.CONVERSATION_TYPE),
        channel.as(Cols.CHANNEL),
        status.as(Cols.STATUS));
  }

  /**
   * tass_conversations, every delivery: 3 % of held meetings were first registered as no-shows,
   * 1 % of cancelled ones as held, each corrected in the next delivery.
   */
  public Dataset<Row> tassConversations() {
    Dataset<Row> t = conversationsTruth();
    Column key = col(Cols.CONVERSATION_ID);
    Column uw = u("wrong_status", key);
    int n = horizon.deliveries();
    Column status = col(Cols.STATUS);
    Dataset<Row> v =
        horizon.versions(
            t,
            col(Cols.CONVERSATION_DATE),
            (k, cutoff, first) -> {
              Column early = first.equalTo(lit(k)).and(lit(k < n));
              return List.of(
                  when(early.and(status.equalTo(AFHOLDT)).and(uw.lt(0.03)), lit(UDEBLEVET))
                      .when(early.and(status.equalTo(AFLYST)).and(uw.lt(0.01)), lit(AFHOLDT))
                      .otherwise(status));
            },
            List.of(Cols.STATUS),
            key,
            rng,
            DELIVERY,
            Cols.REPORTED_AT);
    return contract(v, Sources.TASS_SPEC);
  }

  /**
   * Offers as Plandata finally knows them, with what a delivery needs to show their life cycle:
   * the planned start and end, and the offer's fate (carried out, cancelled before it started, or
   * left PLANLAGT and never updated). A citizen the job centre activates gets 1.2–3 offers a year;
   * one it leaves passive gets none that count, perhaps a cancelled or never-started one; mentor and
   * transport support come on top and do not count. COVID-19 removed most offers in the first
   * lockdown and about half between 20 December 2020 and 30 May 2021.
   */
  Dataset<Row> offersTruth() {
    Dataset<Row> e =
        episodes()
            .filter(
                col(CONTACT).isin(Contact.INSURED.ordinal(), Contact.SICK.ordinal(), Contact.CLARIFICATION.ordinal(),
                        Contact.SOCIAL.ordinal(), Contact.INTEGRATION.ordinal())
                    .or(col(CODE).equalTo(LEDIGHEDSYDELSE)));
    // Offers are planned ahead: some start after the data set's end and are still PLANLAGT.
    Dataset<Row> c = chunks(e, horizon.end().plusDays(45));
    Column id = id();
    Column slot = col(SLOT);
    Column y = col(YEAR);
    Column contact = col(CONTACT);
    Column base =
        byContact(contact, OFFER_NEGLECT[0], OFFER_NEGLECT[1], OFFER_NEGLECT[2], OFFER_NEGLECT[3],
            OFFER_NEGLECT[4], OFFER_NEGLECT[5]);
    Column p =
        least(lit(0.95), base.multiply(offerYearFactor(y)).multiply(munis.offerFactor(muniAt(col(CA)), OFFER_SPREAD)));
    Column neglected = u("offer_neglect", id, slot).lt(p);
    Column rate = Rng.uniform(u("offer_rate", id, slot, y), 1.2, 3.0);
    Column nCounted =
        when(neglected, lit(0))
            .otherwise(floor(col(DAYS).multiply(rate).divide(lit(365.25)).plus(u("offer_n", id, slot, y))).cast(DataTypes.IntegerType));
    Column pMentor = when(contact.isin(Contact.SOCIAL.ordinal(), Contact.INTEGRATION.ordinal(), Contact.CLARIFICATION.ordinal()), lit(0.20)).otherwise(lit(0.06));
    Column nMentor = when(u("mentor", id, slot, y).lt(pMentor), lit(1)).otherwise(lit(0));
    Column nTransport = when(u("transport", id, slot, y).lt(0.06), lit(1)).otherwise(lit(0));
    Column nNoise = when(neglected.and(u("noise_offer", id, slot, y).lt(0.3)), lit(1)).otherwise(lit(0));
    c = c.withColumn(N, nCounted)
        .withColumn(
            "_kinds",
            functions_concat(
                array_repeat(lit(0), col(N)),
                array_repeat(lit(1), nMentor),
                array_repeat(lit(2), nTransport),
                array_repeat(lit(3), nNoise)))
        .select(col("*"), posexplode(col("_kinds")).as(new String[] {K, KIND}))
        .drop("_kinds");
    Column k = col(K);
    Column kind = col(KIND);
    Column start =
        when(kind.equalTo(0),
                plusDays(col(CA), floor(k.plus(u("offer_day", id, slot, y, k)).multiply(col(DAYS)).divide(greatest(col(N), lit(1))))))
            .otherwise(plusDays(col(CA), floor(u("offer_day", id, slot, y, k).multiply(col(DAYS)))));
    c = c.withColumn(Cols.START_DATE, start);
    Column day = col(Cols.START_DATE);
    Column ucov = u("offer_covid", id, slot, y, k);
    Column dropped =
        kind.equalTo(0)
            .and(inRange(day, LOCKDOWN_START, LOCKDOWN_END).and(ucov.lt(0.6))
                .or(inRange(day, OFFER_RESTRICTION_START, OFFER_RESTRICTION_END).and(ucov.lt(0.55))));
    c = c.filter(not(dropped));
    Column ut = u("offer_type", id, slot, y, k);
    Column counted =
        when(BenefitTracks.is(contact, Contact.INSURED),
                Rng.pick(ut, new String[] {VEJLEDNING_OPKVALIFICERING, VIRKSOMHEDSPRAKTIK, LOENTILSKUD_PRIVAT, LOENTILSKUD_OFFENTLIG, NYTTEINDSATS},
                    new double[] {0.40, 0.25, 0.20, 0.10, 0.05}))
            .when(BenefitTracks.is(contact, Contact.SICK),
                Rng.pick(ut, new String[] {VIRKSOMHEDSPRAKTIK, VEJLEDNING_OPKVALIFICERING}, new double[] {0.6, 0.4}))
            .otherwise(
                Rng.pick(ut, new String[] {VIRKSOMHEDSPRAKTIK, NYTTEINDSATS, VEJLEDNING_OPKVALIFICERING, LOENTILSKUD_PRIVAT, LOENTILSKUD_OFFENTLIG},
                    new double[] {0.38, 0.20, 0.27, 0.08, 0.07}));
    Column type =
        when(kind.equalTo(1), lit(MENTOR)).when(kind.equalTo(2), lit(BEFORDRING)).otherwise(counted);
    c = c.withColumn(Cols.OFFER_TYPE, type);
    Column t = col(Cols.OFFER_TYPE);
    Column ud = u("offer_len", id, slot, y, k);
    Column length =
        when(t.equalTo(VIRKSOMHEDSPRAKTIK), Rng.intIn(ud, 28, 91))
            .when(t.isin(LOENTILSKUD_PRIVAT, LOENTILSKUD_OFFENTLIG), Rng.intIn(ud, 90, 365))
            .when(t.equalTo(VEJLEDNING_OPKVALIFICERING), Rng.intIn(ud, 7, 84))
            .when(t.equalTo(NYTTEINDSATS), Rng.intIn(ud, 28, 91))
            .when(t.equalTo(MENTOR), Rng.intIn(ud, 60, 365))
            .otherwise(Rng.intIn(ud, 30, 180));
    Column uf = u("offer_fate", id, slot, y, k);
    Column fate =
        when(kind.equalTo(3), when(uf.lt(0.7), lit(FATE_CANCELLED)).otherwise(lit(FATE_STUCK)))
            .when(kind.equalTo(0).and(uf.lt(0.05)), lit(FATE_CANCELLED))
            .when(kind.notEqual(0).and(uf.lt(0.03)), lit(FATE_CANCELLED))
            .otherwise(lit(FATE_NORMAL));
    return c.select(
        col(ID), col(PHEX), col(CONTACT),
        concat(lit("TB"), col(PHEX), lit("-"), slot.cast(DataTypes.StringType), lit("-"), y.cast(DataTypes.StringType),
                lit("-"), k.cast(DataTypes.StringType))
            .as(Cols.OFFER_ID),
        personId().as(Cols.PERSON_ID),
        muniCodeAt(day).as(Cols.MUNICIPALITY_CODE),
        t,
        day,
        plusDays(day, length.minus(lit(1))).as(PLANNED_END),
        fate.as(FATE),
        date_add(day, lit(0).minus(Rng.intIn(u("cancel_day", id, slot, y, k), 1, 20))).as(CANCEL));
  }

  private static Column functions_concat(Column... arrays) {
    return concat(arrays);
  }

  /**
   * plandata_offers, every delivery: an offer appears a month before it starts (PLANLAGT), runs
   * (IGANGVAERENDE, no end date yet) and ends (AFSLUTTET, end date); a cancelled one turns
   * ANNULLERET. Each change is a new version of the same offer_id.
   */
  public Dataset<Row> plandataOffers() {
    Dataset<Row> t = offersTruth();
    Column start = col(Cols.START_DATE);
    Column end = col(PLANNED_END);
    Column fate = col(FATE);
    Dataset<Row> v =
        horizon.versions(
            t.withColumn(Cols.STATUS, lit(PLANLAGT)).withColumn(Cols.END_DATE, end),
            plusDays(start, -30),
            (k, cutoff, first) -> {
              Column status =
                  when(fate.equalTo(FATE_CANCELLED), when(cutoff.lt(col(CANCEL)), lit(PLANLAGT)).otherwise(lit(ANNULLERET)))
                      .when(fate.equalTo(FATE_STUCK), lit(PLANLAGT))
                      .when(cutoff.lt(start), lit(PLANLAGT))
                      .when(cutoff.lt(end), lit(IGANGVAERENDE))
                      .otherwise(lit(AFSLUTTET));
              Column endAsOf =
                  when(fate.equalTo(FATE_NORMAL).and(cutoff.geq(start)).and(cutoff.lt(end)), lit(null).cast(DataTypes.DateType))
                      .otherwise(end);
              return List.of(status, endAsOf);
            },
            List.of(Cols.STATUS, Cols.END_DATE),
            col(Cols.OFFER_ID),
            rng,
            DELIVERY,
            Cols.REPORTED_AT);
    return contract(v, Sources.PLANDATA_SPEC);
  }

  // ---------------------------------------------------------------------------------------------
  // eindkomst (SPEC §4.6)

  /**
   * Employments: ordinary work before, between and after benefit episodes, part-time work while on
   * supplementary a-dagpenge or partly sick, small jobs of some kontanthjælp recipients, the pay of
   * wage-subsidy offers (LOENTILSKUD) and of flexjobs (FLEKSJOB). Columns: person, a key naming the
   * employment, type, first and last day, hours per month.
   */
  private Dataset<Row> employments() {
    Dataset<Row> e = episodes();
    Column id = id();
    Column slot = col(SLOT);
    Column sl = slot.cast(DataTypes.StringType);
    List<Column> jobs = new ArrayList<>();
    // Between two episodes: back at work for most of a long enough break.
    jobs.add(
        job(col(NEXT_S).isNotNull().and(datediff(col(NEXT_S), col(E)).gt(60)).and(u("work_gap", id, slot).lt(0.7)),
            concat(lit("G"), sl), ORDINAER,
            plusDays(col(E), Rng.intIn(u("work_gap_a", id, slot), 7, 30)),
            date_add(col(NEXT_S), lit(0).minus(Rng.intIn(u("work_gap_b", id, slot), 1, 14))),
            Rng.uniform(u("work_gap_h", id, slot), 120, 162)));
    // After the last episode: a job for a while.
    Column afterStart = plusDays(col(E), Rng.intIn(u("work_after_a", id, slot), 14, 90));
    jobs.add(
        job(col(LAST).and(u("work_after", id, slot).lt(0.6)),
            concat(lit("A"), sl), ORDINAER,
            afterStart,
            plusDays(afterStart, Rng.intIn(u("work_after_b", id, slot), 90, 540)),
            Rng.uniform(u("work_after_h", id, slot), 110, 162)));
    // Before the first episode.
    Column beforeEnd = date_add(col(S), lit(0).minus(Rng.intIn(u("work_before_b", id, slot), 1, 30)));
    jobs.add(
        job(slot.equalTo(0).and(u("work_before", id, slot).lt(0.5)),
            lit("B"), ORDINAER,
            date_add(beforeEnd, lit(0).minus(Rng.intIn(u("work_before_a", id, slot), 90, 365))),
            beforeEnd,
            Rng.uniform(u("work_before_h", id, slot), 110, 162)));
    // During an episode: the part-time insured work the rest of the week; partly sick people work
    // part of it; some kontanthjælp and a-dagpenge recipients have a small job for a few months.
    Column insuredPart = col(CODE).isin(A_DAGPENGE, KONTANTYDELSE, ARBEJDSMARKEDSYDELSE).and(col(FRAC).lt(1.0));
    Column sickPart = col(CODE).equalTo(SYGEDAGPENGE).and(col(SICK_PARTIAL));
    jobs.add(
        job(insuredPart.or(sickPart),
            concat(lit("D"), sl), ORDINAER,
            col(S), col(E),
            when(insuredPart,
                    lit(1.0).minus(col(FRAC)).multiply(lit(HOURS_PER_MONTH)).multiply(Rng.uniform(u("work_during_h", id, slot), 0.8, 1.0)))
                .otherwise(Rng.uniform(u("work_during_h", id, slot), 40, 100))));
    Column smallJob =
        col(CONTACT).isin(Contact.SOCIAL.ordinal(), Contact.INTEGRATION.ordinal(), Contact.CLARIFICATION.ordinal())
            .and(u("small_job", id, slot).lt(0.10))
            .or(col(CODE).equalTo(A_DAGPENGE).and(col(FRAC).geq(1.0)).and(u("small_job", id, slot).lt(0.08)));
    Column smallStart = plusDays(col(S), floor(u("small_job_a", id, slot).multiply(col(DUR))));
    jobs.add(
        job(smallJob,
            concat(lit("J"), sl), ORDINAER,
            smallStart,
            plusDays(smallStart, Rng.intIn(u("small_job_b", id, slot), 60, 365)),
            Rng.uniform(u("small_job_h", id, slot), 10, 60)));
    // Flexjob: reduced hours with a wage subsidy from the municipality.
    jobs.add(
        job(col(CODE).equalTo(FLEKSJOB),
            concat(lit("F"), sl), FLEKSJOB,
            col(S), col(E),
            Rng.uniform(u("flex_h", id, slot), 40, 100)));
    Dataset<Row> fromEpisodes =
        e.select(col(ID), col(PHEX), explode(array_compact(array(jobs.toArray(new Column[0])))).as("_job"))
            .select(col(ID), col(PHEX), col("_job.*"));
    // Wage-subsidy offers that actually ran: paid as LOENTILSKUD.
    Dataset<Row> subsidies =
        offersTruth()
            .filter(col(Cols.OFFER_TYPE).isin(LOENTILSKUD_PRIVAT, LOENTILSKUD_OFFENTLIG).and(col(FATE).equalTo(FATE_NORMAL)))
            .select(col(ID), col(PHEX), concat(lit("L"), col(Cols.OFFER_ID)).as(EMP_KEY), lit(LOENTILSKUD).as(Cols.EMPLOYMENT_TYPE),
                col(Cols.START_DATE).as(A), col(PLANNED_END).as(B),
                Rng.uniform(u("subsidy_h", col(Cols.OFFER_ID)), 120, 160).as(HOURS));
    // Only what falls inside the event window is reported.
    return fromEpisodes.unionByName(subsidies)
        .withColumn(A, greatest(col(A), lit(horizon.eventStart())))
        .withColumn(B, least(col(B), lit(horizon.end())))
        .filter(col(A).leq(col(B)));
  }

  /** An employment of an episode, or null when {@code when} is false. */
  private static Column job(Column when, Column key, String type, Column from, Column to, Column hoursPerMonth) {
    return when(
        when,
        struct(
            key.as(EMP_KEY), lit(type).as(Cols.EMPLOYMENT_TYPE), from.as(A), to.as(B),
            hoursPerMonth.cast(DataTypes.DoubleType).as(HOURS)));
  }

  /** The pay periods of every employment: calendar months or 14 days (some straddle months). */
  Dataset<Row> eindkomstTruth() {
    Dataset<Row> emp = employments();
    Column id = id();
    Column key = col(EMP_KEY);
    emp = emp.withColumn(PAY, u("pay_rhythm", id, key).lt(0.7))
        .withColumn(
            Cols.EMPLOYER_ID,
            lpad(pmod(rng.hash("employer", id, key), lit(89_999_999L)).plus(lit(10_000_000L)).cast(DataTypes.StringType), 8, "0"));
    Column monthly = col(PAY);
    LocalDate anchor = LocalDate.of(2000, 1, 3); // a Monday: 14-day pay periods run Monday–Sunday
    Column i0 = floor(datediff(col(A), lit(anchor)).divide(lit(14))).cast(DataTypes.IntegerType);
    Column i1 = floor(datediff(col(B), lit(anchor)).divide(lit(14))).cast(DataTypes.IntegerType);
    Column nMonths = year(col(B)).minus(year(col(A))).multiply(12).plus(month(col(B))).minus(month(col(A)));
    Dataset<Row> periods =
        emp.withColumn("_i0", i0)
            .withColumn(K, explode(sequence(lit(0), when(monthly, nMonths).otherwise(i1.minus(col("_i0"))))));
    Column k = col(K);
    Column m = add_months(trunc(col(A), "MM"), k);
    Column fs = plusDays(lit(anchor), col("_i0").plus(k).multiply(lit(14)));
    periods =
        periods
            .withColumn("_m", m)
            .withColumn("_fs", fs)
            .withColumn(Cols.PERIOD_START, when(monthly, greatest(col("_m"), col(A))).otherwise(greatest(col("_fs"), col(A))))
            .withColumn(
                Cols.PERIOD_END,
                when(monthly, least(last_day(col("_m")), col(B))).otherwise(least(plusDays(col("_fs"), 13), col(B))));
    Column monthDays =
        when(monthly, dayofmonth(last_day(col("_m"))).cast(DataTypes.DoubleType)).otherwise(lit(30.44));
    Column noise =
        when(col(Cols.EMPLOYMENT_TYPE).equalTo(ORDINAER), Rng.uniform(u("pay_noise", id, key, k), 0.85, 1.15))
            .otherwise(Rng.uniform(u("pay_noise", id, key, k), 0.95, 1.05));
    Column hours =
        floor2(col(HOURS).multiply(days(col(Cols.PERIOD_START), col(Cols.PERIOD_END))).divide(monthDays).multiply(noise));
    return periods.select(
        col(ID),
        personId().as(Cols.PERSON_ID),
        col(Cols.EMPLOYER_ID),
        col(Cols.PERIOD_START),
        col(Cols.PERIOD_END),
        hours.as(Cols.PAID_HOURS),
        col(Cols.EMPLOYMENT_TYPE));
  }

  /** eindkomst, every delivery: pay is reported after the period; 1 % of the hours corrected later. */
  public Dataset<Row> eindkomst() {
    Dataset<Row> t = eindkomstTruth();
    Column key =
        concat(col(Cols.PERSON_ID), col(Cols.EMPLOYER_ID), col(Cols.PERIOD_START).cast(DataTypes.StringType),
            col(Cols.PERIOD_END).cast(DataTypes.StringType));
    Column wrong = u("wrong_pay", key).lt(0.01);
    int n = horizon.deliveries();
    Dataset<Row> v =
        horizon.versions(
            t,
            col(Cols.PERIOD_END),
            (k, cutoff, first) ->
                List.of(
                    when(wrong.and(first.equalTo(lit(k))).and(lit(k < n)),
                            floor2(col(Cols.PAID_HOURS).multiply(Rng.uniform(u("wrong_pay_level", key), 0.3, 0.9))))
                        .otherwise(col(Cols.PAID_HOURS))),
            List.of(Cols.PAID_HOURS),
            key,
            rng,
            DELIVERY,
            Cols.REPORTED_AT);
    return contract(v, Sources.EINDKOMST_SPEC);
  }

  // ---------------------------------------------------------------------------------------------
  // benchmark_expected (SPEC §4.7, §8.4) and population (SPEC §4.8)

  /** A benchmark period: a calendar year or a July–June pair. */
  record BenchmarkPeriod(LocalDate start, LocalDate end, int months) {}

  /** The benchmark periods fully inside {@code from … to}. */
  List<BenchmarkPeriod> benchmarkPeriods() {
    List<BenchmarkPeriod> out = new ArrayList<>();
    LocalDate first = horizon.from().atDay(1);
    LocalDate last = horizon.end();
    for (int y = horizon.from().getYear(); y <= horizon.to().getYear(); y++) {
      LocalDate s = LocalDate.of(y, 1, 1);
      LocalDate e = LocalDate.of(y, 12, 31);
      if (!s.isBefore(first) && !e.isAfter(last)) out.add(new BenchmarkPeriod(s, e, 12));
      LocalDate hs = LocalDate.of(y, 7, 1);
      LocalDate he = LocalDate.of(y + 1, 6, 30);
      if (!hs.isBefore(first) && !he.isAfter(last)) out.add(new BenchmarkPeriod(hs, he, 12));
    }
    return out;
  }

  /**
   * Actual full-time persons per municipality, benefit group and benchmark period, computed from
   * the generated periods as SPEC §8.4 defines them: days in force inside the period / days of the
   * period for municipal benefits and sickness cases (open periods run to the data set's end,
   * overgangsydelse inside the integration programme left out), FLEUR hours inside the period
   * (prorated by days) / (160.33 × months). Summed as whole micro-FTEs so that the result does not
   * depend on the order Spark adds in.
   */
  Dataset<Row> actualFte() {
    List<BenchmarkPeriod> periods = benchmarkPeriods();
    List<Row> rows = new ArrayList<>();
    for (BenchmarkPeriod p : periods) {
      rows.add(RowFactory.create(java.sql.Date.valueOf(p.start()), java.sql.Date.valueOf(p.end()), p.months()));
    }
    StructType ps =
        new StructType(
            new StructField[] {
              DataTypes.createStructField(Cols.PERIOD_START, DataTypes.DateType, false),
              DataTypes.createStructField(Cols.PERIOD_END, DataTypes.DateType, false),
              DataTypes.createStructField("_months", DataTypes.IntegerType, false)
            });
    Dataset<Row> bench = broadcast(spark.createDataFrame(rows, ps));
    Column end = lit(horizon.end());
    Dataset<Row> municipal =
        municipalTruth()
            .filter(
                col(Cols.BENEFIT_CODE).notEqual(OVERGANGSYDELSE)
                    .or(not(coalesce(col(Cols.IN_INTEGRATION_PROGRAMME), lit(false)))))
            .select(
                col(Cols.MUNICIPALITY_CODE), BenefitTracks.group(col(Cols.BENEFIT_CODE)).as(Cols.BENEFIT_GROUP),
                col(Cols.START_DATE).as(A), coalesce(col(Cols.END_DATE), end).as(B),
                lit(null).cast(DataTypes.DoubleType).as(HOURS));
    Dataset<Row> sick =
        kmdTruth()
            .select(
                col(Cols.MUNICIPALITY_CODE), lit(BenefitGroup.SYGEDAGPENGE_MV.name()).as(Cols.BENEFIT_GROUP),
                col(Cols.START_DATE).as(A), coalesce(col(Cols.END_DATE), end).as(B),
                lit(null).cast(DataTypes.DoubleType).as(HOURS));
    Dataset<Row> insured =
        fleurTruth()
            .filter(col(Cols.BENEFIT_CODE).isin(A_DAGPENGE, KONTANTYDELSE, ARBEJDSMARKEDSYDELSE))
            .select(
                col(Cols.MUNICIPALITY_CODE), lit(BenefitGroup.A_DAGPENGE_MV.name()).as(Cols.BENEFIT_GROUP),
                col(Cols.PERIOD_START).as(A), col(Cols.PERIOD_END).as(B),
                col(Cols.UNEMPLOYMENT_HOURS).as(HOURS));
    Dataset<Row> all =
        municipal.filter(col(Cols.BENEFIT_GROUP).isNotNull()).unionByName(sick).unionByName(insured);
    Column bs = col("_b." + Cols.PERIOD_START);
    Column be = col("_b." + Cols.PERIOD_END);
    Column overlap = days(greatest(col(A), bs), least(col(B), be));
    Column fte =
        when(col(HOURS).isNull(), overlap.divide(days(bs, be)))
            .otherwise(
                col(HOURS).multiply(overlap).divide(days(col(A), col(B)))
                    .divide(lit(HOURS_PER_MONTH).multiply(col("_b._months"))));
    return all.alias("_p")
        .crossJoin(bench.alias("_b"))
        .filter(col(A).leq(be).and(col(B).geq(bs)))
        .select(
            col(Cols.MUNICIPALITY_CODE), col(Cols.BENEFIT_GROUP), bs.as(Cols.PERIOD_START), be.as(Cols.PERIOD_END),
            round(fte.multiply(lit(1_000_000.0))).cast(DataTypes.LongType).as(FTE_MICRO))
        .groupBy(Cols.MUNICIPALITY_CODE, Cols.BENEFIT_GROUP, Cols.PERIOD_START, Cols.PERIOD_END)
        .agg(sum(col(FTE_MICRO)).as(FTE_MICRO));
  }

  /**
   * benchmark_expected: for every municipality, benefit group and benchmark period, the actual
   * full-time persons times a factor around 1 (a per-municipality latent shared by its groups and
   * years, plus smaller per-period and per-group noise), so that a little under half of the
   * municipalities have more on support than expected. Published after the period ends; a later
   * delivery revises half of the figures by up to 2 %.
   */
  public Dataset<Row> benchmarkExpected() {
    List<BenchmarkPeriod> periods = benchmarkPeriods();
    List<Row> grid = new ArrayList<>();
    String[] groups = {BenefitGroup.A_DAGPENGE_MV.name(), BenefitGroup.SYGEDAGPENGE_MV.name(), BenefitGroup.KONTANTHJAELP_MV.name()};
    for (int i = 0; i < munis.size(); i++) {
      int code = munis.code(i);
      for (int p = 0; p < periods.size(); p++) {
        Random r = new Random(opts.seed() * 7_919L + code * 131L + p);
        double periodNoise = r.nextGaussian();
        for (int g = 0; g < groups.length; g++) {
          Random rg = new Random(opts.seed() * 104_729L + code * 17L + g);
          double factor = 1 + 0.045 * (munis.resultLatent(i) + 0.35 * periodNoise + 0.15) + 0.02 * rg.nextGaussian();
          grid.add(
              RowFactory.create(
                  code,
                  java.sql.Date.valueOf(periods.get(p).start()),
                  java.sql.Date.valueOf(periods.get(p).end()),
                  groups[g],
                  Math.max(0.5, factor)));
        }
      }
    }
    StructType gs =
        new StructType(
            new StructField[] {
              DataTypes.createStructField(Cols.MUNICIPALITY_CODE, DataTypes.IntegerType, false),
              DataTypes.createStructField(Cols.PERIOD_START, DataTypes.DateType, false),
              DataTypes.createStructField(Cols.PERIOD_END, DataTypes.DateType, false),
              DataTypes.createStructField(Cols.BENEFIT_GROUP, DataTypes.StringType, false),
              DataTypes.createStructField("_factor", DataTypes.DoubleType, false)
            });
    Dataset<Row> g = spark.createDataFrame(grid, gs).coalesce(1);
    List<String> keys = List.of(Cols.MUNICIPALITY_CODE, Cols.PERIOD_START, Cols.PERIOD_END, Cols.BENEFIT_GROUP);
    Dataset<Row> joined =
        g.join(actualFte(), keys.toArray(new String[0]), "left")
            .withColumn(
                Cols.EXPECTED_FTE,
                round(coalesce(col(FTE_MICRO), lit(0L)).cast(DataTypes.DoubleType).divide(lit(1_000_000.0)).multiply(col("_factor")), 1))
            .select(Cols.MUNICIPALITY_CODE, Cols.PERIOD_START, Cols.PERIOD_END, Cols.BENEFIT_GROUP, Cols.EXPECTED_FTE)
            .coalesce(1);
    Column key =
        concat(col(Cols.MUNICIPALITY_CODE).cast(DataTypes.StringType), col(Cols.PERIOD_START).cast(DataTypes.StringType),
            col(Cols.BENEFIT_GROUP));
    Column revised = u("benchmark_revised", key).lt(0.5);
    int n = horizon.deliveries();
    Dataset<Row> v =
        horizon.versions(
            joined,
            col(Cols.PERIOD_END),
            (k, cutoff, first) ->
                List.of(
                    when(revised.and(lit(k < n)),
                            round(col(Cols.EXPECTED_FTE).multiply(Rng.uniform(u("benchmark_prelim", key), 0.98, 1.02)), 1))
                        .otherwise(col(Cols.EXPECTED_FTE))),
            List.of(Cols.EXPECTED_FTE),
            key,
            rng,
            DELIVERY,
            Cols.REPORTED_AT);
    return contract(v, Sources.BENCHMARK_SPEC);
  }

  /**
   * population: residents aged 16–66 per municipality and year, the embedded 2020 figure grown by
   * the municipality's trend and scaled to the number of persons (1,000,000 persons = Denmark), so
   * that the shares on support look like the real ones at any size. A preliminary figure is
   * delivered at the start of the year and most are revised slightly later.
   */
  public Dataset<Row> population() {
    double scale = (double) opts.persons() / NATIONAL_PERSONS;
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < munis.size(); i++) {
      for (int y = horizon.from().getYear(); y <= horizon.to().getYear(); y++) {
        double pop = munis.population2020(i) * Math.pow(1 + munis.growth(i), y - 2020) * scale;
        rows.add(RowFactory.create(munis.code(i), y, (int) Math.max(1, Math.round(pop))));
      }
    }
    StructType s =
        new StructType(
            new StructField[] {
              DataTypes.createStructField(Cols.MUNICIPALITY_CODE, DataTypes.IntegerType, false),
              DataTypes.createStructField(Cols.YEAR, DataTypes.IntegerType, false),
              DataTypes.createStructField(Cols.POPULATION_16_66, DataTypes.IntegerType, false)
            });
    Dataset<Row> t = spark.createDataFrame(rows, s).coalesce(1);
    Column key = concat(col(Cols.MUNICIPALITY_CODE).cast(DataTypes.StringType), col(Cols.YEAR).cast(DataTypes.StringType));
    Column revised = u("population_revised", key).lt(0.6);
    int n = horizon.deliveries();
    Dataset<Row> v =
        horizon.versions(
            t,
            make_date(col(Cols.YEAR), lit(1), lit(1)),
            (k, cutoff, first) ->
                List.of(
                    when(revised.and(lit(k < n)),
                            greatest(lit(1), round(col(Cols.POPULATION_16_66).multiply(Rng.uniform(u("population_prelim", key), 0.996, 1.004)), 0)
                                .cast(DataTypes.IntegerType)))
                        .otherwise(col(Cols.POPULATION_16_66))),
            List.of(Cols.POPULATION_16_66),
            key,
            rng,
            DELIVERY,
            Cols.REPORTED_AT);
    return contract(v, Sources.POPULATION_SPEC);
  }

  // ---------------------------------------------------------------------------------------------

  /** Exactly the contract columns of {@code spec}, in order and cast to its types, plus the delivery. */
  static Dataset<Row> contract(Dataset<Row> df, SourceSpec spec) {
    List<Column> out = new ArrayList<>();
    for (StructField f : spec.schema().fields()) out.add(col(f.name()).cast(f.dataType()).as(f.name()));
    out.add(col(DELIVERY));
    return df.select(out.toArray(new Column[0]));
  }
}
