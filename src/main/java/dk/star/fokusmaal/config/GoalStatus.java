package dk.star.fokusmaal.config;

/** How a fokusmål counts in a measurement year (SPEC §7). */
public enum GoalStatus {
  /** Failing it (with the resultatmål) leads to the year's consequence. */
  BINDING,
  /** Failing it (with the resultatmål) leads to the lighter consequence of the year. */
  LIGHT,
  /** Measured and published, followed up, never a sanction on its own. */
  FOLLOW_UP_ONLY
}
