package dk.star.fokusmaal.pipeline;

import java.util.Locale;

/** Progress lines for the person or scheduler watching a job: which step, how many rows, how long. */
public final class Progress {
  private final String job;
  private final long started = System.nanoTime();

  public Progress(String job) {
    this.job = job;
  }

  public void say(String fmt, Object... args) {
    System.out.printf(Locale.ROOT, "[%s %6.1fs] %s%n", job, seconds(), String.format(Locale.ROOT, fmt, args));
    System.out.flush();
  }

  public double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  /** Runs a step and reports its duration. */
  public <T> T step(String what, java.util.function.Supplier<T> body) {
    long t0 = System.nanoTime();
    T r = body.get();
    say("%s (%.1f s)", what, (System.nanoTime() - t0) / 1e9);
    return r;
  }
}
