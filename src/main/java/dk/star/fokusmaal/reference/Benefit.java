package dk.star.fokusmaal.reference;

import static dk.star.fokusmaal.reference.BenefitGroup.A_DAGPENGE_MV;
import static dk.star.fokusmaal.reference.BenefitGroup.KONTANTHJAELP_MV;
import static dk.star.fokusmaal.reference.BenefitGroup.SYGEDAGPENGE_MV;
import static dk.star.fokusmaal.reference.BenefitRegister.FLEUR;
import static dk.star.fokusmaal.reference.BenefitRegister.KMD_SYGEDAGPENGE;
import static dk.star.fokusmaal.reference.BenefitRegister.MUNICIPAL_BENEFITS;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benefits (ydelser) of SPEC §6.1: the register that pays each and its benefit group. A
 * benefit without a group (fleksjob, førtidspension, seniorpension, efterløn, feriedagpenge) is
 * outside both the fokusmål population and the resultatmål. The code is the enum's name, exactly
 * as the registers spell it.
 */
public enum Benefit {
  A_DAGPENGE(FLEUR, A_DAGPENGE_MV),
  KONTANTYDELSE(FLEUR, A_DAGPENGE_MV),
  ARBEJDSMARKEDSYDELSE(FLEUR, A_DAGPENGE_MV),
  EFTERLOEN(FLEUR, null),
  FERIEDAGPENGE(FLEUR, null),
  SYGEDAGPENGE(KMD_SYGEDAGPENGE, SYGEDAGPENGE_MV),
  JOBAFKLARINGSFORLOEB(MUNICIPAL_BENEFITS, SYGEDAGPENGE_MV),
  KONTANTHJAELP(MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
  UDDANNELSESHJAELP(MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
  SELVFORSOERGELSESYDELSE(MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
  HJEMREJSEYDELSE(MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
  /** In scope only outside the integration programme ({@code in_integration_programme = false}). */
  OVERGANGSYDELSE(MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
  REVALIDERING(MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
  FORREVALIDERING(MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
  LEDIGHEDSYDELSE(MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
  RESSOURCEFORLOEB(MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
  FLEKSJOB(MUNICIPAL_BENEFITS, null),
  FOERTIDSPENSION(MUNICIPAL_BENEFITS, null),
  SENIORPENSION(MUNICIPAL_BENEFITS, null);

  /**
   * The integration benefits after which kontanthjælp or uddannelseshjælp, without a whole
   * calendar month between, continues the same spell (SPEC §5.2).
   */
  public static final Set<Benefit> INTEGRATION =
      EnumSet.of(SELVFORSOERGELSESYDELSE, HJEMREJSEYDELSE, OVERGANGSYDELSE);

  /** The benefits that continue a spell of an {@link #INTEGRATION} benefit. */
  public static final Set<Benefit> CONTINUING_AFTER_INTEGRATION =
      EnumSet.of(KONTANTHJAELP, UDDANNELSESHJAELP);

  private final BenefitRegister register;
  private final BenefitGroup group;

  Benefit(BenefitRegister register, BenefitGroup group) {
    this.register = register;
    this.group = group;
  }

  public String code() {
    return name();
  }

  public BenefitRegister register() {
    return register;
  }

  /** The benefit group, or null when the benefit is out of scope. */
  public BenefitGroup group() {
    return group;
  }

  public boolean inScope() {
    return group != null;
  }

  /** The codes of the benefits a register can deliver (its code set in the input contract). */
  public static Set<String> codesOf(BenefitRegister register) {
    return Arrays.stream(values()).filter(b -> b.register == register).map(Benefit::code)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The codes of {@code benefits}, e.g. for {@code isin}. */
  public static String[] codes(Set<Benefit> benefits) {
    return benefits.stream().map(Benefit::code).sorted().toArray(String[]::new);
  }
}
