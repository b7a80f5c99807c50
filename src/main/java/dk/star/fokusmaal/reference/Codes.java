package dk.star.fokusmaal.reference;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The code lists of the input contract (SPEC §4) other than benefits and municipalities: upper-case
 * ASCII, Danish letters spelt out. The contract's code checks, the rules' counted types and the
 * generator all take their codes from here.
 */
public final class Codes {
  private Codes() {}

  /** TASS {@code conversation_type} (SPEC §4.4). */
  public enum ConversationType { JOBSAMTALE, OPFOELGNINGSSAMTALE, FAELLES_JOBSAMTALE, INTEGRATIONSSAMTALE, FLEKSJOB_OPFOELGNING, INFORMATIONSMOEDE, CV_SAMTALE, RAADIGHEDSSAMTALE }

  /** TASS {@code channel}: any channel counts (SPEC §5.4). */
  public enum Channel { FREMMOEDE, TELEFON, VIDEO, DIGITAL, BREV, ANDET }

  /** TASS {@code status}: only a held conversation ({@code AFHOLDT}) counts. */
  public enum ConversationStatus { AFHOLDT, AFLYST, UDEBLEVET }

  /** Plandata {@code offer_type} (SPEC §4.5); mentor and transport are support, not offers. */
  public enum OfferType { VIRKSOMHEDSPRAKTIK, LOENTILSKUD_PRIVAT, LOENTILSKUD_OFFENTLIG, VEJLEDNING_OPKVALIFICERING, NYTTEINDSATS, MENTOR, BEFORDRING }

  /** Plandata {@code status}. */
  public enum OfferStatus { PLANLAGT, IGANGVAERENDE, AFSLUTTET, ANNULLERET }

  /** eIndkomst {@code employment_type}: only {@code ORDINAER} hours count (SPEC §5.6). */
  public enum EmploymentType { ORDINAER, LOENTILSKUD, FLEKSJOB }

  /** Municipal {@code readiness} (visitation). */
  public enum Readiness { JOBPARAT, AKTIVITETSPARAT, UDDANNELSESPARAT }

  /** The codes of an enum, for the contract's code checks. */
  public static Set<String> of(Class<? extends Enum<?>> codes) {
    return Arrays.stream(codes.getEnumConstants()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  }
}
