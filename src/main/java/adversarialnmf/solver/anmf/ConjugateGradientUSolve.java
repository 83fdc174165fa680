package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.solver.FitInterruptedException;

/** Q⁻¹ R3 by matrix-free conjugate gradients, warm-started from the previous U. */
final class ConjugateGradientUSolve implements USolve.Unconstrained {

  /** Relative residual at which the solve stops. */
  static final double TOLERANCE = 1e-12;
  /** Cap on steps; in exact arithmetic N steps suffice. */
  static final int MAX_ITERATIONS = 500;

  private final DenseMatrix residual;
  private final DenseMatrix direction;
  private final DenseMatrix image;
  private DenseMatrix mxn;

  ConjugateGradientUSolve(int count, int rank) {
    residual = new DenseMatrix(count, rank);
    direction = new DenseMatrix(count, rank);
    image = new DenseMatrix(count, rank);
  }

  @Override
  public int solve(USubproblem p, DenseMatrix u) {
    if (mxn == null) {
      mxn = new DenseMatrix(p.rows(), p.rank());
    }
    // residual R = R3 − Q U
    applyQ(p, u, image);
    double[] res = residual.data();
    double[] rd = p.r3.data();
    double[] img = image.data();
    for (int i = 0; i < res.length; i++) {
      res[i] = rd[i] - img[i];
    }
    double target2 = TOLERANCE * TOLERANCE * Math.max(MatrixOps.squaredNorm(p.r3), Double.MIN_NORMAL);
    direction.assign(residual);
    double rr = MatrixOps.squaredNorm(residual);
    double[] dir = direction.data();
    double[] ud = u.data();
    int steps = 0;
    while (rr > target2 && steps < MAX_ITERATIONS) {
      FitInterruptedException.checkInterrupted("ANMF's ADMM U update (conjugate gradients)");
      applyQ(p, direction, image);
      double step = rr / MatrixOps.dot(direction, image);
      for (int i = 0; i < ud.length; i++) {
        ud[i] += step * dir[i];
        res[i] -= step * img[i];
      }
      double next = MatrixOps.squaredNorm(residual);
      double ratio = next / rr;
      for (int i = 0; i < dir.length; i++) {
        dir[i] = res[i] + ratio * dir[i];
      }
      rr = next;
      steps++;
    }
    return steps;
  }

  private void applyQ(USubproblem p, DenseMatrix v, DenseMatrix out) {
    MatrixOps.multiply(p.d, v, mxn);
    p.applyQGivenDv(v, mxn, out);
  }
}
