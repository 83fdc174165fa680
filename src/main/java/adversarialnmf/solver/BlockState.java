package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import java.io.Serializable;

/**
 * What one column block keeps between the steps of a fit: its columns of X, held transposed as
 * Xᵀ_b (N_b x n, one row per instance: the layout of Y_bᵀ A and of the shared kernels), and, for the
 * methods that need them, the gradient of X at X (the ANMF gradient solver's line search) and a
 * weight per instance (the reweighted column-loss methods). A state is never modified after it
 * is made (a retried step must see the same input); steps return new states.
 */
public final class BlockState implements Serializable {

  private static final long serialVersionUID = -6618244262604853394L;

  private final DenseMatrix xt;
  private final DenseMatrix gradient;
  private final double[] weights;
  private final DenseMatrix target;

  private BlockState(DenseMatrix xt, DenseMatrix gradient, double[] weights, DenseMatrix target) {
    this.xt = xt;
    this.gradient = gradient;
    this.weights = weights;
    this.target = target;
  }

  /** A block whose only state is its coefficients Xᵀ_b (held, not copied). */
  public static BlockState of(DenseMatrix xt) {
    return new BlockState(xt, null, null, null);
  }

  /** Xᵀ_b, N_b x n (the matrix itself: read it, never write it). */
  public DenseMatrix xt() {
    return xt;
  }

  /** ∇_X of the objective at X_b (n x N_b), or null. */
  public DenseMatrix gradient() {
    return gradient;
  }

  /** The instances' weights, or null. */
  public double[] weights() {
    return weights;
  }

  /** The block's columns Z_b of an explicit attacker target (m x N_b, ANMF), or null. */
  public DenseMatrix target() {
    return target;
  }

  /** N_b, the block's instances. */
  public int columns() {
    return xt.rows();
  }

  public BlockState withXt(DenseMatrix newXt) {
    return new BlockState(newXt, gradient, weights, target);
  }

  public BlockState withGradient(DenseMatrix newGradient) {
    return new BlockState(xt, newGradient, weights, target);
  }

  public BlockState withWeights(double[] newWeights) {
    return new BlockState(xt, gradient, newWeights, target);
  }

  public BlockState withTarget(DenseMatrix newTarget) {
    return new BlockState(xt, gradient, weights, newTarget);
  }
}
