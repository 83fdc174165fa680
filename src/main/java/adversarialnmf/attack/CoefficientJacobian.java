package adversarialnmf.attack;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.solver.NonnegativeProjection;
import adversarialnmf.solver.OrthogonalOutOfSampleRule;
import adversarialnmf.solver.OutOfSampleRule;
import adversarialnmf.solver.anmf.AnmfColumnRule;
import java.io.Serializable;

/**
 * The Jacobian of an out-of-sample rule h(u) at a solution, for the attack's gradient
 * (docs/ATTACK.md §4). Every rule here solves, on its support P = {r : h_r > 0}, a linear system
 * C_PP h_P = (Kᵀu)_P + c (c free of u), so that locally ∂h_P/∂u = C_PP⁻¹ K_Pᵀ and ∂h_r/∂u = 0 off
 * P (strict complementarity). Exact for nonnegative least squares onto a basis B (C = BᵀB, K = B:
 * NMF, L2,1-NMF, capped NMF, projection onto Ã) and for the orthogonal rule (C = M = AᵀYXᵀ, K =
 * A). For ANMF's rule the attacker's quartic term (weight γ) is left out: C = αÃᵀÃ + βAᵀA,
 * K = αÃ + βA, a surrogate. Other rules (Kullback-Leibler) get least squares onto their basis, a
 * surrogate too.
 */
public final class CoefficientJacobian implements Serializable {

  private static final long serialVersionUID = 6402517725317330158L;

  private final DenseMatrix curvature; // C, n x n
  private final DenseMatrix cross; // K, m x n
  private final boolean exact;

  private CoefficientJacobian(DenseMatrix curvature, DenseMatrix cross, boolean exact) {
    this.curvature = curvature;
    this.cross = cross;
    this.exact = exact;
  }

  /** The Jacobian of {@code rule}; {@code basis} (A) serves rules of other kinds. */
  public static CoefficientJacobian of(OutOfSampleRule rule, DenseMatrix basis) {
    if (rule instanceof NonnegativeProjection) {
      DenseMatrix b = ((NonnegativeProjection) rule).basis();
      return new CoefficientJacobian(MatrixOps.gramOfColumns(b), b, true);
    }
    if (rule instanceof OrthogonalOutOfSampleRule) {
      OrthogonalOutOfSampleRule orthogonal = (OrthogonalOutOfSampleRule) rule;
      return new CoefficientJacobian(orthogonal.curvature(), orthogonal.basis(), true);
    }
    if (rule instanceof AnmfColumnRule) {
      AnmfColumnRule anmf = (AnmfColumnRule) rule;
      DenseMatrix a = anmf.basis();
      DenseMatrix adversarial = anmf.adversarialBasis();
      DenseMatrix c = MatrixOps.gramOfColumns(adversarial);
      MatrixOps.scale(c, anmf.alpha());
      MatrixOps.addScaled(c, anmf.beta(), MatrixOps.gramOfColumns(a));
      DenseMatrix k = adversarial.copy();
      MatrixOps.scale(k, anmf.alpha());
      MatrixOps.addScaled(k, anmf.beta(), a);
      return new CoefficientJacobian(c, k, false);
    }
    return new CoefficientJacobian(MatrixOps.gramOfColumns(basis), basis.copy(), false);
  }

  /** True if this is the rule's own Jacobian, false for a surrogate (docs/ATTACK.md §4). */
  public boolean exact() {
    return exact;
  }

  /**
   * Jᵀg at the solution h (length n): the gradient over u of gᵀh(u), K_P C_PP⁻ᵀ g_P (length m); zero
   * if h has no support or C_PP is singular there.
   */
  public double[] transposeTimes(double[] h, double[] g) {
    int n = h.length;
    int[] support = new int[n];
    int p = 0;
    for (int r = 0; r < n; r++) {
      if (h[r] > 0.0) {
        support[p++] = r;
      }
    }
    double[] out = new double[cross.rows()];
    if (p == 0) {
      return out;
    }
    // solve C_PPᵀ w = g_P by Gaussian elimination with partial pivoting (C_PP is p x p, p ≤ n)
    double[][] system = new double[p][p + 1];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        system[i][j] = curvature.get(support[j], support[i]);
      }
      system[i][p] = g[support[i]];
    }
    double[] w = solve(system);
    if (w == null) {
      return out;
    }
    double[] k = cross.data();
    for (int i = 0; i < out.length; i++) {
      double sum = 0.0;
      for (int j = 0; j < p; j++) {
        sum += k[i * n + support[j]] * w[j];
      }
      out[i] = sum;
    }
    return out;
  }

  /** The solution of the augmented system [S | b], or null if S is singular. */
  private static double[] solve(double[][] system) {
    int p = system.length;
    for (int col = 0; col < p; col++) {
      int pivot = col;
      for (int row = col + 1; row < p; row++) {
        if (Math.abs(system[row][col]) > Math.abs(system[pivot][col])) {
          pivot = row;
        }
      }
      if (system[pivot][col] == 0.0) {
        return null;
      }
      double[] swap = system[col];
      system[col] = system[pivot];
      system[pivot] = swap;
      for (int row = col + 1; row < p; row++) {
        double factor = system[row][col] / system[col][col];
        for (int j = col; j <= p; j++) {
          system[row][j] -= factor * system[col][j];
        }
      }
    }
    double[] x = new double[p];
    for (int row = p - 1; row >= 0; row--) {
      double sum = system[row][p];
      for (int j = row + 1; j < p; j++) {
        sum -= system[row][j] * x[j];
      }
      x[row] = sum / system[row][row];
    }
    return x;
  }
}
