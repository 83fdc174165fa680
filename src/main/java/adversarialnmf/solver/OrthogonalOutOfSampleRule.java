package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * The out-of-sample rule of orthogonal NMF (and of capped NMF with orthogonal coefficients): the
 * fixed point of the fit's own X rule x ← x ∘ sqrt(Aᵀy / (M x)), M = AᵀY Xᵀ (n x n, from the training
 * data and coefficients, held fixed like A). Its limits from a positive start are the solutions of
 * the linear complementarity problem x ≥ 0, w = Mx − Aᵀy ≥ 0, x ∘ w = 0 (the rule's KKT conditions;
 * M is the Lagrangian's curvature AᵀA + Λ of Ding et al.), solved by projected Gauss-Seidel ({@link NonnegativeQuadratic#solveComplementarity}),
 * which converges for the nearly symmetric positive definite M of a fit (M ≈ AᵀA when X Xᵀ ≈ I and
 * Y ≈ AX). docs/ALGORITHM.md §7.
 */
public final class OrthogonalOutOfSampleRule implements OutOfSampleRule {

  private static final long serialVersionUID = -5093390154238104216L;

  private final DenseMatrix basis;
  private final DenseMatrix curvature;
  /** AᵀA: a column with missing entries uses M − AᵀA + A_OᵀA_O (its data term over the observed rows). */
  private final DenseMatrix gram;

  /** The rule of the fit (A, X) of y. */
  public static OrthogonalOutOfSampleRule of(DataMatrix y, DenseMatrix basis, DenseMatrix coefficients) {
    DenseMatrix yXt = new DenseMatrix(y.rows(), basis.cols());
    y.times(coefficients.transpose(), yXt);
    return ofProducts(basis, yXt);
  }

  /** The rule from Y Xᵀ of the fit (m x n; a sum over column blocks). */
  static OrthogonalOutOfSampleRule ofProducts(DenseMatrix basis, DenseMatrix yXt) {
    return new OrthogonalOutOfSampleRule(basis, MatrixOps.multiplyTransposeA(basis, yXt));
  }

  OrthogonalOutOfSampleRule(DenseMatrix basis, DenseMatrix curvature) {
    this.basis = basis.copy();
    this.curvature = curvature.copy();
    this.gram = MatrixOps.gramOfColumns(basis);
  }

  @Override
  public int dimension() {
    return basis.rows();
  }

  @Override
  public int rank() {
    return basis.cols();
  }

  @Override
  public String describe() {
    return "fixed point of the orthogonal X rule (Aᵀy = AᵀY Xᵀ x on the support)";
  }

  /** The basis A (m x n), copy. */
  public DenseMatrix basis() {
    return basis.copy();
  }

  /** M = AᵀY Xᵀ, copy. */
  public DenseMatrix curvature() {
    return curvature.copy();
  }

  @Override
  public double[] coefficients(double[] y) {
    requireDimension(y.length);
    double[] x = new double[rank()];
    int[] missing = OutOfSampleRule.missingRows(y);
    double[] m = curvature.data();
    if (missing.length > 0) {
      // M = AᵀA + Λ: the column's data term AᵀA runs over its observed rows, Λ stays the fit's
      m = m.clone();
      double[] observed = gram.data().clone();
      MatrixOps.subtractRowProducts(observed, basis, basis, missing);
      double[] full = gram.data();
      for (int i = 0; i < m.length; i++) {
        m[i] += observed[i] - full[i];
      }
    }
    NonnegativeQuadratic.solveComplementarity(m,
        MatrixOps.transposeTimesVector(basis, OutOfSampleRule.observedPart(y, missing)), x);
    return x;
  }
}
