package dk.star.fokusmaal.generate;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;

/**
 * The figures the synthetic job centres are tuned with (SPEC §10): how often a citizen is left
 * without conversations or offers, how far municipalities spread around that, how the years and
 * the COVID-19 restrictions move it. Set so that the fokusmål of the generated data look like the
 * published ones; {@link #DEFAULT} is what {@code generate} uses.
 *
 * <p>The COVID-19 dates are the synthetic world's own (the same as the default
 * {@code covid.periods} of the rules): the data must not change when a researcher varies the rules.
 *
 * @param conversationNeglect chance that a citizen is left without regular conversations in a
 *     year, by contact class (insured, sick, clarification, social, integration, flex), before the
 *     municipality's factor
 * @param offerNeglect chance that a citizen gets no offer in a year, by contact class, before the
 *     municipality's factor
 * @param conversationSpread log-scale factor of the neglect chance per standard deviation of a
 *     municipality's contact latent
 * @param offerSpread the same for offers and the activation latent
 * @param conversationYear multiplier of the conversation neglect for ≤2019, 2020, 2021, 2022, later
 *     (better after 2021)
 * @param offerYear multiplier of the offer neglect for the same years (worst in 2021)
 * @param lockdownStart first day of the first lockdown: no conversations possible (SPEC §7)
 * @param lockdownEnd last day of the first lockdown
 * @param offerRestrictionStart first day with offers restricted (SPEC §7)
 * @param offerRestrictionEnd last day with offers restricted
 * @param remoteChannelsUntil last day on which telephone and video meetings stay common after the
 *     lockdown
 */
record Calibration(
    double[] conversationNeglect,
    double[] offerNeglect,
    double conversationSpread,
    double offerSpread,
    double[] conversationYear,
    double[] offerYear,
    LocalDate lockdownStart,
    LocalDate lockdownEnd,
    LocalDate offerRestrictionStart,
    LocalDate offerRestrictionEnd,
    LocalDate remoteChannelsUntil) {

  static final Calibration DEFAULT =
      new Calibration(
          new double[] {0.04, 0.04, 0.05, 0.06, 0.05, 0.06},
          new double[] {0.17, 0.285, 0.24, 0.23, 0.20, 0.24},
          0.45,
          0.30,
          new double[] {1.3, 1.4, 1.0, 0.7, 0.65},
          new double[] {1.0, 1.05, 1.06, 0.97, 0.92},
          LocalDate.of(2020, 3, 12),
          LocalDate.of(2020, 5, 26),
          LocalDate.of(2020, 12, 20),
          LocalDate.of(2021, 5, 30),
          LocalDate.of(2021, 6, 30));

  /** The conversation-neglect multiplier of a calendar year. */
  Column conversationYearFactor(Column year) {
    return byYear(year, conversationYear);
  }

  /** The offer-neglect multiplier of a calendar year. */
  Column offerYearFactor(Column year) {
    return byYear(year, offerYear);
  }

  private static Column byYear(Column year, double[] f) {
    return when(year.leq(2019), lit(f[0]))
        .when(year.equalTo(2020), lit(f[1]))
        .when(year.equalTo(2021), lit(f[2]))
        .when(year.equalTo(2022), lit(f[3]))
        .otherwise(lit(f[4]));
  }
}
