package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * The algebra of one iteration of {@link AnmfGradientSolver}, written once for the single-machine
 * run and its column-block form: the A and Ã blocks (n x n Hessians and m x n right-hand sides
 * from Y Xᵀ, Z Xᵀ and X Xᵀ), the X gradient's operator, the gradient of a set of columns, and the
 * projected trial step.
 */
final class GradientAlgebra implements java.io.Serializable {

  private static final long serialVersionUID = 3049816354127718561L;

  private final double alpha;
  private final double beta;
  private final double gamma;
  private final double lambda;

  GradientAlgebra(AnmfModel model) {
    this.alpha = model.alpha();
    this.beta = model.beta();
    this.gamma = model.gamma();
    this.lambda = model.lambda();
  }

  /** hessian, rhs = the A block's βG + γλ²I and βYXᵀ + γλ(ÃP − ZXᵀ) (G = X Xᵀ, P = λI + G). */
  void basisBlock(DenseMatrix adversarial, DenseMatrix p, DenseMatrix yXt, DenseMatrix zXt, DenseMatrix gramX,
      DenseMatrix hessian, DenseMatrix rhs) {
    MatrixOps.multiply(adversarial, p, rhs);
    double[] r = rhs.data();
    double[] yx = yXt.data();
    double[] zx = zXt.data();
    for (int i = 0; i < r.length; i++) {
      r[i] = beta * yx[i] + gamma * lambda * (r[i] - zx[i]);
    }
    hessian.assign(gramX);
    MatrixOps.scale(hessian, beta);
    MatrixOps.addToDiagonal(hessian, gamma * lambda * lambda);
  }

  /** hessian, rhs = the Ã block's αG + γP² and αYXᵀ + γ(λA + ZXᵀ)P; {@code scratch} is m x n. */
  void adversarialBlock(DenseMatrix a, DenseMatrix p, DenseMatrix yXt, DenseMatrix zXt, DenseMatrix gramX,
      DenseMatrix scratch, DenseMatrix hessian, DenseMatrix rhs) {
    double[] t = scratch.data();
    double[] ad = a.data();
    double[] zx = zXt.data();
    for (int i = 0; i < t.length; i++) {
      t[i] = lambda * ad[i] + zx[i];
    }
    MatrixOps.multiply(scratch, p, rhs);
    double[] r = rhs.data();
    double[] yx = yXt.data();
    for (int i = 0; i < r.length; i++) {
      r[i] = gamma * r[i] + alpha * yx[i];
    }
    MatrixOps.multiply(p, p, hessian);
    MatrixOps.scale(hessian, gamma);
    MatrixOps.addScaled(hessian, alpha, gramX);
  }

  /**
   * The X gradient's operator at the current A, Ã: Φ = ÃP − λA − ZXᵀ, the n x n matrix
   * αÃᵀÃ + βAᵀA + γ(ÃᵀΦ + ΦᵀÃ) into {@code hessian}, and αÃ + βA into {@code combinedBasis}.
   */
  void coefficientOperator(DenseMatrix a, DenseMatrix adversarial, DenseMatrix p, DenseMatrix zXt,
      DenseMatrix phi, DenseMatrix gramA, DenseMatrix gramAdversarial, DenseMatrix crossPhi, DenseMatrix hessian,
      DenseMatrix combinedBasis) {
    int n = a.cols();
    MatrixOps.multiply(adversarial, p, phi);
    double[] ph = phi.data();
    double[] ad = a.data();
    double[] zx = zXt.data();
    for (int i = 0; i < ph.length; i++) {
      ph[i] -= lambda * ad[i] + zx[i];
    }
    MatrixOps.gramOfColumns(a, gramA);
    MatrixOps.gramOfColumns(adversarial, gramAdversarial);
    MatrixOps.multiplyTransposeA(adversarial, phi, crossPhi);
    double[] h = hessian.data();
    double[] ga = gramA.data();
    double[] gt = gramAdversarial.data();
    double[] cp = crossPhi.data();
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        h[r * n + c] = alpha * gt[r * n + c] + beta * ga[r * n + c] + gamma * (cp[r * n + c] + cp[c * n + r]);
      }
    }
    double[] rb = combinedBasis.data();
    double[] td = adversarial.data();
    for (int i = 0; i < rb.length; i++) {
      rb[i] = alpha * td[i] + beta * ad[i];
    }
  }

  /**
   * ∇_X (9) for the columns of X in {@code x} (n x N_b) with their data y (m x N_b) and the data
   * the target is made of ({@code targetData}: y, or its imputed copy for a masked fit):
   * 2 (hessian X − C − (Yᵀ(αÃ + βA))ᵀ − γ (ZᵀΦ)ᵀ), C (N_b x n, transposed) the correction of a
   * masked fit or null; ytB and ztPhi are N_b x n workspaces.
   */
  void gradient(DataMatrix y, DataMatrix targetData, AttackerTarget target, DenseMatrix x, DenseMatrix hessian,
      DenseMatrix combinedBasis, DenseMatrix phi, DenseMatrix ytB, DenseMatrix ztPhi, DenseMatrix correction,
      DenseMatrix out) {
    int n = x.rows();
    int count = x.cols();
    y.transposeTimes(combinedBasis, ytB);
    target.transposeTimes(targetData, phi, ztPhi);
    MatrixOps.multiply(hessian, x, out);
    double[] gx = out.data();
    double[] yb = ytB.data();
    double[] zp = ztPhi.data();
    double[] cd = correction == null ? null : correction.data();
    for (int r = 0; r < n; r++) {
      int base = r * count;
      for (int j = 0; j < count; j++) {
        double g = cd == null ? gx[base + j] : gx[base + j] - cd[j * n + r];
        gx[base + j] = 2.0 * (g - yb[j * n + r] - gamma * zp[j * n + r]);
      }
    }
  }

  /** trial = max(0, X − s ∇); returns the linear prediction ⟨∇, trial − X⟩. */
  static double projectedStep(DenseMatrix x, DenseMatrix gradient, double s, DenseMatrix trial) {
    double[] xd = x.data();
    double[] gx = gradient.data();
    double[] td = trial.data();
    double predicted = 0.0;
    for (int i = 0; i < xd.length; i++) {
      double v = xd[i] - s * gx[i];
      td[i] = v > 0.0 ? v : 0.0;
      predicted += gx[i] * (td[i] - xd[i]);
    }
    return predicted;
  }
}
