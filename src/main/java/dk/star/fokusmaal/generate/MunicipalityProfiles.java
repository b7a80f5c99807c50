package dk.star.fokusmaal.generate;

import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dk.star.fokusmaal.reference.Municipalities;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Column;

/**
 * What the synthetic registers know about each of the 98 municipalities: roughly how many
 * residents aged 16–66 it has, how large a share of them live on public support compared with the
 * country as a whole, and – drawn from the seed – how well its job centre keeps in touch with and
 * activates long-term recipients ("job-centre performance") and how its benchmark figure compares
 * with reality.
 *
 * <p>The populations are rounded figures around 2020 (Statistics Denmark's order of magnitude,
 * not official numbers): København ≈ 430,000, Aarhus ≈ 240,000, Aalborg ≈ 140,000, Odder ≈
 * 13,500, Læsø ≈ 1,000; about 3.7 million in all. The support intensities reproduce the published
 * contrasts, e.g. Aalborg ≈ 15,500 full-time persons on support against Odder ≈ 1,000 (seeds 000
 * and 001), and the well-off northern suburbs far below the national rate.
 */
final class MunicipalityProfiles {
  /** Residents aged 16–66 around 2020, rounded. */
  private static final Map<Integer, Integer> POPULATION_16_66 = new HashMap<>();

  /** Share on public support relative to the national rate (1.0 = average). */
  private static final Map<Integer, Double> INTENSITY = new HashMap<>();

  private static void m(int code, int population, double intensity) {
    POPULATION_16_66.put(code, population);
    INTENSITY.put(code, intensity);
  }

  static {
    // Region Hovedstaden
    m(101, 430_000, 1.10); // København
    m(147, 73_000, 0.85); // Frederiksberg
    m(151, 31_000, 1.00); // Ballerup
    m(153, 23_000, 1.35); // Brøndby
    m(155, 8_800, 0.70); // Dragør
    m(157, 45_000, 0.60); // Gentofte
    m(159, 45_000, 0.95); // Gladsaxe
    m(161, 15_000, 1.10); // Glostrup
    m(163, 18_500, 1.05); // Herlev
    m(165, 18_500, 1.35); // Albertslund
    m(167, 35_000, 1.15); // Hvidovre
    m(169, 33_500, 1.20); // Høje-Taastrup
    m(173, 36_000, 0.65); // Lyngby-Taarbæk
    m(175, 26_000, 1.15); // Rødovre
    m(183, 15_000, 1.45); // Ishøj
    m(185, 28_000, 1.00); // Tårnby
    m(187, 10_500, 0.80); // Vallensbæk
    m(190, 25_000, 0.70); // Furesø
    m(201, 15_500, 0.60); // Allerød
    m(210, 25_000, 0.80); // Fredensborg
    m(217, 38_000, 1.05); // Helsingør
    m(219, 32_000, 0.85); // Hillerød
    m(223, 14_500, 0.60); // Hørsholm
    m(230, 33_500, 0.55); // Rudersdal
    m(240, 27_000, 0.70); // Egedal
    m(250, 28_000, 0.95); // Frederikssund
    m(260, 18_500, 1.15); // Halsnæs
    m(270, 24_500, 0.90); // Gribskov
    m(400, 23_000, 1.20); // Bornholm
    // Region Sjælland
    m(253, 31_000, 0.90); // Greve
    m(259, 38_500, 0.95); // Køge
    m(265, 57_000, 0.85); // Roskilde
    m(269, 14_000, 0.70); // Solrød
    m(306, 18_500, 1.25); // Odsherred
    m(316, 44_000, 1.05); // Holbæk
    m(320, 22_000, 1.05); // Faxe
    m(326, 29_500, 1.20); // Kalundborg
    m(329, 22_500, 1.10); // Ringsted
    m(330, 49_000, 1.25); // Slagelse
    m(336, 13_500, 0.95); // Stevns
    m(340, 18_500, 1.00); // Sorø
    m(350, 17_000, 0.80); // Lejre
    m(360, 24_000, 1.55); // Lolland
    m(370, 52_000, 1.10); // Næstved
    m(376, 36_000, 1.35); // Guldborgsund
    m(390, 27_000, 1.20); // Vordingborg
    // Region Syddanmark
    m(410, 23_500, 0.90); // Middelfart
    m(420, 24_500, 1.05); // Assens
    m(430, 31_000, 1.00); // Faaborg-Midtfyn
    m(440, 14_000, 1.05); // Kerteminde
    m(450, 19_500, 1.10); // Nyborg
    m(461, 138_000, 1.25); // Odense
    m(479, 36_000, 1.20); // Svendborg
    m(480, 18_000, 1.05); // Nordfyns
    m(482, 7_000, 1.40); // Langeland
    m(492, 3_300, 1.15); // Ærø
    m(510, 34_500, 1.10); // Haderslev
    m(530, 17_000, 0.75); // Billund
    m(540, 46_000, 1.00); // Sønderborg
    m(550, 22_500, 0.95); // Tønder
    m(561, 74_000, 1.10); // Esbjerg
    m(563, 2_000, 0.90); // Fanø
    m(573, 31_000, 0.75); // Varde
    m(575, 26_500, 0.85); // Vejen
    m(580, 36_000, 1.05); // Aabenraa
    m(607, 33_000, 1.15); // Fredericia
    m(621, 60_000, 0.95); // Kolding
    m(630, 74_000, 0.90); // Vejle
    // Region Midtjylland
    m(615, 59_000, 0.95); // Horsens
    m(657, 57_000, 0.90); // Herning
    m(661, 37_000, 0.90); // Holstebro
    m(665, 12_000, 0.80); // Lemvig
    m(671, 12_500, 1.00); // Struer
    m(706, 25_500, 0.90); // Syddjurs
    m(707, 22_000, 1.15); // Norddjurs
    m(710, 30_000, 0.70); // Favrskov
    m(727, 13_500, 0.85); // Odder
    m(730, 62_000, 1.15); // Randers
    m(740, 59_000, 0.85); // Silkeborg
    m(741, 2_100, 1.00); // Samsø
    m(746, 39_500, 0.65); // Skanderborg
    m(751, 240_000, 1.05); // Aarhus
    m(756, 26_500, 0.85); // Ikast-Brande
    m(760, 35_000, 0.75); // Ringkøbing-Skjern
    m(766, 29_500, 0.75); // Hedensted
    m(779, 28_000, 0.95); // Skive
    m(791, 60_500, 0.90); // Viborg
    // Region Nordjylland
    m(773, 11_500, 1.05); // Morsø
    m(787, 26_500, 0.90); // Thisted
    m(810, 22_500, 1.00); // Brønderslev
    m(813, 35_000, 1.20); // Frederikshavn
    m(820, 22_500, 1.10); // Vesthimmerlands
    m(825, 1_000, 1.10); // Læsø
    m(840, 19_000, 0.85); // Rebild
    m(846, 25_500, 1.05); // Mariagerfjord
    m(849, 23_500, 1.05); // Jammerbugt
    m(851, 140_000, 1.30); // Aalborg
    m(860, 39_500, 1.15); // Hjørring
  }

  private final int[] codes;
  private final int[] population;
  /** Cumulative share of benefit recipients, for picking a municipality by a uniform number. */
  private final double[] cumulative;
  /** Contact latent: above 0 means more citizens left without conversations. */
  private final double[] conversationLatent;
  /** Activation latent: above 0 means more citizens left without offers. */
  private final double[] offerLatent;
  /** Benchmark latent: above 0 means more full-time persons on support than expected. */
  private final double[] resultLatent;
  /** Yearly growth of the 16–66 population (cities grow, the periphery shrinks). */
  private final double[] growth;

  MunicipalityProfiles(long seed) {
    List<Municipalities.Municipality> all = Municipalities.all();
    int n = all.size();
    codes = new int[n];
    population = new int[n];
    cumulative = new double[n];
    conversationLatent = new double[n];
    offerLatent = new double[n];
    resultLatent = new double[n];
    growth = new double[n];
    double total = 0;
    double[] weight = new double[n];
    for (int i = 0; i < n; i++) {
      int code = all.get(i).code();
      Integer pop = POPULATION_16_66.get(code);
      if (pop == null) throw new IllegalStateException("no population for municipality " + code);
      codes[i] = code;
      population[i] = pop;
      weight[i] = pop * INTENSITY.get(code);
      total += weight[i];
      // One generator per municipality and seed: the latents do not shift when the list changes.
      Random r = new Random(seed * 1_000_003L + code);
      double offer = r.nextGaussian();
      // Contact and activation go together in a job centre, but not one for one.
      conversationLatent[i] = 0.5 * offer + Math.sqrt(0.75) * r.nextGaussian();
      offerLatent[i] = offer;
      resultLatent[i] = r.nextGaussian();
      growth[i] = (pop > 50_000 ? 0.006 : pop < 20_000 ? -0.004 : 0.001) + 0.003 * r.nextGaussian();
    }
    if (POPULATION_16_66.size() != n) {
      throw new IllegalStateException("population table and kommuner.csv disagree");
    }
    double cum = 0;
    for (int i = 0; i < n; i++) {
      cum += weight[i] / total;
      cumulative[i] = cum;
    }
    cumulative[n - 1] = 1.0;
  }

  int size() {
    return codes.length;
  }

  int code(int i) {
    return codes[i];
  }

  int population2020(int i) {
    return population[i];
  }

  double growth(int i) {
    return growth[i];
  }

  double conversationLatent(int i) {
    return conversationLatent[i];
  }

  double offerLatent(int i) {
    return offerLatent[i];
  }

  double resultLatent(int i) {
    return resultLatent[i];
  }

  /**
   * The municipality index (0 … 97) for a uniform number, in proportion to each municipality's
   * number of benefit recipients: a balanced tree of comparisons, so 7 tests per person instead of
   * a join or a scan over 98 rows.
   */
  Column indexFor(Column u) {
    return tree(u, 0, codes.length - 1);
  }

  private Column tree(Column u, int lo, int hi) {
    if (lo == hi) return lit(lo);
    int mid = (lo + hi) / 2;
    return when(u.lt(cumulative[mid]), tree(u, lo, mid)).otherwise(tree(u, mid + 1, hi));
  }

  /** The municipality code of an index. */
  Column codeOf(Column index) {
    return lookup(index, codes);
  }

  /** exp(scale × contact latent) of an index: multiplies the chance of a neglected citizen. */
  Column conversationFactor(Column index, double scale) {
    double[] f = new double[codes.length];
    for (int i = 0; i < f.length; i++) f[i] = Math.exp(scale * conversationLatent[i]);
    return lookup(index, f);
  }

  /** exp(scale × activation latent) of an index. */
  Column offerFactor(Column index, double scale) {
    double[] f = new double[codes.length];
    for (int i = 0; i < f.length; i++) f[i] = Math.exp(scale * offerLatent[i]);
    return lookup(index, f);
  }

  private static Column lookup(Column index, int[] values) {
    return element_at(lit(values), index.plus(lit(1)));
  }

  private static Column lookup(Column index, double[] values) {
    return element_at(lit(values), index.plus(lit(1)));
  }
}
