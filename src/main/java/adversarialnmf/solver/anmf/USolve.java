package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DenseMatrix;

/**
 * How the U sub-problem ({@link USubproblem}) is solved: chosen once per fit from the settings and
 * the shape, then called every iteration.
 */
interface USolve {

  /** CG steps assumed when the clip mode compares conjugate gradients with the Gram Cholesky. */
  int CG_EXPECTED_ITERATIONS = 30;

  /**
   * Solves the sub-problem: u holds the previous U on entry (a warm start) and dU = D u; on return
   * u is the new U and dU = D u for it.
   *
   * @return inner steps taken (0 for a direct solve), for the benchmark's work count
   */
  int solve(USubproblem problem, DenseMatrix u, DenseMatrix dU);

  /** The solve that the settings ask for on m x N data at rank n. */
  static USolve forSettings(AdmmSettings settings, int m, int count, int rank) {
    if (settings.uUpdate() == AdmmSettings.UUpdate.EXACT_NONNEGATIVE) {
      return new FistaUSolve(settings.uInnerIterations(), m, count, rank);
    }
    return new ClippedUSolve(usesGram(settings, m, count, rank) ? new GramUSolve()
        : new ConjugateGradientUSolve(count, rank));
  }

  /** Entries of the Gram matrix (and its factor) that the solve for these settings forms, 0 if none. */
  static long gramEntries(AdmmSettings settings, int m, int count, int rank) {
    long side = Math.min(m, count);
    if (settings.uUpdate() == AdmmSettings.UUpdate.EXACT_NONNEGATIVE) {
      return FistaUSolve.usesGramForm(m, count, rank, settings.uInnerIterations()) ? (long) count * count : 0;
    }
    return usesGram(settings, m, count, rank) ? 2 * side * side : 0;
  }

  /** The clip mode's choice: the Gram Cholesky if asked, or under auto where the flop estimate favours it. */
  static boolean usesGram(AdmmSettings settings, int m, int count, int rank) {
    return settings.linearSolve() == AdmmSettings.LinearSolve.AUTO
        ? gramIsCheaper(m, count, rank) : settings.linearSolve() == AdmmSettings.LinearSolve.GRAM_CHOLESKY;
  }

  /** True if the flop estimate favours the Gram Cholesky over conjugate gradients. */
  static boolean gramIsCheaper(int m, int count, int rank) {
    double small = Math.min(m, count);
    double gramFlops = (double) m * count * small + small * small * small / 3.0;
    double cgFlops = 4.0 * m * count * rank * CG_EXPECTED_ITERATIONS;
    return gramFlops <= cgFlops;
  }

  /** The unconstrained minimiser Q⁻¹ R3, for the paper's clip mode. */
  interface Unconstrained {
    /** u ← Q⁻¹ R3 (u holds the previous U on entry); returns inner steps. */
    int solve(USubproblem problem, DenseMatrix u);
  }
}
