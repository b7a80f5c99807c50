package dk.star.fokusmaal.generate;

import static dk.star.fokusmaal.generate.BenefitTracks.EFTERLOEN;
import static dk.star.fokusmaal.generate.Scratch.CAREER_DAYS;
import static dk.star.fokusmaal.generate.Scratch.CAREER_START;
import static dk.star.fokusmaal.generate.Scratch.CODE;
import static dk.star.fokusmaal.generate.Scratch.CONTACT;
import static dk.star.fokusmaal.generate.Scratch.DUR;
import static dk.star.fokusmaal.generate.Scratch.EPISODE;
import static dk.star.fokusmaal.generate.Scratch.EPISODE_END;
import static dk.star.fokusmaal.generate.Scratch.EPISODE_START;
import static dk.star.fokusmaal.generate.Scratch.FRAC;
import static dk.star.fokusmaal.generate.Scratch.ID;
import static dk.star.fokusmaal.generate.Scratch.LAST;
import static dk.star.fokusmaal.generate.Scratch.MOVE;
import static dk.star.fokusmaal.generate.Scratch.MUNI_FIRST;
import static dk.star.fokusmaal.generate.Scratch.MUNI_MOVED;
import static dk.star.fokusmaal.generate.Scratch.NEXT_OFF;
import static dk.star.fokusmaal.generate.Scratch.NEXT_START;
import static dk.star.fokusmaal.generate.Scratch.OFF;
import static dk.star.fokusmaal.generate.Scratch.PHEX;
import static dk.star.fokusmaal.generate.Scratch.PRESENT;
import static dk.star.fokusmaal.generate.Scratch.RHYTHM;
import static dk.star.fokusmaal.generate.Scratch.SICK_PARTIAL;
import static dk.star.fokusmaal.generate.Scratch.SLOT;
import static dk.star.fokusmaal.generate.Scratch.TRACK;
import static dk.star.fokusmaal.generate.SourceGenerator.plusDays;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.hex;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The shared persons stage of the synthetic registers: every person is one row of {@code
 * spark.range(persons)}, every attribute a hash-based die ({@link Rng}) of the seed and the
 * person's number, so nothing about a person reaches the driver and a rerun gives the same rows on
 * any cluster. A person follows a career track ({@link BenefitTracks}) of up to five benefit
 * episodes placed so that the person is on benefits somewhere inside the data set's time frame, and
 * lives in a municipality chosen in proportion to its number of recipients (some move once). Every
 * source generator starts from {@link #episodes()}.
 */
final class Persons {
  /** Earliest date any generated row carries: inside the contract's 2000–2100. */
  private static final LocalDate EARLIEST = LocalDate.of(2001, 1, 1);

  /** Chance that a person moves once, to a second municipality. */
  private static final double MOVERS = 0.08;

  /** FLEUR payment rhythm: calendar month, 14, 21 or 28 days (index into these weights). */
  private static final double[] RHYTHMS = {0.65, 0.10, 0.05, 0.20};

  private final SparkSession spark;
  private final long persons;
  private final int partitions;
  private final Rng rng;
  private final Horizon horizon;
  private final MunicipalityProfiles munis;
  private Dataset<Row> episodes;

  Persons(SparkSession spark, long persons, int partitions, Rng rng, Horizon horizon, MunicipalityProfiles munis) {
    this.spark = spark;
    this.persons = persons;
    this.partitions = partitions;
    this.rng = rng;
    this.horizon = horizon;
    this.munis = munis;
  }

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

  /** Persons: pseudonym, track, up to five episodes as offsets from the career start, residence. */
  Dataset<Row> persons() {
    Column id = col(ID);
    Dataset<Row> p =
        spark
            .range(0, persons, 1, partitions)
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
    LocalDate fiveYears = horizon.to().minusMonths(SyntheticRegisters.NATIONAL_MONTHS - 1).atDay(1);
    if (fiveYears.isBefore(first)) first = fiveYears;
    int span = (int) (first.until(horizon.end(), java.time.temporal.ChronoUnit.DAYS) + 1);
    Column start =
        plusDays(
            lit(first),
            floor(u("t0", id).multiply(total.plus(lit(span)))).minus(total));
    Column moves = u("moves", id).lt(lit(MOVERS));
    return p.withColumn(CAREER_DAYS, total)
        .withColumn(CAREER_START, greatest(start, lit(EARLIEST)))
        // The dice go into a column first: the tree compares them seven times, and an inlined
        // hash expression would be copied into every branch of it.
        .withColumn(MUNI_FIRST, u("muni1", id))
        .withColumn(MUNI_MOVED, u("muni2", id))
        .withColumn(MUNI_FIRST, munis.indexFor(col(MUNI_FIRST)))
        .withColumn(MUNI_MOVED, munis.indexFor(col(MUNI_MOVED)))
        .withColumn(
            MOVE,
            when(moves, plusDays(col(CAREER_START), floor(u("move_day", id).multiply(col(CAREER_DAYS))))))
        .withColumn(RHYTHM, Rng.pickIndex(u("rhythm", id), RHYTHMS))
        .drop(CAREER_DAYS);
  }

  /**
   * One row per benefit episode: the person's columns, the slot, the benefit code, true start and
   * end (the end may lie after the data set's end: the episode is then still running), the start
   * of the next episode, and the attributes shared by the sources that describe the episode.
   *
   * <p>Kept in memory (spilling to disk) once the first source has computed it: every source and
   * the benchmark's actual figures start from it, and its dice are the costly part. The cache keeps
   * the person range's partitions, so every source still writes the same files; {@link #release()}
   * frees it.
   */
  synchronized Dataset<Row> episodes() {
    if (episodes == null) episodes = computeEpisodes().persist(StorageLevel.MEMORY_AND_DISK());
    return episodes;
  }

  /** Frees the cached episodes (a no-op if no source was computed). */
  synchronized void release() {
    if (episodes != null) episodes.unpersist();
    episodes = null;
  }

  private Dataset<Row> computeEpisodes() {
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
    String ep = EPISODE + ".";
    Column t0 = col(CAREER_START);
    Dataset<Row> e =
        p.select(
                col(ID), col(PHEX), col(TRACK), t0, col(MUNI_FIRST), col(MUNI_MOVED), col(MOVE), col(RHYTHM),
                explode(array(slots.toArray(new Column[0]))).as(EPISODE))
            .filter(col(ep + PRESENT))
            .select(
                col(ID), col(PHEX), col(TRACK), t0, col(MUNI_FIRST), col(MUNI_MOVED), col(MOVE), col(RHYTHM),
                col(ep + SLOT).as(SLOT), col(ep + CODE).as(CODE), col(ep + DUR).as(DUR),
                plusDays(t0, col(ep + OFF)).as(EPISODE_START),
                plusDays(t0, col(ep + OFF).plus(col(ep + DUR)).minus(lit(1))).as(EPISODE_END),
                plusDays(t0, col(ep + NEXT_OFF)).as(NEXT_START),
                col(ep + LAST).as(LAST))
            .filter(col(EPISODE_START).leq(lit(horizon.end())));
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

  /** The municipality index where the person lives on {@code day}. */
  Column muniAt(Column day) {
    return when(col(MOVE).isNotNull().and(day.geq(col(MOVE))), col(MUNI_MOVED)).otherwise(col(MUNI_FIRST));
  }

  /** The municipality code where the person lives on {@code day}. */
  Column muniCodeAt(Column day) {
    return munis.codeOf(muniAt(day));
  }
}
