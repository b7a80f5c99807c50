package dk.star.fokusmaal.reference;

/**
 * One benefit of SPEC §6.1.
 *
 * @param code the benefit code as it appears in the registers
 * @param source the landing source it comes from
 * @param group its benefit group, or null when it is outside both fokusmål and resultatmål
 */
public record Benefit(String code, String source, String group) {
  public boolean inScope() {
    return group != null;
  }
}
