package dk.star.fokusmaal.reference;

/** Facts of unemployment insurance payments (FLEUR, SPEC §4.1, §5.3). */
public final class Fleur {
  private Fleur() {}

  /**
   * Hours paid for one full-time month of unemployment, whatever the month's length (February
   * included); a full-time week is 37. The contract caps a payment period at this × days / 28, and
   * it is the default of the rules' {@code fleur.hours_per_month} (seniority, resultatmål FTE).
   */
  public static final double FULL_TIME_MONTH_HOURS = 160.33;
}
