package adversarialnmf.solver;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * Several fits of one method from different starts, keeping the one with the lowest final
 * objective (R NMF's {@code nrun}): the seeds each start is drawn from, and what each fit reached.
 * Run 0 uses the user's seed itself, so one restart is exactly a single fit; the others are drawn
 * from a {@link SplittableRandom} on that seed, so the same seed gives the same runs. Immutable.
 */
public final class Restarts implements Serializable {

  private static final long serialVersionUID = -1416902434593218339L;

  private final long[] seeds;
  private final double[] objectives;
  private final int[] iterations;
  private final int best;

  private Restarts(long[] seeds, double[] objectives, int[] iterations) {
    this.seeds = seeds;
    this.objectives = objectives;
    this.iterations = iterations;
    int b = 0;
    for (int r = 1; r < objectives.length; r++) {
      if (objectives[r] < objectives[b]) {
        b = r;
      }
    }
    this.best = b;
  }

  /** The seeds of {@code count} runs derived from {@code seed}; the first is {@code seed}. */
  public static long[] seeds(long seed, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("number of restarts must be at least 1, got " + count);
    }
    long[] out = new long[count];
    out[0] = seed;
    SplittableRandom derived = new SplittableRandom(seed);
    for (int r = 1; r < count; r++) {
      out[r] = derived.nextLong();
    }
    return out;
  }

  /** The record of the runs, fit r drawn from {@code seeds[r]}; the best is the lowest objective (first on ties). */
  public static Restarts of(long[] seeds, Factorization[] fits) {
    if (seeds.length != fits.length || fits.length == 0) {
      throw new IllegalArgumentException(seeds.length + " seeds for " + fits.length + " fits");
    }
    double[] objectives = new double[fits.length];
    int[] iterations = new int[fits.length];
    for (int r = 0; r < fits.length; r++) {
      objectives[r] = fits[r].finalObjective();
      iterations[r] = fits[r].iterations();
    }
    return new Restarts(seeds.clone(), objectives, iterations);
  }

  public int count() {
    return seeds.length;
  }

  /** The index of the run kept. */
  public int best() {
    return best;
  }

  public long seed(int run) {
    return seeds[run];
  }

  public double objective(int run) {
    return objectives[run];
  }

  public int iterations(int run) {
    return iterations[run];
  }

  /** Final objectives of every run, in run order (a copy). */
  public double[] objectives() {
    return objectives.clone();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < seeds.length; r++) {
      text.append(String.format("  run %d: seed %d, objective %.6g, %d iterations%s%n", r + 1, seeds[r],
          objectives[r], iterations[r], r == best ? "  <- kept" : ""));
    }
    return text.toString();
  }
}
