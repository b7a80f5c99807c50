package dk.star.fokusmaal.generate;

import static dk.star.fokusmaal.generate.BenefitTracks.LEDIGHEDSYDELSE;
import static dk.star.fokusmaal.generate.Scratch.CANCEL;
import static dk.star.fokusmaal.generate.Scratch.CHUNK_START;
import static dk.star.fokusmaal.generate.Scratch.CODE;
import static dk.star.fokusmaal.generate.Scratch.CONTACT;
import static dk.star.fokusmaal.generate.Scratch.DAYS;
import static dk.star.fokusmaal.generate.Scratch.EVENTS;
import static dk.star.fokusmaal.generate.Scratch.FATE;
import static dk.star.fokusmaal.generate.Scratch.ID;
import static dk.star.fokusmaal.generate.Scratch.INDEX;
import static dk.star.fokusmaal.generate.Scratch.KIND;
import static dk.star.fokusmaal.generate.Scratch.KINDS;
import static dk.star.fokusmaal.generate.Scratch.PHEX;
import static dk.star.fokusmaal.generate.Scratch.PLANNED_END;
import static dk.star.fokusmaal.generate.Scratch.SLOT;
import static dk.star.fokusmaal.generate.Scratch.YEAR;
import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.when;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.generate.BenefitTracks.Contact;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** plandata_offers (SPEC §4.5): the job centres' offers (tilbud) and their life cycle. */
final class OffersGenerator extends EventGenerator {
  // Offer types and statuses (SPEC §4.5).
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

  // An offer's fate: carried out, cancelled before it started, left PLANLAGT and never updated.
  static final int FATE_NORMAL = 0;
  static final int FATE_CANCELLED = 1;
  static final int FATE_STUCK = 2;

  /** How far ahead offers are planned: some start after the data set's end and are still PLANLAGT. */
  private static final int PLANNED_AHEAD_DAYS = 45;

  OffersGenerator(Persons persons, Horizon horizon, Rng rng, Calibration cal, MunicipalityProfiles munis) {
    super(persons, horizon, rng, cal, munis);
  }

  /**
   * Offers as Plandata finally knows them, with what a delivery needs to show their life cycle:
   * the planned start and end, and the offer's fate (carried out, cancelled before it started, or
   * left PLANLAGT and never updated). A citizen the job centre activates gets 1.2–3 offers a year;
   * one it leaves passive gets none that count, perhaps a cancelled or never-started one; mentor and
   * transport support come on top and do not count. COVID-19 removed most offers in the first
   * lockdown and about half between 20 December 2020 and 30 May 2021.
   */
  Dataset<Row> truth() {
    Dataset<Row> e =
        persons.episodes()
            .filter(
                col(CONTACT).isin(Contact.INSURED.ordinal(), Contact.SICK.ordinal(), Contact.CLARIFICATION.ordinal(),
                        Contact.SOCIAL.ordinal(), Contact.INTEGRATION.ordinal())
                    .or(col(CODE).equalTo(LEDIGHEDSYDELSE)));
    Dataset<Row> c = chunks(e, horizon.end().plusDays(PLANNED_AHEAD_DAYS));
    Column id = id();
    Column slot = col(SLOT);
    Column y = col(YEAR);
    Column contact = col(CONTACT);
    Column base = byContact(contact, cal.offerNeglect());
    Column p =
        least(lit(0.95), base.multiply(cal.offerYearFactor(y)).multiply(munis.offerFactor(muniAt(col(CHUNK_START)), cal.offerSpread())));
    Column neglected = u("offer_neglect", id, slot).lt(p);
    Column rate = Rng.uniform(u("offer_rate", id, slot, y), 1.2, 3.0);
    Column nCounted =
        when(neglected, lit(0))
            .otherwise(floor(col(DAYS).multiply(rate).divide(lit(365.25)).plus(u("offer_n", id, slot, y))).cast(DataTypes.IntegerType));
    Column pMentor = when(contact.isin(Contact.SOCIAL.ordinal(), Contact.INTEGRATION.ordinal(), Contact.CLARIFICATION.ordinal()), lit(0.20)).otherwise(lit(0.06));
    Column nMentor = when(u("mentor", id, slot, y).lt(pMentor), lit(1)).otherwise(lit(0));
    Column nTransport = when(u("transport", id, slot, y).lt(0.06), lit(1)).otherwise(lit(0));
    Column nNoise = when(neglected.and(u("noise_offer", id, slot, y).lt(0.3)), lit(1)).otherwise(lit(0));
    c = c.withColumn(EVENTS, nCounted)
        .withColumn(
            KINDS,
            concat(
                array_repeat(lit(0), col(EVENTS)),
                array_repeat(lit(1), nMentor),
                array_repeat(lit(2), nTransport),
                array_repeat(lit(3), nNoise)))
        .select(col("*"), posexplode(col(KINDS)).as(new String[] {INDEX, KIND}))
        .drop(KINDS);
    Column k = col(INDEX);
    Column kind = col(KIND);
    Column start =
        when(kind.equalTo(0),
                plusDays(col(CHUNK_START), floor(k.plus(u("offer_day", id, slot, y, k)).multiply(col(DAYS)).divide(greatest(col(EVENTS), lit(1))))))
            .otherwise(plusDays(col(CHUNK_START), floor(u("offer_day", id, slot, y, k).multiply(col(DAYS)))));
    c = c.withColumn(Cols.START_DATE, start);
    Column day = col(Cols.START_DATE);
    Column ucov = u("offer_covid", id, slot, y, k);
    Column dropped =
        kind.equalTo(0)
            .and(inRange(day, cal.lockdownStart(), cal.lockdownEnd()).and(ucov.lt(0.6))
                .or(inRange(day, cal.offerRestrictionStart(), cal.offerRestrictionEnd()).and(ucov.lt(0.55))));
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
        rowId("TB", slot, y, k).as(Cols.OFFER_ID),
        personId().as(Cols.PERSON_ID),
        muniCodeAt(day).as(Cols.MUNICIPALITY_CODE),
        t,
        day,
        plusDays(day, length.minus(lit(1))).as(PLANNED_END),
        fate.as(FATE),
        date_add(day, lit(0).minus(Rng.intIn(u("cancel_day", id, slot, y, k), 1, 20))).as(CANCEL));
  }

  /**
   * Every delivery: an offer appears a month before it starts (PLANLAGT), runs (IGANGVAERENDE, no
   * end date yet) and ends (AFSLUTTET, end date); a cancelled one turns ANNULLERET. Each change is
   * a new version of the same offer_id.
   */
  @Override
  Dataset<Row> rows() {
    Column start = col(Cols.START_DATE);
    Column end = col(PLANNED_END);
    Column fate = col(FATE);
    Dataset<Row> v =
        versions(
            truth().withColumn(Cols.STATUS, lit(PLANLAGT)).withColumn(Cols.END_DATE, end),
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
            col(Cols.OFFER_ID));
    return SyntheticRegisters.contract(v, Sources.PLANDATA_SPEC);
  }
}
