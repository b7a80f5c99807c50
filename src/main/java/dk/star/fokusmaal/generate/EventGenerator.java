package dk.star.fokusmaal.generate;

import static dk.star.fokusmaal.generate.Scratch.CHUNK_END;
import static dk.star.fokusmaal.generate.Scratch.CHUNK_START;
import static dk.star.fokusmaal.generate.Scratch.DAYS;
import static dk.star.fokusmaal.generate.Scratch.EPISODE_END;
import static dk.star.fokusmaal.generate.Scratch.EPISODE_START;
import static dk.star.fokusmaal.generate.Scratch.FROM_DAY;
import static dk.star.fokusmaal.generate.Scratch.TO_DAY;
import static dk.star.fokusmaal.generate.Scratch.YEAR;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import dk.star.fokusmaal.generate.BenefitTracks.Contact;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Base of the job centres' event sources (conversations, offers): events are placed per episode
 * and calendar year, at rates that depend on the benefit, the year, COVID-19 and the
 * municipality's performance ({@link Calibration}).
 */
abstract class EventGenerator extends SourceGenerator {
  final Calibration cal;
  final MunicipalityProfiles munis;

  EventGenerator(Persons persons, Horizon horizon, Rng rng, Calibration cal, MunicipalityProfiles munis) {
    super(persons, horizon, rng);
    this.cal = cal;
    this.munis = munis;
  }

  /**
   * Episode-years inside the event window: {@code [max(start, event start), min(end, last)]} cut by
   * calendar year, with the chunk's first and last day and number of days. Rates and the
   * "neglected this year" dice are per chunk, so a job centre can improve from one year to the next.
   */
  final Dataset<Row> chunks(Dataset<Row> episodes, LocalDate last) {
    Column a = greatest(col(EPISODE_START), lit(horizon.eventStart()));
    Column b = least(col(EPISODE_END), lit(last));
    return episodes
        .withColumn(FROM_DAY, a)
        .withColumn(TO_DAY, b)
        .filter(col(FROM_DAY).leq(col(TO_DAY)))
        .withColumn(YEAR, explode(sequence(year(col(FROM_DAY)), year(col(TO_DAY)))))
        .withColumn(CHUNK_START, greatest(col(FROM_DAY), make_date(col(YEAR), lit(1), lit(1))))
        .withColumn(CHUNK_END, least(col(TO_DAY), make_date(col(YEAR), lit(12), lit(31))))
        .withColumn(DAYS, days(col(CHUNK_START), col(CHUNK_END)));
  }

  /** A figure by contact class, {@code f} in the order of {@link Contact} (insured … flex). */
  static Column byContact(Column contact, double[] f) {
    return when(BenefitTracks.is(contact, Contact.INSURED), lit(f[0]))
        .when(BenefitTracks.is(contact, Contact.SICK), lit(f[1]))
        .when(BenefitTracks.is(contact, Contact.CLARIFICATION), lit(f[2]))
        .when(BenefitTracks.is(contact, Contact.SOCIAL), lit(f[3]))
        .when(BenefitTracks.is(contact, Contact.INTEGRATION), lit(f[4]))
        .otherwise(lit(f[5]));
  }

  static Column inRange(Column day, LocalDate from, LocalDate to) {
    return day.geq(lit(from)).and(day.leq(lit(to)));
  }
}
