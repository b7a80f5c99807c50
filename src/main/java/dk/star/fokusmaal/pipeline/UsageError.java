package dk.star.fokusmaal.pipeline;

/**
 * A request that cannot be run as asked (SPEC §9: exit code 2): a misspelt rule, months the wrong
 * way round, a lake that does not exist. Detected before the run starts, so nothing is written.
 */
public final class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message);
  }

  public UsageError(String message, Throwable cause) {
    super(message, cause);
  }
}
