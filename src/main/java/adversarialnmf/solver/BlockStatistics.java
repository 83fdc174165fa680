package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import java.io.Serializable;

/**
 * The partial sums one column block contributes to an iteration: matrices (n x n and m x n, e.g.
 * X_b X_bᵀ and Y_b X_bᵀ) and scalars added over blocks, and scalars combined by their maximum.
 * {@link #combine} is associative and commutative, so any grouping (Spark's tree reduction) gives
 * the same sums up to the order of rounding. Small by design: O(m n + n²) numbers, never O(N).
 */
public final class BlockStatistics implements Serializable {

  private static final long serialVersionUID = 4458310962012315872L;

  private static final double[] NONE = new double[0];

  private final DenseMatrix[] matrices;
  private final double[] sums;
  private final double[] maxima;

  /** Takes ownership of the arrays and matrices. */
  public BlockStatistics(DenseMatrix[] matrices, double[] sums, double[] maxima) {
    this.matrices = matrices;
    this.sums = sums;
    this.maxima = maxima;
  }

  /** Matrices only. */
  public static BlockStatistics ofMatrices(DenseMatrix... matrices) {
    return new BlockStatistics(matrices, NONE, NONE);
  }

  /** Summed scalars only. */
  public static BlockStatistics ofSums(double... sums) {
    return new BlockStatistics(new DenseMatrix[0], sums, NONE);
  }

  /**
   * Adds {@code other} into this one and returns this (the partial sums are fresh values made by
   * one step, so reusing the left operand saves a copy per combination).
   */
  public BlockStatistics combine(BlockStatistics other) {
    if (other.matrices.length != matrices.length || other.sums.length != sums.length
        || other.maxima.length != maxima.length) {
      throw new IllegalArgumentException("block statistics of different layouts cannot be combined");
    }
    for (int i = 0; i < matrices.length; i++) {
      MatrixOps.addScaled(matrices[i], 1.0, other.matrices[i]);
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i] += other.sums[i];
    }
    for (int i = 0; i < maxima.length; i++) {
      maxima[i] = Math.max(maxima[i], other.maxima[i]);
    }
    return this;
  }

  /** Summed matrix i (the matrix itself). */
  public DenseMatrix matrix(int i) {
    return matrices[i];
  }

  /** Summed scalar i. */
  public double sum(int i) {
    return sums[i];
  }

  /** Largest value of scalar i over the blocks. */
  public double max(int i) {
    return maxima[i];
  }

  /** Bytes of numbers this value carries (what one block sends per combination). */
  public long payloadBytes() {
    long count = (long) sums.length + maxima.length;
    for (DenseMatrix m : matrices) {
      count += (long) m.rows() * m.cols();
    }
    return 8L * count;
  }
}
