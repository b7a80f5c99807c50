package dk.star.fokusmaal.rules;

import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * When a municipality meets a fokusmål (SPEC §5.7): its 12-month average passive share is at or
 * below the threshold of the year (exactly 20.0 meets it, 20.01 does not). The one definition that
 * {@code gold.focus_goal_12m}, {@code gold.supervision_status} and {@code gold.quarterly_report}
 * all use, so they cannot disagree at the threshold.
 */
public final class Goals {
  private Goals() {}

  /** Floating-point slack for "at or below": a mean of exact shares may land 1e-14 above. */
  static final double EPSILON = 1e-9;

  /** True when {@code average} is at or below {@code threshold}; no average, no verdict (null). */
  public static Column meets(Column average, Column threshold) {
    return when(average.isNotNull(), average.leq(threshold.plus(EPSILON)));
  }
}
