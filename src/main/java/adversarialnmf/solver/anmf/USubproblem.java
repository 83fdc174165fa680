package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * The U sub-problem of one ADMM iteration, min_{U ≥ 0} ½⟨U, QU⟩ − ⟨R3, U⟩ with
 * Q = 2γDᵀD + μI (N x N, never formed), D = H − Z (m x N) and R3 (N x n); what every
 * {@link USolve} works on. D and R3 are filled by {@link AdmmState#updateU} each iteration.
 */
final class USubproblem {

  /** D = H − Z. */
  final DenseMatrix d;
  /** R3 = 2γλ Dᵀ(A − Ã) + μXᵀ + M5. */
  final DenseMatrix r3;
  final double twoGamma;
  double mu;

  USubproblem(int m, int count, int rank, double gamma) {
    this.d = new DenseMatrix(m, count);
    this.r3 = new DenseMatrix(count, rank);
    this.twoGamma = 2.0 * gamma;
  }

  int rows() {
    return d.rows();
  }

  int count() {
    return d.cols();
  }

  int rank() {
    return r3.cols();
  }

  /** out = Q V = μ V + 2γ Dᵀ (D V), given D V. */
  void applyQGivenDv(DenseMatrix v, DenseMatrix dv, DenseMatrix out) {
    MatrixOps.multiplyTransposeA(d, dv, out);
    double[] od = out.data();
    double[] vd = v.data();
    for (int i = 0; i < od.length; i++) {
      od[i] = twoGamma * od[i] + mu * vd[i];
    }
  }

  /** ½⟨V, QV⟩ − ⟨R3, V⟩ = ½(μ‖V‖² + 2γ‖DV‖²) − ⟨R3, V⟩, given D V. */
  double value(DenseMatrix v, DenseMatrix dv) {
    return 0.5 * (mu * MatrixOps.squaredNorm(v) + twoGamma * MatrixOps.squaredNorm(dv)) - MatrixOps.dot(r3, v);
  }
}
