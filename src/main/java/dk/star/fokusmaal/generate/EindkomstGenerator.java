package dk.star.fokusmaal.generate;

import static dk.star.fokusmaal.generate.BenefitTracks.ARBEJDSMARKEDSYDELSE;
import static dk.star.fokusmaal.generate.BenefitTracks.A_DAGPENGE;
import static dk.star.fokusmaal.generate.BenefitTracks.FLEKSJOB;
import static dk.star.fokusmaal.generate.BenefitTracks.KONTANTYDELSE;
import static dk.star.fokusmaal.generate.BenefitTracks.SYGEDAGPENGE;
import static dk.star.fokusmaal.generate.Scratch.CODE;
import static dk.star.fokusmaal.generate.Scratch.CONTACT;
import static dk.star.fokusmaal.generate.Scratch.DUR;
import static dk.star.fokusmaal.generate.Scratch.EMP_KEY;
import static dk.star.fokusmaal.generate.Scratch.EPISODE_END;
import static dk.star.fokusmaal.generate.Scratch.EPISODE_START;
import static dk.star.fokusmaal.generate.Scratch.FATE;
import static dk.star.fokusmaal.generate.Scratch.FORTNIGHT_FIRST;
import static dk.star.fokusmaal.generate.Scratch.FORTNIGHT_START;
import static dk.star.fokusmaal.generate.Scratch.FRAC;
import static dk.star.fokusmaal.generate.Scratch.FROM_DAY;
import static dk.star.fokusmaal.generate.Scratch.HOURS;
import static dk.star.fokusmaal.generate.Scratch.ID;
import static dk.star.fokusmaal.generate.Scratch.INDEX;
import static dk.star.fokusmaal.generate.Scratch.JOB;
import static dk.star.fokusmaal.generate.Scratch.LAST;
import static dk.star.fokusmaal.generate.Scratch.NEXT_START;
import static dk.star.fokusmaal.generate.Scratch.PAY_MONTH;
import static dk.star.fokusmaal.generate.Scratch.PAY_MONTHLY;
import static dk.star.fokusmaal.generate.Scratch.PHEX;
import static dk.star.fokusmaal.generate.Scratch.PLANNED_END;
import static dk.star.fokusmaal.generate.Scratch.SICK_PARTIAL;
import static dk.star.fokusmaal.generate.Scratch.SLOT;
import static dk.star.fokusmaal.generate.Scratch.TO_DAY;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.generate.BenefitTracks.Contact;
import dk.star.fokusmaal.reference.Fleur;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** eindkomst (SPEC §4.6): the employers' pay periods with paid hours. */
final class EindkomstGenerator extends SourceGenerator {
  // Employment types (SPEC §4.6).
  static final String ORDINAER = "ORDINAER";
  static final String LOENTILSKUD = "LOENTILSKUD";

  /** A Monday: 14-day pay periods run Monday–Sunday from here. */
  private static final LocalDate FORTNIGHT_ANCHOR = LocalDate.of(2000, 1, 3);

  private final OffersGenerator offers;

  EindkomstGenerator(Persons persons, Horizon horizon, Rng rng, OffersGenerator offers) {
    super(persons, horizon, rng);
    this.offers = offers;
  }

  /**
   * Employments: ordinary work before, between and after benefit episodes, part-time work while on
   * supplementary a-dagpenge or partly sick, small jobs of some kontanthjælp recipients, the pay of
   * wage-subsidy offers (LOENTILSKUD) and of flexjobs (FLEKSJOB). Columns: person, a key naming the
   * employment, type, first and last day, hours per month.
   */
  private Dataset<Row> employments() {
    Dataset<Row> e = persons.episodes();
    Column id = id();
    Column slot = col(SLOT);
    Column sl = slot.cast(DataTypes.StringType);
    Column s = col(EPISODE_START);
    Column end = col(EPISODE_END);
    List<Column> jobs = new ArrayList<>();
    // Between two episodes: back at work for most of a long enough break.
    jobs.add(
        job(col(NEXT_START).isNotNull().and(datediff(col(NEXT_START), end).gt(60)).and(u("work_gap", id, slot).lt(0.7)),
            concat(lit("G"), sl), ORDINAER,
            plusDays(end, Rng.intIn(u("work_gap_a", id, slot), 7, 30)),
            date_add(col(NEXT_START), lit(0).minus(Rng.intIn(u("work_gap_b", id, slot), 1, 14))),
            Rng.uniform(u("work_gap_h", id, slot), 120, 162)));
    // After the last episode: a job for a while.
    Column afterStart = plusDays(end, Rng.intIn(u("work_after_a", id, slot), 14, 90));
    jobs.add(
        job(col(LAST).and(u("work_after", id, slot).lt(0.6)),
            concat(lit("A"), sl), ORDINAER,
            afterStart,
            plusDays(afterStart, Rng.intIn(u("work_after_b", id, slot), 90, 540)),
            Rng.uniform(u("work_after_h", id, slot), 110, 162)));
    // Before the first episode.
    Column beforeEnd = date_add(s, lit(0).minus(Rng.intIn(u("work_before_b", id, slot), 1, 30)));
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
            s, end,
            when(insuredPart,
                    lit(1.0).minus(col(FRAC)).multiply(lit(Fleur.FULL_TIME_MONTH_HOURS))
                        .multiply(Rng.uniform(u("work_during_h", id, slot), 0.8, 1.0)))
                .otherwise(Rng.uniform(u("work_during_h", id, slot), 40, 100))));
    Column smallJob =
        col(CONTACT).isin(Contact.SOCIAL.ordinal(), Contact.INTEGRATION.ordinal(), Contact.CLARIFICATION.ordinal())
            .and(u("small_job", id, slot).lt(0.10))
            .or(col(CODE).equalTo(A_DAGPENGE).and(col(FRAC).geq(1.0)).and(u("small_job", id, slot).lt(0.08)));
    Column smallStart = plusDays(s, floor(u("small_job_a", id, slot).multiply(col(DUR))));
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
            s, end,
            Rng.uniform(u("flex_h", id, slot), 40, 100)));
    Dataset<Row> fromEpisodes =
        e.select(col(ID), col(PHEX), explode(array_compact(array(jobs.toArray(new Column[0])))).as(JOB))
            .select(col(ID), col(PHEX), col(JOB + ".*"));
    // Wage-subsidy offers that actually ran: paid as LOENTILSKUD.
    Dataset<Row> subsidies =
        offers.truth()
            .filter(
                col(Cols.OFFER_TYPE).isin(OffersGenerator.LOENTILSKUD_PRIVAT, OffersGenerator.LOENTILSKUD_OFFENTLIG)
                    .and(col(FATE).equalTo(OffersGenerator.FATE_NORMAL)))
            .select(col(ID), col(PHEX), concat(lit("L"), col(Cols.OFFER_ID)).as(EMP_KEY), lit(LOENTILSKUD).as(Cols.EMPLOYMENT_TYPE),
                col(Cols.START_DATE).as(FROM_DAY), col(PLANNED_END).as(TO_DAY),
                Rng.uniform(u("subsidy_h", col(Cols.OFFER_ID)), 120, 160).as(HOURS));
    // Only what falls inside the event window is reported.
    return fromEpisodes.unionByName(subsidies)
        .withColumn(FROM_DAY, greatest(col(FROM_DAY), lit(horizon.eventStart())))
        .withColumn(TO_DAY, least(col(TO_DAY), lit(horizon.end())))
        .filter(col(FROM_DAY).leq(col(TO_DAY)));
  }

  /** An employment of an episode, or null when {@code when} is false. */
  private static Column job(Column when, Column key, String type, Column from, Column to, Column hoursPerMonth) {
    return when(
        when,
        struct(
            key.as(EMP_KEY), lit(type).as(Cols.EMPLOYMENT_TYPE), from.as(FROM_DAY), to.as(TO_DAY),
            hoursPerMonth.cast(DataTypes.DoubleType).as(HOURS)));
  }

  /** The pay periods of every employment: calendar months or 14 days (some straddle months). */
  Dataset<Row> truth() {
    Dataset<Row> emp = employments();
    Column id = id();
    Column key = col(EMP_KEY);
    Column a = col(FROM_DAY);
    Column b = col(TO_DAY);
    emp = emp.withColumn(PAY_MONTHLY, u("pay_rhythm", id, key).lt(0.7))
        .withColumn(
            Cols.EMPLOYER_ID,
            lpad(pmod(rng.hash("employer", id, key), lit(89_999_999L)).plus(lit(10_000_000L)).cast(DataTypes.StringType), 8, "0"));
    Column monthly = col(PAY_MONTHLY);
    LocalDate anchor = FORTNIGHT_ANCHOR;
    Column i0 = floor(datediff(a, lit(anchor)).divide(lit(14))).cast(DataTypes.IntegerType);
    Column i1 = floor(datediff(b, lit(anchor)).divide(lit(14))).cast(DataTypes.IntegerType);
    Column nMonths = year(b).minus(year(a)).multiply(12).plus(month(b)).minus(month(a));
    Column first = col(FORTNIGHT_FIRST);
    Dataset<Row> periods =
        emp.withColumn(FORTNIGHT_FIRST, i0)
            .withColumn(INDEX, explode(sequence(lit(0), when(monthly, nMonths).otherwise(i1.minus(first)))));
    Column k = col(INDEX);
    Column m = add_months(trunc(a, "MM"), k);
    Column fs = plusDays(lit(anchor), first.plus(k).multiply(lit(14)));
    Column payMonth = col(PAY_MONTH);
    Column fortnight = col(FORTNIGHT_START);
    periods =
        periods
            .withColumn(PAY_MONTH, m)
            .withColumn(FORTNIGHT_START, fs)
            .withColumn(Cols.PERIOD_START, when(monthly, greatest(payMonth, a)).otherwise(greatest(fortnight, a)))
            .withColumn(
                Cols.PERIOD_END,
                when(monthly, least(last_day(payMonth), b)).otherwise(least(plusDays(fortnight, 13), b)));
    Column monthDays =
        when(monthly, dayofmonth(last_day(payMonth)).cast(DataTypes.DoubleType)).otherwise(lit(30.44));
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

  /** Every delivery: pay is reported after the period; 1 % of the hours corrected later. */
  @Override
  Dataset<Row> rows() {
    Column key =
        concat(col(Cols.PERSON_ID), col(Cols.EMPLOYER_ID), col(Cols.PERIOD_START).cast(DataTypes.StringType),
            col(Cols.PERIOD_END).cast(DataTypes.StringType));
    Column wrong = u("wrong_pay", key).lt(0.01);
    int n = horizon.deliveries();
    Dataset<Row> v =
        versions(
            truth(),
            col(Cols.PERIOD_END),
            (k, cutoff, first) ->
                List.of(
                    when(wrong.and(first.equalTo(lit(k))).and(lit(k < n)),
                            floor2(col(Cols.PAID_HOURS).multiply(Rng.uniform(u("wrong_pay_level", key), 0.3, 0.9))))
                        .otherwise(col(Cols.PAID_HOURS))),
            List.of(Cols.PAID_HOURS),
            key);
    return SyntheticRegisters.contract(v, Sources.EINDKOMST_SPEC);
  }
}
