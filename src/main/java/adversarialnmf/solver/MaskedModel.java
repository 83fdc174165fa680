package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MissingEntries;

/**
 * The model A X at the missing entries of Y, for the masked Frobenius fit
 * ‖M ∘ (Y − AX)‖² (docs/MISSING.md). Y holds 0 where it is missing, so every unmasked product of
 * Y is already the masked one; only the terms of A X differ, and they differ by the sparse
 * C = (1 − M) ∘ AX: Aᵀ(M ∘ AX) = AᵀA X − AᵀC, (M ∘ AX) Xᵀ = A XXᵀ − C Xᵀ, and the loss is the
 * unmasked Gram form minus ‖C‖². One instance per fit; O(|Ω̄| n) per evaluation.
 */
public final class MaskedModel {

  private final MissingEntries missing;
  private final double[] values;
  private double squares;

  /** The masked model of y, or null when y has no missing entry (the unmasked fit is exact). */
  public static MaskedModel of(DataMatrix y) {
    MissingEntries missing = y.missing();
    return missing.isEmpty() ? null : new MaskedModel(missing);
  }

  private MaskedModel(MissingEntries missing) {
    this.missing = missing;
    this.values = new double[missing.count()];
  }

  public MissingEntries missing() {
    return missing;
  }

  /** C at (A, Xᵀ); returns ‖C‖², the part of the unmasked ‖Y − AX‖² that lies on missing entries. */
  public double evaluate(DenseMatrix a, DenseMatrix xt) {
    squares = missing.modelValues(a, xt, values);
    return squares;
  }

  /** ‖C‖² at the last evaluation. */
  public double squares() {
    return squares;
  }

  /** Xᵀ AᵀA (N x n, in {@code product}) becomes (Aᵀ(M ∘ AX))ᵀ; C from the last evaluation. */
  public void maskCoefficientProduct(DenseMatrix a, DenseMatrix product) {
    missing.subtractTransposeProduct(values, a, product);
  }

  /** product (N x n) −= s Cᵀ A: the part of s Xᵀ AᵀA that lies on missing entries taken out. */
  public void maskCoefficientProduct(double s, DenseMatrix a, DenseMatrix product) {
    missing.subtractTransposeProduct(s, values, a, product);
  }

  /**
   * A (H Xᵀ) for H = X, or a column-weighted X as Xᵀ rows {@code weightedXt} (m x n, in
   * {@code product}), becomes (M ∘ AX) Hᵀ; C from the last evaluation.
   */
  public void maskBasisProduct(DenseMatrix weightedXt, DenseMatrix product) {
    missing.subtractProduct(values, weightedXt, product);
  }

  /** Subtracts Σ_{i missing in j} C_ij² from each unmasked column residual ‖y_j − A x_j‖². */
  public void maskColumnResiduals(double[] squaredResiduals, double[] scratch) {
    missing.columnSquares(values, scratch);
    for (int j = 0; j < squaredResiduals.length; j++) {
      double s = squaredResiduals[j] - scratch[j];
      squaredResiduals[j] = s < 0.0 ? 0.0 : s;
    }
  }
}
