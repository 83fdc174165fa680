package adversarialnmf.rank;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.solver.Factors;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Choosing the rank by cross-validation of held-out entries: each repeat hides a fresh random
 * share of the entries of Y ({@link HeldOutEntries}), fits the masked model at every rank to the
 * rest, and scores the mean squared error on the hidden entries. The ranks of one repeat share its
 * mask and its fit seed, so they differ only in the rank. The masks and the fit seeds are drawn
 * from the seed on separate streams. Immutable settings.
 */
public final class RankCrossValidation {

  /**
   * A fit at one rank of the data with the held-out entries missing (made missing by the caller, in
   * whatever form it holds the data); the returned factors are in the units of Y.
   */
  public interface MaskedFit {
    Factors fit(HeldOutEntries heldOut, int rank, int seed) throws Exception;
  }

  private final int[] ranks;
  private final int repeats;
  private final double share;
  private final long seed;

  /**
   * @param ranks increasing, each at least 1
   * @param repeats masks drawn, at least 2 (the one-standard-error rule needs a standard error)
   * @param share probability that an entry is held out, strictly between 0 and 1
   */
  public RankCrossValidation(int[] ranks, int repeats, double share, long seed) {
    if (ranks.length == 0 || ranks[0] < 1) {
      throw new IllegalArgumentException("the ranks must be at least 1");
    }
    for (int r = 1; r < ranks.length; r++) {
      if (ranks[r] <= ranks[r - 1]) {
        throw new IllegalArgumentException("the ranks must increase, got " + ranks[r - 1] + " then " + ranks[r]);
      }
    }
    requireRepeats(repeats);
    HeldOutEntries.requireShare(share);
    this.ranks = ranks.clone();
    this.repeats = repeats;
    this.share = share;
    this.seed = seed;
  }

  /** Throws unless there are at least 2 repeats. */
  public static void requireRepeats(int repeats) {
    if (repeats < 2) {
      throw new IllegalArgumentException("the repeats must be at least 2 (the one-standard-error rule needs a"
          + " standard error), got " + repeats);
    }
  }

  /** Every rank on every repeat's mask; throws what the fit throws. */
  public RankCurve run(DataMatrix y, MaskedFit fit) throws Exception {
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom maskSeeds = root.split();
    SplittableRandom fitSeeds = root.split();
    double[][] errors = new double[ranks.length][repeats];
    double[] seconds = new double[ranks.length];
    for (int k = 0; k < repeats; k++) {
      HeldOutEntries heldOut = HeldOutEntries.draw(y, share, new Random(maskSeeds.nextLong()));
      int fitSeed = fitSeeds.nextInt();
      for (int r = 0; r < ranks.length; r++) {
        long started = System.nanoTime();
        errors[r][k] = heldOut.meanSquaredError(fit.fit(heldOut, ranks[r], fitSeed));
        seconds[r] += (System.nanoTime() - started) / 1e9;
      }
    }
    return new RankCurve(ranks, errors, seconds);
  }
}
