package dk.star.fokusmaal.reference;

/** The three registers that pay benefits (SPEC §4.1–4.3), by the name of their landing source. */
public enum BenefitRegister {
  FLEUR(Source.FLEUR),
  KMD_SYGEDAGPENGE(Source.KMD_SYGEDAGPENGE),
  MUNICIPAL_BENEFITS(Source.MUNICIPAL_BENEFITS);

  /** The landing source names, as compile-time constants (for {@code switch} and annotations). */
  public interface Source {
    String FLEUR = "fleur";
    String KMD_SYGEDAGPENGE = "kmd_sygedagpenge";
    String MUNICIPAL_BENEFITS = "municipal_benefits";
  }

  private final String source;

  BenefitRegister(String source) {
    this.source = source;
  }

  /** The landing source (and bronze table) of the register. */
  public String source() {
    return source;
  }
}
