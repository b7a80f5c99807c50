package dk.star.fokusmaal.generate;

import static dk.star.fokusmaal.generate.BenefitTracks.A_DAGPENGE;
import static dk.star.fokusmaal.generate.BenefitTracks.FERIEDAGPENGE;
import static dk.star.fokusmaal.generate.Scratch.CODE;
import static dk.star.fokusmaal.generate.Scratch.DUR;
import static dk.star.fokusmaal.generate.Scratch.EPISODE_END;
import static dk.star.fokusmaal.generate.Scratch.EPISODE_START;
import static dk.star.fokusmaal.generate.Scratch.FRAC;
import static dk.star.fokusmaal.generate.Scratch.ID;
import static dk.star.fokusmaal.generate.Scratch.INDEX;
import static dk.star.fokusmaal.generate.Scratch.PERIOD_LENGTH;
import static dk.star.fokusmaal.generate.Scratch.PERIOD_MONTH;
import static dk.star.fokusmaal.generate.Scratch.RHYTHM;
import static dk.star.fokusmaal.generate.Scratch.SLOT;
import static dk.star.fokusmaal.generate.Scratch.TO_DAY;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.reference.Fleur;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** fleur (SPEC §4.1): the a-kasser's payment periods of unemployment insurance. */
final class FleurGenerator extends SourceGenerator {
  /** Hours of a full-time week: no payment period pays more than this per 7 days. */
  private static final double WEEK_HOURS = 37.0;

  FleurGenerator(Persons persons, Horizon horizon, Rng rng) {
    super(persons, horizon, rng);
  }

  /**
   * FLEUR payment periods: each a-kasse episode paid per calendar month (most a-kasser) or per
   * fixed 2, 3 or 4 weeks, hours = share of full time × the period's full-time hours (160.33 a
   * month, never more than 37 a week); plus a week of feriedagpenge for some and efterløn, both
   * outside the goals.
   */
  Dataset<Row> truth() {
    Dataset<Row> e =
        persons.episodes().filter(col(CODE).isin(BenefitTracks.FLEUR_CODES.toArray()));
    Column id = id();
    Column slot = col(SLOT);
    Column s = col(EPISODE_START);
    Column last = col(TO_DAY);
    Column len = col(PERIOD_LENGTH);
    Column monthly = col(RHYTHM).equalTo(0);
    Column lenOf = when(col(RHYTHM).equalTo(1), lit(14)).when(col(RHYTHM).equalTo(2), lit(21)).otherwise(lit(28));
    Column nMonths =
        year(last).minus(year(s)).multiply(12).plus(month(last)).minus(month(s));
    Column count =
        when(monthly, nMonths.plus(lit(1)))
            .otherwise(floor(datediff(last, s).divide(len)).cast(DataTypes.IntegerType).plus(lit(1)));
    // Feriedagpenge: a week of holiday pay in the middle of a longer a-dagpenge episode; it is
    // period number -1 of the episode, so one explode makes every row.
    Column ferie = col(CODE).equalTo(A_DAGPENGE).and(col(DUR).geq(120)).and(u("ferie", id, slot).lt(0.2));
    Dataset<Row> periods =
        e.withColumn(TO_DAY, least(col(EPISODE_END), lit(horizon.end())))
            .withColumn(PERIOD_LENGTH, lenOf)
            .withColumn(INDEX, explode(sequence(when(ferie, lit(-1)).otherwise(lit(0)), count.minus(lit(1)))));
    Column k = col(INDEX);
    Column m = add_months(trunc(s, "MM"), k);
    Column fs = plusDays(s, Rng.intIn(u("ferie_day", id, slot), lit(30), col(DUR).minus(lit(20))));
    Column fixedStart = plusDays(s, k.multiply(len));
    Column month = col(PERIOD_MONTH);
    periods =
        periods
            .withColumn(PERIOD_MONTH, m)
            .withColumn(
                Cols.PERIOD_START,
                when(k.equalTo(-1), fs).when(monthly, greatest(month, s)).otherwise(fixedStart))
            .withColumn(
                Cols.PERIOD_END,
                when(k.equalTo(-1), plusDays(fs, 4))
                    .when(monthly, least(last_day(month), last))
                    .otherwise(least(plusDays(fixedStart, len.minus(lit(1))), last)))
            .filter(k.geq(0).or(col(Cols.PERIOD_END).leq(last)));
    Column periodDays = days(col(Cols.PERIOD_START), col(Cols.PERIOD_END));
    Column max37 = lit(WEEK_HOURS).multiply(periodDays).divide(lit(7.0));
    // Full time: 160.33 hours a calendar month (prorated for a part month), 37 a week otherwise.
    Column fullTime =
        when(monthly, lit(Fleur.FULL_TIME_MONTH_HOURS).multiply(periodDays).divide(dayofmonth(last_day(month))))
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

  /** Every delivery: a payment is reported after its period; 2 % get their hours corrected. */
  @Override
  Dataset<Row> rows() {
    Column key = concat(col(Cols.PERSON_ID), col(Cols.BENEFIT_CODE), col(Cols.PERIOD_START).cast(DataTypes.StringType));
    Column wrong = u("wrong_hours", key).lt(0.02);
    int n = horizon.deliveries();
    Dataset<Row> v =
        versions(
            truth(),
            col(Cols.PERIOD_END),
            (k, cutoff, first) ->
                List.of(
                    when(wrong.and(first.equalTo(lit(k))).and(lit(k < n)),
                            floor2(col(Cols.UNEMPLOYMENT_HOURS).multiply(Rng.uniform(u("wrong_hours_level", key), 0.5, 0.95))))
                        .otherwise(col(Cols.UNEMPLOYMENT_HOURS))),
            List.of(Cols.UNEMPLOYMENT_HOURS),
            key);
    return SyntheticRegisters.contract(v, Sources.FLEUR_SPEC);
  }
}
