package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import java.io.Serializable;

/**
 * How a fitted model gives coefficients to a column y it was not fitted on: the minimiser, over that
 * one column, of the method's own objective with the fitted factors held fixed (NNLS for the
 * Frobenius loss, the Kullback-Leibler divergence for KL, the fixed point of the orthogonal X rule,
 * model (9) with one added column for ANMF; docs/ALGORITHM.md §7). Applied to a training column it
 * gives the exact X-step for the fitted bases, so a training instance lands where the finished fit
 * put it. Data are in the fit's (scaled) units. Implementations are immutable and serializable;
 * the per-column work is O(m n) to reduce y to n-vectors plus an n-dimensional solve, so a mask of
 * observed entries can be added by reducing over the observed rows only.
 */
public interface OutOfSampleRule extends Serializable {

  /** Length m of the columns this rule accepts. */
  int dimension();

  /** Number n of coefficients it returns. */
  int rank();

  /** Coefficients (length n, nonnegative) of one column y (length m). */
  double[] coefficients(double[] y);

  /** Coefficients (n x N) of every column of y. */
  default DenseMatrix coefficients(DataMatrix y) {
    requireDimension(y.rows());
    DenseMatrix x = new DenseMatrix(rank(), y.cols());
    int n = rank();
    double[] xd = x.data();
    int count = y.cols();
    double[] column = new double[y.rows()];
    for (int j = 0; j < count; j++) {
      FitInterruptedException.checkInterrupted("the out-of-sample rule (" + describe() + ")");
      y.column(j, column);
      double[] coefficients = coefficients(column);
      for (int r = 0; r < n; r++) {
        xd[r * count + j] = coefficients[r];
      }
    }
    return x;
  }

  /** A short description for toString() of the models. */
  String describe();

  /** Throws unless columns of length {@code length} fit this rule. */
  default void requireDimension(int length) {
    if (length != dimension()) {
      throw new IllegalArgumentException("cannot give coefficients to a column of length " + length
          + " with a model of dimension " + dimension());
    }
  }
}
