package dk.star.fokusmaal.pipeline;

import dk.star.fokusmaal.contract.SourceSpec;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.generate.Deliveries;
import dk.star.fokusmaal.generate.GenerateOptions;
import dk.star.fokusmaal.generate.SyntheticRegisters;

/** The generate job: synthetic deliveries of every source into {@code landing/} (SPEC §10). */
public final class GenerateJob {
  private GenerateJob() {}

  public static void run(JobContext ctx, GenerateOptions opts) {
    SyntheticRegisters registers = new SyntheticRegisters(ctx.spark(), opts);
    ctx.progress()
        .say(
            "generating %,d persons, %s … %s, seed %d, %d deliveries%s",
            opts.persons(), opts.from(), opts.to(), opts.seed(), registers.deliveries(),
            opts.badRows() > 0 ? ", " + opts.badRows() + " bad rows per source and kind" : "");
    try {
      writeAll(ctx, opts, registers);
    } finally {
      registers.release();
    }
  }

  private static void writeAll(JobContext ctx, GenerateOptions opts, SyntheticRegisters registers) {
    long total = 0;
    for (SourceSpec spec : Sources.ALL.values()) {
      long t0 = System.nanoTime();
      Deliveries.Written w = Deliveries.write(registers, spec, ctx.lake().landing(spec.name()));
      total += w.rows();
      String bad =
          w.badRows() == 0 ? ""
              : String.format(", + %d bad rows (%d kinds) and %d with %s of the wrong type",
                  w.badRows(), w.badKinds(), opts.badRows(), w.wrongTypeColumn());
      ctx.progress().say("%-20s %,12d rows in %d deliveries%s (%.1f s)",
          spec.name(), w.rows(), registers.deliveries(), bad, (System.nanoTime() - t0) / 1e9);
    }
    ctx.progress().say("landing written: %,d rows in all, under %s", total, ctx.lake().root() + "/landing");
  }
}
