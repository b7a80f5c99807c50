package dk.star.fokusmaal.generate;

import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dk.star.fokusmaal.reference.Benefit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * The careers of benefit recipients: which benefits a person receives in which order, how long
 * each lasts and how long the breaks between them are.
 *
 * <p>A person follows one <em>track</em> of up to three episodes, e.g. "a-dagpenge, a job, a-dagpenge
 * again", "sygedagpenge for a year, then jobafklaringsforløb, then ressourceforløb", "selvforsørgelses-
 * ydelse, then kontanthjælp without a break" (which SPEC §5.2 treats as one spell). The weights and
 * durations are set so that each of the three benefit groups makes up roughly a third of the
 * benefit months (SPEC §10), that a-dagpenge and sickness spells are mostly short with a tail up to
 * the two-year limit, and that kontanthjælp spells are long – which is where the long-term
 * recipients of the fokusmål come from.
 */
final class BenefitTracks {
  private BenefitTracks() {}

  // Benefit codes (SPEC §4 and §6.1); upper-case ASCII as in the registers.
  static final String A_DAGPENGE = "A_DAGPENGE";
  static final String KONTANTYDELSE = "KONTANTYDELSE";
  static final String ARBEJDSMARKEDSYDELSE = "ARBEJDSMARKEDSYDELSE";
  static final String EFTERLOEN = "EFTERLOEN";
  static final String FERIEDAGPENGE = "FERIEDAGPENGE";
  static final String SYGEDAGPENGE = Benefit.SYGEDAGPENGE.code();
  static final String JOBAFKLARINGSFORLOEB = "JOBAFKLARINGSFORLOEB";
  static final String KONTANTHJAELP = "KONTANTHJAELP";
  static final String UDDANNELSESHJAELP = "UDDANNELSESHJAELP";
  static final String SELVFORSOERGELSESYDELSE = "SELVFORSOERGELSESYDELSE";
  static final String HJEMREJSEYDELSE = "HJEMREJSEYDELSE";
  static final String OVERGANGSYDELSE = Benefit.OVERGANGSYDELSE.code();
  static final String REVALIDERING = "REVALIDERING";
  static final String FORREVALIDERING = "FORREVALIDERING";
  static final String LEDIGHEDSYDELSE = "LEDIGHEDSYDELSE";
  static final String RESSOURCEFORLOEB = "RESSOURCEFORLOEB";
  static final String FLEKSJOB = "FLEKSJOB";
  static final String FOERTIDSPENSION = "FOERTIDSPENSION";
  static final String SENIORPENSION = "SENIORPENSION";

  /** Benefits paid through the a-kasser (FLEUR) that episodes can have. */
  static final List<String> FLEUR_CODES = List.of(A_DAGPENGE, KONTANTYDELSE, ARBEJDSMARKEDSYDELSE, EFTERLOEN);

  /** Gap before an episode, in days: none (the next day), short (no whole calendar month), long. */
  enum Gap {
    NONE(0, 0),
    NONE_OR_SHORT(0, 20),
    SHORT(1, 27),
    LONG(32, 180);

    final int min;
    final int max;

    Gap(int min, int max) {
      this.min = min;
      this.max = max;
    }
  }

  /**
   * One episode of a track.
   *
   * @param codes the benefits it can be, with {@code weights}
   * @param gap the break before it (ignored for the first)
   * @param pContinue the chance that the career goes on to this episode
   * @param minDays fixed duration range, overriding the benefit's own (0 = the benefit's)
   */
  record Slot(String[] codes, double[] weights, Gap gap, double pContinue, int minDays, int maxDays) {
    static Slot of(String code) {
      return new Slot(new String[] {code}, new double[] {1}, Gap.NONE, 1.0, 0, 0);
    }

    static Slot of(String[] codes, double[] weights, Gap gap, double pContinue) {
      return new Slot(codes, weights, gap, pContinue, 0, 0);
    }

    Slot days(int min, int max) {
      return new Slot(codes, weights, gap, pContinue, min, max);
    }
  }

  /** A career pattern and how common it is. */
  record Track(String name, double weight, List<Slot> slots) {}

  static final int MAX_SLOTS = 5;

  static final List<Track> TRACKS =
      List.of(
          // Insured unemployed: the revolving door of a-dagpenge spells, sometimes sick in between.
          new Track(
              "DAGPENGE",
              0.30,
              List.of(
                  Slot.of(A_DAGPENGE),
                  Slot.of(new String[] {A_DAGPENGE, SYGEDAGPENGE}, new double[] {0.8, 0.2}, Gap.LONG, 0.85),
                  Slot.of(new String[] {A_DAGPENGE, SYGEDAGPENGE}, new double[] {0.8, 0.2}, Gap.LONG, 0.80),
                  Slot.of(new String[] {A_DAGPENGE, KONTANTHJAELP, SYGEDAGPENGE}, new double[] {0.7, 0.15, 0.15}, Gap.LONG, 0.75),
                  Slot.of(new String[] {A_DAGPENGE}, new double[] {1}, Gap.LONG, 0.70))),
          // The two-year period runs out: kontantydelse / arbejdsmarkedsydelse or kontanthjælp.
          new Track(
              "DAGPENGE_OPBRUGT",
              0.04,
              List.of(
                  Slot.of(A_DAGPENGE).days(620, 730),
                  Slot.of(
                      new String[] {KONTANTYDELSE, ARBEJDSMARKEDSYDELSE, KONTANTHJAELP},
                      new double[] {0.40, 0.15, 0.45},
                      Gap.NONE_OR_SHORT,
                      0.90),
                  Slot.of(new String[] {A_DAGPENGE, SYGEDAGPENGE}, new double[] {0.7, 0.3}, Gap.LONG, 0.60),
                  Slot.of(new String[] {A_DAGPENGE}, new double[] {1}, Gap.LONG, 0.50))),
          // Efterløn (voluntary early retirement): in FLEUR, outside the fokusmål.
          new Track("EFTERLOEN", 0.01, List.of(Slot.of(EFTERLOEN))),
          // Sickness benefit, recurring; some return on a-dagpenge.
          new Track(
              "SYGEDAGPENGE",
              0.24,
              List.of(
                  Slot.of(SYGEDAGPENGE),
                  Slot.of(new String[] {SYGEDAGPENGE, A_DAGPENGE}, new double[] {0.65, 0.35}, Gap.LONG, 0.85),
                  Slot.of(new String[] {SYGEDAGPENGE, A_DAGPENGE}, new double[] {0.7, 0.3}, Gap.LONG, 0.80),
                  Slot.of(new String[] {SYGEDAGPENGE}, new double[] {1}, Gap.LONG, 0.75),
                  Slot.of(new String[] {SYGEDAGPENGE}, new double[] {1}, Gap.LONG, 0.65))),
          // Long sickness: the sickness benefit runs out and jobafklaringsforløb follows at once.
          new Track(
              "SYGEDAGPENGE_JOBAFKLARING",
              0.06,
              List.of(
                  Slot.of(SYGEDAGPENGE).days(300, 560),
                  Slot.of(new String[] {JOBAFKLARINGSFORLOEB}, new double[] {1}, Gap.NONE, 1.0),
                  Slot.of(
                      new String[] {RESSOURCEFORLOEB, FLEKSJOB, FOERTIDSPENSION, KONTANTHJAELP},
                      new double[] {0.35, 0.25, 0.25, 0.15},
                      Gap.NONE_OR_SHORT,
                      0.6))),
          // Kontanthjælp and uddannelseshjælp: long spells, moves between benefits.
          new Track(
              "KONTANTHJAELP",
              0.16,
              List.of(
                  Slot.of(new String[] {KONTANTHJAELP, UDDANNELSESHJAELP}, new double[] {0.65, 0.35}, Gap.NONE, 1.0),
                  Slot.of(
                      new String[] {KONTANTHJAELP, UDDANNELSESHJAELP, SYGEDAGPENGE, A_DAGPENGE},
                      new double[] {0.5, 0.2, 0.15, 0.15},
                      Gap.LONG,
                      0.75),
                  Slot.of(new String[] {KONTANTHJAELP, SYGEDAGPENGE}, new double[] {0.8, 0.2}, Gap.LONG, 0.60),
                  Slot.of(new String[] {KONTANTHJAELP}, new double[] {1}, Gap.LONG, 0.50))),
          // Refugees and reunited families: the integration benefits, then kontanthjælp.
          new Track(
              "INTEGRATION",
              0.05,
              List.of(
                  Slot.of(
                      new String[] {SELVFORSOERGELSESYDELSE, HJEMREJSEYDELSE, OVERGANGSYDELSE},
                      new double[] {0.35, 0.15, 0.50},
                      Gap.NONE,
                      1.0),
                  Slot.of(
                      new String[] {KONTANTHJAELP, UDDANNELSESHJAELP},
                      new double[] {0.85, 0.15},
                      Gap.NONE_OR_SHORT,
                      0.70),
                  Slot.of(new String[] {KONTANTHJAELP, A_DAGPENGE}, new double[] {0.7, 0.3}, Gap.LONG, 0.40))),
          // Forrevalidering, then revalidering.
          new Track(
              "REVALIDERING",
              0.015,
              List.of(
                  Slot.of(FORREVALIDERING),
                  Slot.of(new String[] {REVALIDERING}, new double[] {1}, Gap.NONE, 0.70),
                  Slot.of(new String[] {A_DAGPENGE}, new double[] {1}, Gap.LONG, 0.40))),
          // Ledighedsydelse between flexjobs.
          new Track(
              "LEDIGHEDSYDELSE",
              0.03,
              List.of(
                  Slot.of(LEDIGHEDSYDELSE),
                  Slot.of(new String[] {FLEKSJOB}, new double[] {1}, Gap.NONE, 0.80),
                  Slot.of(new String[] {LEDIGHEDSYDELSE}, new double[] {1}, Gap.SHORT, 0.50),
                  Slot.of(new String[] {FLEKSJOB}, new double[] {1}, Gap.NONE, 0.60))),
          // Ressourceforløb, sometimes ending in førtidspension.
          new Track(
              "RESSOURCEFORLOEB",
              0.03,
              List.of(
                  Slot.of(RESSOURCEFORLOEB),
                  Slot.of(
                      new String[] {RESSOURCEFORLOEB, FOERTIDSPENSION},
                      new double[] {0.5, 0.5},
                      Gap.SHORT,
                      0.50))),
          // Outside both goals: flexjob, førtidspension, seniorpension (SPEC §6.1).
          new Track(
              "PERMANENT",
              0.02,
              List.of(
                  Slot.of(
                      new String[] {FLEKSJOB, FOERTIDSPENSION, SENIORPENSION},
                      new double[] {0.5, 0.35, 0.15},
                      Gap.NONE,
                      1.0))));

  /**
   * Duration mixtures per benefit, in days: {probability, shortest, longest} (log-uniform inside a
   * component). A-dagpenge is capped near its two-year limit; kontanthjælp runs for years.
   */
  static final Map<String, double[][]> DURATIONS = new LinkedHashMap<>();

  static {
    DURATIONS.put(A_DAGPENGE, new double[][] {{0.30, 45, 180}, {0.40, 180, 500}, {0.30, 500, 730}});
    DURATIONS.put(KONTANTYDELSE, new double[][] {{1, 120, 365}});
    DURATIONS.put(ARBEJDSMARKEDSYDELSE, new double[][] {{1, 180, 540}});
    DURATIONS.put(EFTERLOEN, new double[][] {{1, 365, 1825}});
    DURATIONS.put(SYGEDAGPENGE, new double[][] {{0.35, 28, 150}, {0.35, 150, 330}, {0.30, 330, 560}});
    DURATIONS.put(JOBAFKLARINGSFORLOEB, new double[][] {{1, 180, 1095}});
    DURATIONS.put(KONTANTHJAELP, new double[][] {{0.25, 90, 365}, {0.40, 365, 1095}, {0.35, 1095, 2555}});
    DURATIONS.put(UDDANNELSESHJAELP, new double[][] {{0.30, 90, 365}, {0.45, 365, 1095}, {0.25, 1095, 1825}});
    DURATIONS.put(SELVFORSOERGELSESYDELSE, new double[][] {{1, 180, 1095}});
    DURATIONS.put(HJEMREJSEYDELSE, new double[][] {{1, 180, 1095}});
    DURATIONS.put(OVERGANGSYDELSE, new double[][] {{1, 365, 1825}});
    DURATIONS.put(FORREVALIDERING, new double[][] {{1, 60, 365}});
    DURATIONS.put(REVALIDERING, new double[][] {{1, 365, 1460}});
    DURATIONS.put(LEDIGHEDSYDELSE, new double[][] {{0.6, 60, 365}, {0.4, 365, 1095}});
    DURATIONS.put(RESSOURCEFORLOEB, new double[][] {{1, 365, 1825}});
    DURATIONS.put(FLEKSJOB, new double[][] {{1, 730, 3650}});
    DURATIONS.put(FOERTIDSPENSION, new double[][] {{1, 1095, 3650}});
    DURATIONS.put(SENIORPENSION, new double[][] {{1, 730, 2190}});
  }

  static double[] trackWeights() {
    return TRACKS.stream().mapToDouble(Track::weight).toArray();
  }

  /** Most codes a slot can choose between. */
  private static final int MAX_CHOICES = 4;

  /** Most components of a duration mixture. */
  private static final int MAX_COMPONENTS = 3;

  // The tracks and durations as flat literal arrays, indexed by (track, slot) or code: one small
  // lookup per decision instead of a CASE over every track and benefit, which kept Spark's plans
  // (and its generated code) small.
  private static final String[] SLOT_CODES = new String[TRACKS.size() * MAX_SLOTS * MAX_CHOICES];
  private static final double[] SLOT_CUMULATIVE = new double[TRACKS.size() * MAX_SLOTS * MAX_CHOICES];
  private static final double[] SLOT_CONTINUE = new double[TRACKS.size() * MAX_SLOTS];
  private static final int[] SLOT_GAP_MIN = new int[TRACKS.size() * MAX_SLOTS];
  private static final int[] SLOT_GAP_MAX = new int[TRACKS.size() * MAX_SLOTS];
  private static final int[] SLOT_DAYS_MIN = new int[TRACKS.size() * MAX_SLOTS];
  private static final int[] SLOT_DAYS_MAX = new int[TRACKS.size() * MAX_SLOTS];
  private static final String[] DURATION_CODES = DURATIONS.keySet().toArray(new String[0]);
  private static final double[] DURATION_CUMULATIVE = new double[DURATION_CODES.length * MAX_COMPONENTS];
  private static final double[] DURATION_LN_LO = new double[DURATION_CODES.length * MAX_COMPONENTS];
  private static final double[] DURATION_LN_HI = new double[DURATION_CODES.length * MAX_COMPONENTS];

  static {
    for (int t = 0; t < TRACKS.size(); t++) {
      List<Slot> slots = TRACKS.get(t).slots();
      for (int i = 0; i < MAX_SLOTS; i++) {
        int ts = t * MAX_SLOTS + i;
        if (i >= slots.size()) {
          for (int j = 0; j < MAX_CHOICES; j++) SLOT_CUMULATIVE[ts * MAX_CHOICES + j] = 2.0;
          continue; // no such slot: null code, never continues
        }
        Slot s = slots.get(i);
        if (s.codes().length > MAX_CHOICES) throw new IllegalStateException("too many choices");
        double total = 0;
        for (double w : s.weights()) total += w;
        double cum = 0;
        for (int j = 0; j < MAX_CHOICES; j++) {
          if (j < s.codes().length) {
            cum += s.weights()[j] / total;
            SLOT_CODES[ts * MAX_CHOICES + j] = s.codes()[j];
            SLOT_CUMULATIVE[ts * MAX_CHOICES + j] = j == s.codes().length - 1 ? 2.0 : cum;
          } else {
            SLOT_CODES[ts * MAX_CHOICES + j] = s.codes()[s.codes().length - 1];
            SLOT_CUMULATIVE[ts * MAX_CHOICES + j] = 2.0;
          }
        }
        SLOT_CONTINUE[ts] = i == 0 ? 1.0 : s.pContinue();
        SLOT_GAP_MIN[ts] = s.gap().min;
        SLOT_GAP_MAX[ts] = s.gap().max;
        SLOT_DAYS_MIN[ts] = s.minDays();
        SLOT_DAYS_MAX[ts] = s.maxDays();
      }
    }
    for (int c = 0; c < DURATION_CODES.length; c++) {
      double[][] comps = DURATIONS.get(DURATION_CODES[c]);
      double cum = 0;
      for (int j = 0; j < MAX_COMPONENTS; j++) {
        double[] comp = comps[Math.min(j, comps.length - 1)];
        cum += j < comps.length ? comp[0] : 0;
        DURATION_CUMULATIVE[c * MAX_COMPONENTS + j] = j >= comps.length - 1 ? 2.0 : cum;
        DURATION_LN_LO[c * MAX_COMPONENTS + j] = Math.log(comp[1]);
        DURATION_LN_HI[c * MAX_COMPONENTS + j] = Math.log(comp[2]);
      }
    }
  }

  /** 1-based position in a flat array: {@code index * width + offset + 1}. */
  private static Column at(Column index, int width, Column offset) {
    return index.multiply(lit(width)).plus(offset).plus(lit(1)).cast(DataTypes.IntegerType);
  }

  private static Column slotIndex(Column track, int slot) {
    return track.multiply(lit(MAX_SLOTS)).plus(lit(slot));
  }

  /** Index of the first cumulative bound above {@code u} among {@code width} bounds from {@code base}. */
  private static Column choice(double[] cumulative, Column index, int width, Column u) {
    Column c = null;
    for (int j = 0; j < width - 1; j++) {
      Column bound = element_at(lit(cumulative), at(index, width, lit(j)));
      c = c == null ? when(u.lt(bound), lit(j)) : c.when(u.lt(bound), lit(j));
    }
    return c.otherwise(lit(width - 1));
  }

  /** The benefit of slot {@code slot} for a person on track {@code track} (null if none). */
  static Column code(Column track, int slot, Column u) {
    Column ts = slotIndex(track, slot);
    Column j = choice(SLOT_CUMULATIVE, ts, MAX_CHOICES, u);
    return element_at(lit(SLOT_CODES), at(ts, MAX_CHOICES, j));
  }

  /** Whether the career goes on to slot {@code slot}. */
  static Column continues(Column track, int slot, Column u) {
    return u.lt(element_at(lit(SLOT_CONTINUE), at(slotIndex(track, slot), 1, lit(0))));
  }

  /** The break in days before slot {@code slot}. */
  static Column gap(Column track, int slot, Column u) {
    Column ts = slotIndex(track, slot);
    return Rng.intIn(
        u, element_at(lit(SLOT_GAP_MIN), at(ts, 1, lit(0))), element_at(lit(SLOT_GAP_MAX), at(ts, 1, lit(0))));
  }

  /** Duration in days (≥ 1) of an episode of {@code code} in slot {@code slot} of its track. */
  static Column duration(Column track, int slot, Column code, Column uClass, Column uLength) {
    Column ts = slotIndex(track, slot);
    Column fixedMin = element_at(lit(SLOT_DAYS_MIN), at(ts, 1, lit(0)));
    Column fixedMax = element_at(lit(SLOT_DAYS_MAX), at(ts, 1, lit(0)));
    // array_position is 1-based; the code is always one of DURATION_CODES when present.
    Column c = array_position(lit(DURATION_CODES), code).minus(lit(1));
    Column comp = choice(DURATION_CUMULATIVE, c, MAX_COMPONENTS, uClass);
    Column lo = element_at(lit(DURATION_LN_LO), at(c, MAX_COMPONENTS, comp));
    Column hi = element_at(lit(DURATION_LN_HI), at(c, MAX_COMPONENTS, comp));
    Column mixture = exp(lo.plus(uLength.multiply(hi.minus(lo))));
    Column days =
        when(fixedMin.gt(0), fixedMin.plus(uLength.multiply(fixedMax.minus(fixedMin).plus(lit(1)))))
            .otherwise(mixture);
    return floor(days).cast(DataTypes.IntegerType);
  }

  /** The benefit group of a code (SPEC §6.1), or null when it is outside both goals. */
  static Column group(Column code) {
    Column c = null;
    for (Benefit b : Benefit.values()) {
      if (!b.inScope()) continue;
      Column is = code.equalTo(lit(b.code()));
      c = c == null ? when(is, lit(b.group().name())) : c.when(is, lit(b.group().name()));
    }
    return c;
  }

  /**
   * How a job centre follows a citizen up, by benefit: which conversation types and offers apply.
   * The contact classes below drive conversation and offer rates.
   */
  enum Contact {
    INSURED, // a-dagpenge, kontantydelse, arbejdsmarkedsydelse
    SICK, // sygedagpenge
    CLARIFICATION, // jobafklaringsforløb, ressourceforløb, (for)revalidering
    SOCIAL, // kontanthjælp, uddannelseshjælp
    INTEGRATION, // selvforsørgelses-, hjemrejse-, overgangsydelse
    FLEX, // ledighedsydelse, fleksjob
    NONE // efterløn, førtidspension, seniorpension: no job-centre contact
  }

  static Column contact(Column code) {
    return when(code.isin(A_DAGPENGE, KONTANTYDELSE, ARBEJDSMARKEDSYDELSE), lit(Contact.INSURED.ordinal()))
        .when(code.equalTo(SYGEDAGPENGE), lit(Contact.SICK.ordinal()))
        .when(
            code.isin(JOBAFKLARINGSFORLOEB, RESSOURCEFORLOEB, REVALIDERING, FORREVALIDERING),
            lit(Contact.CLARIFICATION.ordinal()))
        .when(code.isin(KONTANTHJAELP, UDDANNELSESHJAELP), lit(Contact.SOCIAL.ordinal()))
        .when(
            code.isin(SELVFORSOERGELSESYDELSE, HJEMREJSEYDELSE, OVERGANGSYDELSE),
            lit(Contact.INTEGRATION.ordinal()))
        .when(code.isin(LEDIGHEDSYDELSE, FLEKSJOB), lit(Contact.FLEX.ordinal()))
        .otherwise(lit(Contact.NONE.ordinal()));
  }

  static Column is(Column contact, Contact c) {
    return contact.equalTo(lit(c.ordinal()));
  }
}
