package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import java.io.Serializable;

/**
 * What one column block keeps between the steps of a fit: its columns of X (n x N_b) and, for the
 * methods that need them, the gradient of X at X (the ANMF gradient solver's line search) and a
 * weight per instance (the reweighted column-loss methods). A state is never modified after it
 * is made (a retried step must see the same input); steps return new states.
 */
public final class BlockState implements Serializable {

  private static final long serialVersionUID = -6618244262604853394L;

  private final DenseMatrix x;
  private final DenseMatrix gradient;
  private final double[] weights;

  private BlockState(DenseMatrix x, DenseMatrix gradient, double[] weights) {
    this.x = x;
    this.gradient = gradient;
    this.weights = weights;
  }

  /** A block whose only state is its coefficients (held, not copied). */
  public static BlockState of(DenseMatrix x) {
    return new BlockState(x, null, null);
  }

  /** The block's columns of X (the matrix itself: read it, never write it). */
  public DenseMatrix x() {
    return x;
  }

  /** ∇_X of the objective at {@link #x()}, or null. */
  public DenseMatrix gradient() {
    return gradient;
  }

  /** The instances' weights, or null. */
  public double[] weights() {
    return weights;
  }

  public int columns() {
    return x.cols();
  }

  public BlockState withX(DenseMatrix newX) {
    return new BlockState(newX, gradient, weights);
  }

  public BlockState withGradient(DenseMatrix newGradient) {
    return new BlockState(x, newGradient, weights);
  }

  public BlockState withWeights(double[] newWeights) {
    return new BlockState(x, gradient, newWeights);
  }
}
