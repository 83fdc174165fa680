package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.Cholesky;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * Q⁻¹ R3 by a Cholesky factor of the Gram matrix of the smaller side of D: (2γDᵀD + μI_N) when
 * N ≤ m, else Woodbury on the m x m side, Q⁻¹ = (I − Dᵀ(μ/2γ I_m + DDᵀ)⁻¹D) / μ.
 */
final class GramUSolve implements USolve.Unconstrained {

  private DenseMatrix gram;
  private Cholesky cholesky;
  private DenseMatrix mxn;

  @Override
  public int solve(USubproblem p, DenseMatrix u) {
    int m = p.rows();
    int count = p.count();
    int side = Math.min(m, count);
    if (gram == null) {
      gram = new DenseMatrix(side, side);
      cholesky = new Cholesky(side);
      mxn = new DenseMatrix(m, p.rank());
    }
    if (count <= m) {
      MatrixOps.gramOfColumns(p.d, gram);
      MatrixOps.scale(gram, p.twoGamma);
      MatrixOps.addToDiagonal(gram, p.mu);
      cholesky.factor(gram);
      u.assign(p.r3);
      cholesky.solveInPlace(u);
    } else {
      MatrixOps.gramOfRows(p.d, gram);
      MatrixOps.addToDiagonal(gram, p.mu / p.twoGamma);
      cholesky.factor(gram);
      MatrixOps.multiply(p.d, p.r3, mxn);
      cholesky.solveInPlace(mxn);
      MatrixOps.multiplyTransposeA(p.d, mxn, u);
      double[] ud = u.data();
      double[] rd = p.r3.data();
      for (int i = 0; i < ud.length; i++) {
        ud[i] = (rd[i] - ud[i]) / p.mu;
      }
    }
    return 0;
  }
}
