package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.Parallelism;
import java.io.Serializable;

/**
 * How a fitted model gives coefficients to a column y it was not fitted on: the minimiser, over that
 * one column, of the method's own objective with the fitted factors held fixed (NNLS for the
 * Frobenius loss, the Kullback-Leibler divergence for KL, the fixed point of the orthogonal X rule,
 * model (9) with one added column for ANMF; docs/ALGORITHM.md §7). Applied to a training column it
 * gives the exact X-step for the fitted bases, so a training instance lands where the finished fit
 * put it. Data are in the fit's (scaled) units. Implementations are immutable and serializable;
 * the per-column work is O(m n) to reduce y to n-vectors plus an n-dimensional solve. A NaN entry of
 * y is missing: every rule then takes the column's terms over its observed entries only (the
 * reductions run over the observed rows), as a masked fit does.
 */
public interface OutOfSampleRule extends Serializable {

  /** Length m of the columns this rule accepts. */
  int dimension();

  /** Number n of coefficients it returns. */
  int rank();

  /** Coefficients (length n, nonnegative) of one column y (length m; NaN marks a missing entry). */
  double[] coefficients(double[] y);

  /**
   * Coefficients (n x N) of every column of y; the missing entries of y are left out. Columns are
   * independent, so they are split among the threads of the caller's {@link Parallelism} scope, each
   * column solved by one task exactly as {@link #coefficients(double[])} alone would.
   */
  default DenseMatrix coefficients(DataMatrix y) {
    requireDimension(y.rows());
    int m = y.rows();
    adversarialnmf.linalg.MissingEntries missing = y.missing();
    return solveColumns(rank(), y.cols(), (long) m * rank(), describe(), () -> {
      double[] column = new double[m];
      return j -> coefficients(columnWithMissingAsNaN(y, missing, j, column));
    });
  }

  /**
   * Column j of y into {@code column} with its {@code missing} entries (y's) NaN, the mark
   * {@link #coefficients(double[])} reads; returns {@code column}.
   */
  static double[] columnWithMissingAsNaN(DataMatrix y, adversarialnmf.linalg.MissingEntries missing, int j,
      double[] column) {
    y.column(j, column);
    if (!missing.isEmpty()) {
      for (int i : missing.rowsOfColumn(j)) {
        column[i] = Double.NaN;
      }
    }
    return column;
  }

  /**
   * The n x count matrix whose column j is {@code solver.apply(j)}, columns split among the threads of
   * the caller's {@link Parallelism} scope, each task with the solver (and workspace) it gets from
   * {@code perTask}. An interrupt reaches the calling thread's task only; it stops the other tasks
   * at their next column too.
   *
   * @param workPerColumn flops of one column, for the split
   * @param what names the rule in the interruption's message
   */
  static DenseMatrix solveColumns(int rank, int count, long workPerColumn, String what,
      java.util.function.Supplier<java.util.function.IntFunction<double[]>> perTask) {
    DenseMatrix x = new DenseMatrix(rank, count);
    double[] xd = x.data();
    java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
    Parallelism.current().forRanges(count, workPerColumn, (from, to) -> {
      java.util.function.IntFunction<double[]> solver = perTask.get();
      for (int j = from; j < to && !interrupted.get(); j++) {
        try {
          FitInterruptedException.checkInterrupted("the out-of-sample rule (" + what + ")");
        } catch (FitInterruptedException e) {
          interrupted.set(true);
          throw e;
        }
        double[] coefficients = solver.apply(j);
        for (int r = 0; r < rank; r++) {
          xd[r * count + j] = coefficients[r];
        }
      }
    });
    return x;
  }

  /** The indices of the NaN (missing) entries of y, in order. */
  static int[] missingRows(double[] y) {
    int count = 0;
    for (double v : y) {
      if (Double.isNaN(v)) {
        count++;
      }
    }
    int[] rows = new int[count];
    int k = 0;
    for (int i = 0; i < y.length && k < count; i++) {
      if (Double.isNaN(y[i])) {
        rows[k++] = i;
      }
    }
    return rows;
  }

  /** y with its missing entries set to 0, so that products with it run over the observed rows. */
  static double[] observedPart(double[] y, int[] missingRows) {
    if (missingRows.length == 0) {
      return y;
    }
    double[] out = y.clone();
    for (int i : missingRows) {
      out[i] = 0.0;
    }
    return out;
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
