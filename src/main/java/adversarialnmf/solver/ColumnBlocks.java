package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import java.io.Serializable;
import java.util.List;

/**
 * Y cut into column blocks (contiguous ranges of instances), each block living with its own
 * {@link BlockState} (its columns of X and what a method keeps per instance), wherever the blocks
 * live: in this JVM ({@link LocalColumnBlocks}) or on a cluster (the Spark job's RDD of blocks).
 * A block-form solver touches the data only through {@link #update} and {@link #aggregate}: a step
 * that needs one block's columns of Y plus small factors sent along with the step, and partial
 * sums of n x n and m x n matrices that {@link BlockStatistics#combine} adds up. Everything else
 * of an iteration is a small update on those sums. With one block this is the single-machine
 * solver; with many it is the distributed one, and the two differ only in the order of the sums.
 */
public interface ColumnBlocks {

  /** m, the attributes (rows of Y). */
  int rows();

  /** N, the instances (columns of Y) over all blocks. */
  int columns();

  /**
   * Runs {@code step} on every block, keeps the states it returns and combines their statistics.
   * A step may be run more than once on the same block (a retried task) and must then give the
   * same result: it never modifies the state it is given.
   */
  BlockStatistics update(BlockStep step);

  /** The combined statistics of a read-only query on every block. */
  BlockStatistics aggregate(BlockQuery query);

  /** Per-instance values computed block by block, in column order (N values). */
  double[] columnValues(ColumnValues query);

  /** X (n x N), gathered from the blocks in column order. */
  DenseMatrix coefficients();

  /** The blocks' per-instance values one after the other, in list order. */
  static double[] concatenate(List<double[]> parts) {
    int count = 0;
    for (double[] part : parts) {
      count += part.length;
    }
    double[] out = new double[count];
    int offset = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }

  /** X (n x N) from the blocks' Xᵀ_b, in list order. */
  static DenseMatrix coefficientsOf(List<DenseMatrix> transposedParts) {
    int n = transposedParts.get(0).cols();
    int count = 0;
    for (DenseMatrix part : transposedParts) {
      count += part.rows();
    }
    DenseMatrix xt = new DenseMatrix(count, n);
    int offset = 0;
    for (DenseMatrix part : transposedParts) {
      System.arraycopy(part.data(), 0, xt.data(), offset, part.data().length);
      offset += part.data().length;
    }
    return xt.transpose();
  }

  /** A step on one block: the block's new state and its partial sums. */
  @FunctionalInterface
  interface BlockStep extends Serializable {
    Result apply(DataMatrix y, BlockState state);
  }

  /** What a {@link BlockStep} returns. */
  final class Result {
    private final BlockState state;
    private final BlockStatistics statistics;

    public Result(BlockState state, BlockStatistics statistics) {
      this.state = state;
      this.statistics = statistics;
    }

    public BlockState state() {
      return state;
    }

    public BlockStatistics statistics() {
      return statistics;
    }
  }

  /** A read-only query on one block. */
  @FunctionalInterface
  interface BlockQuery extends Serializable {
    BlockStatistics apply(DataMatrix y, BlockState state);
  }

  /** One value per instance of a block (length = the block's columns). */
  @FunctionalInterface
  interface ColumnValues extends Serializable {
    double[] apply(DataMatrix y, BlockState state);
  }
}
