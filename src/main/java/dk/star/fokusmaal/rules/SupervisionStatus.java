package dk.star.fokusmaal.rules;

/**
 * The consequence of a measurement year for a municipality (SPEC §7, §8.5), from least to most
 * severe: the severity is the ordinal, so "the more severe of two" is the greater.
 */
public enum SupervisionStatus {
  /** No consequence. */
  NONE,
  /** Justeret opfølgning: the adjusted follow-up for the tilbud goal in 2021. */
  JUSTERET_OPFOELGNING,
  /** Skærpet tilsyn light: an action plan for the tilbud goal (2022–23). */
  SKAERPET_TILSYN_LIGHT,
  /** Skærpet tilsyn: sharpened supervision, possibly followed by administration. */
  SKAERPET_TILSYN;

  public int severity() {
    return ordinal();
  }
}
