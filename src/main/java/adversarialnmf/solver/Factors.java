package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;

/** A pair of factors A (m x n, the basis) and X (n x N, the coefficients): a start or a result. */
public final class Factors {

  private final DenseMatrix basis;
  private final DenseMatrix coefficients;

  public Factors(DenseMatrix basis, DenseMatrix coefficients) {
    if (basis.cols() != coefficients.rows()) {
      throw new IllegalArgumentException("basis " + basis.shape() + " and coefficients "
          + coefficients.shape() + " disagree on the rank");
    }
    this.basis = basis;
    this.coefficients = coefficients;
  }

  /** A, the m x n basis (the matrix itself). */
  public DenseMatrix basis() {
    return basis;
  }

  /** X, the n x N coefficients (the matrix itself). */
  public DenseMatrix coefficients() {
    return coefficients;
  }

  public int rank() {
    return basis.cols();
  }

  public Factors copy() {
    return new Factors(basis.copy(), coefficients.copy());
  }
}
