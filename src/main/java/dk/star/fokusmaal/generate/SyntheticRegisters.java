package dk.star.fokusmaal.generate;

import static org.apache.spark.sql.functions.col;

import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.contract.Sources;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Synthetic register deliveries with the shape of the real ones (SPEC §10): one generator per
 * landing source of SPEC §4, each returning the rows of every delivery with exactly the source's
 * contract columns and types, plus the column {@link #DELIVERY} naming the delivery folder.
 *
 * <p>How the data comes about. The shared {@link Persons} stage makes every person and their
 * benefit episodes from hash-based dice ({@link Rng}) of the seed and the person's number, so
 * nothing about a person reaches the driver and a rerun gives the same rows on any cluster. While
 * on a benefit, a person meets the job centre (conversations) and is activated (offers) at rates
 * that depend on the benefit, the year, the COVID-19 restrictions and a per-municipality "job-centre
 * performance" ({@link Calibration}). Episodes become municipal benefit periods, sickness cases or
 * FLEUR payment periods; work between and during episodes becomes eIndkomst pay periods. The
 * benchmark's expected full-time persons are the actual ones computed from these periods times a
 * per-municipality factor around 1, and the population 16–66 is the embedded figure per
 * municipality, scaled to the number of persons. {@link Horizon} spreads each source's rows over
 * the deliveries.
 *
 * <p>Each source is computed when asked for (a few narrow stages, no shuffle except the small
 * benchmark aggregate), so the writer can stream it straight to Parquet; only the shared episodes
 * are kept in memory between sources, until {@link #release()}.
 */
public final class SyntheticRegisters {
  /** The delivery folder of a row ({@code 001} …): written as {@code delivery=001/}. */
  public static final String DELIVERY = "delivery";

  /** The number of persons that corresponds to the whole of Denmark (SPEC §10). */
  public static final long NATIONAL_PERSONS = 1_000_000L;

  /** The span, in months, over which {@link #NATIONAL_PERSONS} persons are Denmark (SPEC §10). */
  public static final int NATIONAL_MONTHS = 60;

  /** Persons per Spark task of the person-based sources: a file per task and delivery. */
  private static final long PERSONS_PER_TASK = 125_000;

  private final SparkSession spark;
  private final GenerateOptions opts;
  private final Horizon horizon;
  private final int partitions;
  private final Persons persons;
  private final FleurGenerator fleur;
  private final SicknessCasesGenerator sickness;
  private final MunicipalBenefitsGenerator municipal;
  private final ConversationsGenerator conversations;
  private final OffersGenerator offers;
  private final EindkomstGenerator eindkomst;
  private final BenchmarkGenerator benchmark;
  private final PopulationGenerator population;

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
    Rng rng = new Rng(opts.seed());
    this.horizon = new Horizon(opts.from(), opts.to(), opts.deliveries());
    MunicipalityProfiles munis = new MunicipalityProfiles(opts.seed());
    // About 125,000 persons per task: a file per task and delivery, a few MB each at national scale.
    this.partitions =
        (int) Math.min(200, Math.max(2, (opts.persons() + PERSONS_PER_TASK - 1) / PERSONS_PER_TASK));
    this.persons = new Persons(spark, opts.persons(), partitions, rng, horizon, munis);
    Calibration cal = Calibration.DEFAULT;
    this.fleur = new FleurGenerator(persons, horizon, rng);
    this.sickness = new SicknessCasesGenerator(persons, horizon, rng);
    this.municipal = new MunicipalBenefitsGenerator(persons, horizon, rng);
    this.conversations = new ConversationsGenerator(persons, horizon, rng, cal, munis);
    this.offers = new OffersGenerator(persons, horizon, rng, cal, munis);
    this.eindkomst = new EindkomstGenerator(persons, horizon, rng, offers);
    this.benchmark =
        new BenchmarkGenerator(spark, opts.seed(), persons, horizon, rng, munis, municipal, sickness, fleur);
    this.population = new PopulationGenerator(spark, opts.persons(), persons, horizon, rng, munis);
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
    return generator(name).rows();
  }

  /** Frees what the sources share (the cached episodes); call when every source is written. */
  public void release() {
    persons.release();
  }

  private SourceGenerator generator(String name) {
    return switch (name) {
      case Sources.FLEUR -> fleur;
      case Sources.KMD_SYGEDAGPENGE -> sickness;
      case Sources.MUNICIPAL_BENEFITS -> municipal;
      case Sources.TASS_CONVERSATIONS -> conversations;
      case Sources.PLANDATA_OFFERS -> offers;
      case Sources.EINDKOMST -> eindkomst;
      case Sources.BENCHMARK_EXPECTED -> benchmark;
      case Sources.POPULATION -> population;
      default -> throw new IllegalArgumentException("unknown source: " + name);
    };
  }

  /** Exactly the contract columns of {@code spec}, in order and cast to its types, plus the delivery. */
  static Dataset<Row> contract(Dataset<Row> df, SourceSpec spec) {
    List<Column> out = new ArrayList<>();
    for (StructField f : spec.schema().fields()) out.add(col(f.name()).cast(f.dataType()).as(f.name()));
    out.add(col(DELIVERY));
    return df.select(out.toArray(new Column[0]));
  }
}
