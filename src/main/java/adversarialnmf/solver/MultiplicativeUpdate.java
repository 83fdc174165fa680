package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * The multiplicative half-update that MU, the column-loss methods, Kullback-Leibler NMF and GNMF share:
 * W ← W ∘ N / D, entrywise, for a factor W ≥ 0 and the positive and negative parts N, D of the
 * gradient of the loss in W (Lee &amp; Seung 2001). For a Frobenius fit T ≈ W Hᵀ, N = T H and
 * D = W HᵀH ({@link #frobeniusStep}); A is the case (T, H) = (Y, Xᵀ) and Xᵀ the case (Yᵀ, A), so
 * methods hold X transposed (N x n) and one kernel serves both factors. Masked fits and KL pass
 * their own D to {@link #apply}; GNMF adds its graph terms to N and, as a correction, to D.
 */
public final class MultiplicativeUpdate {

  /** Guards the divisions; small against any real entry of the denominators. */
  public static final double DENOMINATOR_FLOOR = 1e-12;

  private MultiplicativeUpdate() {
  }

  /**
   * W ← W ∘ C / (W G) for G = HᵀH (n x n) and C = T H (rows x n); {@code product} receives W G.
   * Cannot increase ½‖T − W Hᵀ‖².
   */
  public static void frobeniusStep(DenseMatrix w, DenseMatrix gram, DenseMatrix cross, DenseMatrix product) {
    frobeniusStep(w, gram, cross, product, NO_CORRECTION);
  }

  /**
   * As {@link #frobeniusStep(DenseMatrix, DenseMatrix, DenseMatrix, DenseMatrix)} with W G
   * corrected before the division: a masked fit takes out the model at the missing entries
   * ({@link MaskedModel}), which leaves the step a descent step of the masked loss.
   */
  public static void frobeniusStep(DenseMatrix w, DenseMatrix gram, DenseMatrix cross, DenseMatrix product,
      DenominatorCorrection correction) {
    MatrixOps.multiply(w, gram, product);
    correction.correct(product);
    apply(w, cross, product);
  }

  /** Changes the denominator W G in place before a Frobenius step. */
  public interface DenominatorCorrection {
    void correct(DenseMatrix product);
  }

  /** The unmasked step: W G as it is. */
  public static final DenominatorCorrection NO_CORRECTION = product -> {
  };

  /** W ← W ∘ numerator / max(denominator, floor), entrywise; all three of one shape. */
  public static void apply(DenseMatrix w, DenseMatrix numerator, DenseMatrix denominator) {
    w.requireSameShape(numerator);
    w.requireSameShape(denominator);
    double[] wd = w.data();
    double[] num = numerator.data();
    double[] den = denominator.data();
    for (int i = 0; i < wd.length; i++) {
      wd[i] *= num[i] / Math.max(den[i], DENOMINATOR_FLOOR);
    }
  }

  /** W ← W ∘ numerator / max(d_r, floor) with one denominator d_r for each column r of W. */
  public static void apply(DenseMatrix w, DenseMatrix numerator, double[] columnDenominators) {
    w.requireSameShape(numerator);
    int n = w.cols();
    if (columnDenominators.length != n) {
      throw new IllegalArgumentException(columnDenominators.length + " column denominators for "
          + w.shape());
    }
    double[] wd = w.data();
    double[] num = numerator.data();
    for (int i = 0; i < wd.length; i += n) {
      for (int r = 0; r < n; r++) {
        wd[i + r] *= num[i + r] / Math.max(columnDenominators[r], DENOMINATOR_FLOOR);
      }
    }
  }
}
