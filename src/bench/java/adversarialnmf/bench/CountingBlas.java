package adversarialnmf.bench;

import adversarialnmf.linalg.Blas;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.Parallelism;

/**
 * The benchmark's flop probe: a {@link Blas} that passes every call to another and counts the
 * flops it asked for (a multiply-add is 2; Gram matrices and Cholesky by their symmetric half).
 * Sparse products and elementwise loops do not go through the seam and are not counted.
 */
final class CountingBlas implements Blas {

  private final Blas delegate;
  private double flops;

  CountingBlas(Blas delegate) {
    this.delegate = delegate;
  }

  double flops() {
    return flops;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public String describe() {
    return delegate.describe() + ", counting flops";
  }

  @Override
  public void multiply(boolean transposeA, DenseMatrix a, boolean transposeB, DenseMatrix b, double s,
      boolean accumulate, DenseMatrix c, Parallelism parallelism) {
    flops += 2.0 * c.rows() * c.cols() * (transposeA ? a.rows() : a.cols());
    delegate.multiply(transposeA, a, transposeB, b, s, accumulate, c, parallelism);
  }

  @Override
  public void gram(DenseMatrix a, boolean ofColumns, DenseMatrix g, Parallelism parallelism) {
    double side = g.rows();
    flops += side * (side + 1.0) * (ofColumns ? a.rows() : a.cols());
    delegate.gram(a, ofColumns, g, parallelism);
  }

  @Override
  public void choleskyFactor(double[] k, int n) {
    flops += n * (double) n * n / 3.0;
    delegate.choleskyFactor(k, n);
  }

  @Override
  public void choleskySolve(double[] lower, int n, double[] b, int cols) {
    flops += 2.0 * n * (double) n * cols;
    delegate.choleskySolve(lower, n, b, cols);
  }

  @Override
  public void choleskySolveRows(double[] lower, int n, double[] b, int rows) {
    flops += 2.0 * n * (double) n * rows;
    delegate.choleskySolveRows(lower, n, b, rows);
  }
}
