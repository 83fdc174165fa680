package adversarialnmf.spark;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.solver.BlockState;
import adversarialnmf.solver.BlockStatistics;
import java.io.Serializable;

/**
 * One element of the job's RDD: a column block of Y (a contiguous range of instances starting at
 * {@code offset}), the block's state, and the statistics its last step returned (read by the
 * reduction of that step, then superseded).
 */
final class SparkBlock implements Serializable {

  private static final long serialVersionUID = -2412096006385133374L;

  final long offset;
  final DataMatrix y;
  final BlockState state;
  final BlockStatistics statistics;

  SparkBlock(long offset, DataMatrix y, BlockState state, BlockStatistics statistics) {
    this.offset = offset;
    this.y = y;
    this.state = state;
    this.statistics = statistics;
  }

  SparkBlock withState(BlockState next, BlockStatistics stepStatistics) {
    return new SparkBlock(offset, y, next, stepStatistics);
  }
}
