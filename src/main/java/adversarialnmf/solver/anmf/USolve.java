package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DenseMatrix;

/**
 * How the U sub-problem ({@link USubproblem}) is solved: chosen once per fit from the options and
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

  /** The solve that the options ask for on m x N data at rank n. */
  static USolve forOptions(AnmfOptions options, int m, int count, int rank) {
    if (options.uUpdate() == AnmfOptions.UUpdate.EXACT_NONNEGATIVE) {
      return new FistaUSolve(options.uInnerIterations(), m, count, rank);
    }
    boolean gram = options.linearSolve() == AnmfOptions.LinearSolve.AUTO
        ? gramIsCheaper(m, count, rank) : options.linearSolve() == AnmfOptions.LinearSolve.GRAM_CHOLESKY;
    return new ClippedUSolve(gram ? new GramUSolve() : new ConjugateGradientUSolve(count, rank));
  }

  /** Entries of the Gram matrix (and its factor) that the solve for these options forms, 0 if none. */
  static long gramEntries(AnmfOptions options, int m, int count, int rank) {
    long side = Math.min(m, count);
    if (options.uUpdate() == AnmfOptions.UUpdate.EXACT_NONNEGATIVE) {
      return FistaUSolve.usesGramForm(m, count) ? (long) count * count : 0;
    }
    boolean gram = options.linearSolve() == AnmfOptions.LinearSolve.AUTO
        ? gramIsCheaper(m, count, rank) : options.linearSolve() == AnmfOptions.LinearSolve.GRAM_CHOLESKY;
    return gram ? 2 * side * side : 0;
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
