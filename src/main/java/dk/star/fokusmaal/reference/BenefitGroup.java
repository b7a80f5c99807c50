package dk.star.fokusmaal.reference;

/** The benefit groups (ydelsesgrupper) of SPEC §6.1, in which the benchmark model counts. */
public enum BenefitGroup {
  A_DAGPENGE_MV,
  SYGEDAGPENGE_MV,
  KONTANTHJAELP_MV
}
