package dk.star.fokusmaal.generate;

import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * The dice of the synthetic registers: pseudo-random numbers computed inside Spark as a hash of
 * the seed, a salt naming the decision ("how long is this spell") and the keys of the thing decided
 * (person, episode, year …).
 *
 * <p>Why not {@code rand()}: its value depends on which partition a row lands in, so a rerun on
 * another machine or with another parallelism would give other persons. A hash of the keys gives
 * the same number for the same person however the work is split, which is what makes {@code
 * generate --seed S} reproducible row for row.
 */
final class Rng {
  private static final long MASK53 = (1L << 53) - 1;
  private static final double TWO53 = 9007199254740992.0;

  private final long seed;

  Rng(long seed) {
    this.seed = seed;
  }

  long seed() {
    return seed;
  }

  /** A uniform number in [0, 1), fixed by the seed, the salt and the key columns. */
  Column u(String salt, Column... keys) {
    return hash(salt, keys).bitwiseAND(lit(MASK53)).cast(DataTypes.DoubleType).divide(lit(TWO53));
  }

  /** The raw 64-bit hash behind {@link #u}: for identifiers. */
  Column hash(String salt, Column... keys) {
    Column[] args = new Column[keys.length + 2];
    args[0] = lit(seed);
    args[1] = lit(salt);
    System.arraycopy(keys, 0, args, 2, keys.length);
    return xxhash64(args);
  }

  /** A uniform double in [lo, hi). */
  static Column uniform(Column u, double lo, double hi) {
    return lit(lo).plus(u.multiply(lit(hi - lo)));
  }

  /** A uniform integer in [lo, hi], both inclusive. */
  static Column intIn(Column u, int lo, int hi) {
    return floor(lit((double) lo).plus(u.multiply(lit((double) (hi - lo + 1))))).cast(DataTypes.IntegerType);
  }

  /** A uniform integer in [lo, hi] with column bounds; hi must be ≥ lo. */
  static Column intIn(Column u, Column lo, Column hi) {
    return lo.plus(floor(u.multiply(hi.minus(lo).plus(lit(1)))).cast(DataTypes.IntegerType))
        .cast(DataTypes.IntegerType);
  }

  /**
   * Log-uniform in [lo, hi): durations are skewed (many short spells, a long tail), and a log scale
   * spreads them evenly over "weeks, months, years" rather than piling them at the long end.
   */
  static Column logUniform(Column u, double lo, double hi) {
    return exp(lit(Math.log(lo)).plus(u.multiply(lit(Math.log(hi) - Math.log(lo)))));
  }

  /** One of {@code values}, with probabilities proportional to {@code weights}. */
  static Column pick(Column u, String[] values, double[] weights) {
    if (values.length != weights.length || values.length == 0) {
      throw new IllegalArgumentException("values and weights differ in length");
    }
    double total = 0;
    for (double w : weights) total += w;
    if (values.length == 1) return lit(values[0]);
    Column c = null;
    double cum = 0;
    for (int i = 0; i < values.length - 1; i++) {
      cum += weights[i] / total;
      c = c == null ? when(u.lt(cum), lit(values[i])) : c.when(u.lt(cum), lit(values[i]));
    }
    return c.otherwise(lit(values[values.length - 1]));
  }

  /** The index 0 … n-1 of a weighted choice. */
  static Column pickIndex(Column u, double[] weights) {
    double total = 0;
    for (double w : weights) total += w;
    if (weights.length == 1) return lit(0);
    Column c = null;
    double cum = 0;
    for (int i = 0; i < weights.length - 1; i++) {
      cum += weights[i] / total;
      c = c == null ? when(u.lt(cum), lit(i)) : c.when(u.lt(cum), lit(i));
    }
    return c.otherwise(lit(weights.length - 1));
  }
}
