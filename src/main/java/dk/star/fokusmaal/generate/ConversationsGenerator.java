package dk.star.fokusmaal.generate;

import static dk.star.fokusmaal.generate.BenefitTracks.FLEKSJOB;
import static dk.star.fokusmaal.generate.Scratch.CHUNK_START;
import static dk.star.fokusmaal.generate.Scratch.CODE;
import static dk.star.fokusmaal.generate.Scratch.CONTACT;
import static dk.star.fokusmaal.generate.Scratch.DAYS;
import static dk.star.fokusmaal.generate.Scratch.DUPLICATE;
import static dk.star.fokusmaal.generate.Scratch.EVENTS;
import static dk.star.fokusmaal.generate.Scratch.ID;
import static dk.star.fokusmaal.generate.Scratch.INDEX;
import static dk.star.fokusmaal.generate.Scratch.SLOT;
import static dk.star.fokusmaal.generate.Scratch.YEAR;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.generate.BenefitTracks.Contact;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** tass_conversations (SPEC §4.4): the job centres' meetings with citizens. */
final class ConversationsGenerator extends EventGenerator {
  // Conversation types and statuses (SPEC §4.4).
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

  ConversationsGenerator(Persons persons, Horizon horizon, Rng rng, Calibration cal, MunicipalityProfiles munis) {
    super(persons, horizon, rng, cal, munis);
  }

  /**
   * Conversations as the job centres registered them. A citizen in contact meets the job centre
   * 7–12 times a year (evenly spread, jittered); one left without regular contact 0.5–3 times.
   * 12 % of the meetings are cancelled or missed; 2 % are registered twice on the same date; during
   * the first lockdown most meetings fall away and the rest are by telephone or video.
   */
  Dataset<Row> truth() {
    Dataset<Row> e = persons.episodes().filter(not(BenefitTracks.is(col(CONTACT), Contact.NONE)));
    Dataset<Row> c = chunks(e, horizon.end());
    Column id = id();
    Column slot = col(SLOT);
    Column y = col(YEAR);
    Column contact = col(CONTACT);
    Column base = byContact(contact, cal.conversationNeglect());
    Column p =
        least(lit(0.9), base.multiply(cal.conversationYearFactor(y))
            .multiply(munis.conversationFactor(muniAt(col(CHUNK_START)), cal.conversationSpread())));
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
    c = c.withColumn(EVENTS, n).filter(col(EVENTS).gt(0)).withColumn(INDEX, explode(sequence(lit(0), col(EVENTS).minus(lit(1)))));
    Column k = col(INDEX);
    Column date =
        plusDays(col(CHUNK_START), floor(k.plus(u("conv_day", id, slot, y, k)).multiply(col(DAYS)).divide(col(EVENTS))));
    c = c.withColumn(Cols.CONVERSATION_DATE, date);
    Column day = col(Cols.CONVERSATION_DATE);
    Column uc = u("conv_covid", id, slot, y, k);
    Column lockdown = inRange(day, cal.lockdownStart(), cal.lockdownEnd());
    c = c.filter(not(lockdown.and(uc.lt(0.55))));
    Column dup = when(u("conv_dup", id, slot, y, k).lt(0.02), lit(1)).otherwise(lit(0));
    c = c.withColumn(DUPLICATE, explode(sequence(lit(0), dup)));
    Column d = col(DUPLICATE);
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
            .when(inRange(day, cal.lockdownEnd().plusDays(1), cal.remoteChannelsUntil()),
                Rng.pick(uch, new String[] {"FREMMOEDE", "TELEFON", "VIDEO", "DIGITAL", "BREV", "ANDET"},
                    new double[] {0.35, 0.30, 0.22, 0.08, 0.02, 0.03}))
            .otherwise(
                Rng.pick(uch, new String[] {"FREMMOEDE", "TELEFON", "VIDEO", "DIGITAL", "BREV", "ANDET"},
                    new double[] {0.55, 0.20, 0.10, 0.08, 0.03, 0.04}));
    return c.select(
        col(ID),
        rowId("SA", slot, y, k, d).as(Cols.CONVERSATION_ID),
        personId().as(Cols.PERSON_ID),
        muniCodeAt(day).as(Cols.MUNICIPALITY_CODE),
        day,
        type.as(Cols.CONVERSATION_TYPE),
        channel.as(Cols.CHANNEL),
        status.as(Cols.STATUS));
  }

  /**
   * Every delivery: 3 % of held meetings were first registered as no-shows, 1 % of cancelled ones
   * as held, each corrected in the next delivery.
   */
  @Override
  Dataset<Row> rows() {
    Column key = col(Cols.CONVERSATION_ID);
    Column uw = u("wrong_status", key);
    int n = horizon.deliveries();
    Column status = col(Cols.STATUS);
    Dataset<Row> v =
        versions(
            truth(),
            col(Cols.CONVERSATION_DATE),
            (k, cutoff, first) -> {
              Column early = first.equalTo(lit(k)).and(lit(k < n));
              return List.of(
                  when(early.and(status.equalTo(AFHOLDT)).and(uw.lt(0.03)), lit(UDEBLEVET))
                      .when(early.and(status.equalTo(AFLYST)).and(uw.lt(0.01)), lit(AFHOLDT))
                      .otherwise(status));
            },
            List.of(Cols.STATUS),
            key);
    return SyntheticRegisters.contract(v, Sources.TASS_SPEC);
  }
}
