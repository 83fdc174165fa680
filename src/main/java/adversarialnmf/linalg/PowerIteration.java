package adversarialnmf.linalg;

import java.util.Arrays;

/**
 * The largest squared singular value ‖D‖₂² of a rows x cols matrix by power iteration on DᵀD,
 * warm-started from the previous call's vector: a solver that needs a step size for a slowly
 * changing D every iteration runs a few steps each time. The estimate is a Rayleigh quotient, so
 * it never exceeds the true value; callers that need an upper bound add a margin.
 */
public final class PowerIteration {

  private final DenseMatrix vector;
  private final DenseMatrix image;
  private boolean warm;

  /** Workspaces for matrices of shape rows x cols. */
  public PowerIteration(int rows, int cols) {
    this.vector = new DenseMatrix(cols, 1);
    this.image = new DenseMatrix(rows, 1);
  }

  /**
   * ‖D‖₂² estimated with {@code firstSteps} steps from a flat start on the first call and
   * {@code warmSteps} from the last vector afterwards (each step one D v and one Dᵀ w).
   */
  public double squaredSpectralNorm(DenseMatrix d, int firstSteps, int warmSteps) {
    if (d.rows() != image.rows() || d.cols() != vector.rows()) {
      throw new IllegalArgumentException("power iteration set up for " + image.rows() + "x" + vector.rows()
          + ", matrix is " + d.shape());
    }
    double[] v = vector.data();
    int steps = warm ? warmSteps : firstSteps;
    if (!warm) {
      Arrays.fill(v, 1.0 / Math.sqrt(Math.max(1, v.length)));
      warm = true;
    }
    double estimate = 0.0;
    for (int s = 0; s < steps; s++) {
      MatrixOps.multiply(d, vector, image);
      estimate = MatrixOps.squaredNorm(image); // ‖Dv‖² with ‖v‖ = 1
      MatrixOps.multiplyTransposeA(d, image, vector);
      double norm = Math.sqrt(MatrixOps.squaredNorm(vector));
      if (norm == 0.0) {
        // v is in the null space (or D = 0): restart flat next time
        warm = false;
        return estimate;
      }
      MatrixOps.scale(vector, 1.0 / norm);
    }
    return estimate;
  }
}
