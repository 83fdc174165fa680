package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;

/**
 * One NMF method: a pure function of the data Y (m x N, nonnegative), a starting point and the
 * solver's own immutable options. Never modifies Y or the start.
 */
public interface FactorizationSolver {

  /** Fits Y ≈ A X from {@code start}; the start's rank is the rank of the result. */
  Factorization fit(DataMatrix y, Factors start);

  /** A one-line description of the method and its settings, for toString() of the models. */
  String describe();

  /**
   * About how many bytes a fit of {@code y} at {@code rank} allocates beyond y and the start
   * (workspaces, auxiliaries, traces), so that a fit too large for the heap can be refused before it
   * starts ({@link WorkingSet}). By default a dozen factor-sized matrices.
   */
  default long workingSetBytes(DataMatrix y, int rank) {
    return WorkingSet.factorSized(y.rows(), y.cols(), rank);
  }
}
