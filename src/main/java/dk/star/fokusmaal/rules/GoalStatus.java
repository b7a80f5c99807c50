package dk.star.fokusmaal.rules;

/** How a fokusmål counts in a measurement year (SPEC §7). */
public enum GoalStatus {
  /** Failing it (with the resultatmål) leads to the year's consequence. */
  BINDING,
  /** Failing it (with the resultatmål) leads to the lighter consequence of the year. */
  LIGHT,
  /** Measured and published, followed up, never a sanction on its own. */
  FOLLOW_UP_ONLY;

  /**
   * Whether failing the goal (together with the resultatmål) has a consequence. LIGHT counts: in
   * 2022–23 it leads to skærpet tilsyn light. FOLLOW_UP_ONLY does not: the minister's quarterly
   * letter of September 2021 names as "i risiko for at komme i skærpet tilsyn" only the
   * municipalities failing the resultatmål and the samtaler goal, not those failing tilbud, which
   * was follow-up only in 2021 (seed 004).
   */
  public boolean binding() {
    return this != FOLLOW_UP_ONLY;
  }
}
