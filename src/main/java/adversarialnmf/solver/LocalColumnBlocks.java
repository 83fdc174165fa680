package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.SparseData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Column blocks held in this JVM: one block is the single-machine solver; several are the
 * distributed solver run in place, which the tests use to check the block form against the
 * one-block run without a cluster. Statistics are combined block by block, left to right.
 */
public final class LocalColumnBlocks implements ColumnBlocks {

  private final int rows;
  private final int columns;
  private final List<DataMatrix> data;
  private final List<BlockState> states;

  private LocalColumnBlocks(List<DataMatrix> data, List<BlockState> states) {
    this.data = data;
    this.states = states;
    this.rows = data.get(0).rows();
    int count = 0;
    for (DataMatrix y : data) {
      count += y.cols();
    }
    this.columns = count;
  }

  /** Y and X0 as one block (Y held, not copied: steps never write their inputs). */
  public static LocalColumnBlocks single(DataMatrix y, DenseMatrix x0) {
    requireColumns(y, x0);
    List<DataMatrix> data = new ArrayList<>();
    data.add(y);
    List<BlockState> states = new ArrayList<>();
    states.add(BlockState.of(x0.transpose()));
    return new LocalColumnBlocks(data, states);
  }

  /** Y and X0 cut into {@code blocks} contiguous column ranges of (nearly) equal width. */
  public static LocalColumnBlocks split(DataMatrix y, DenseMatrix x0, int blocks) {
    requireColumns(y, x0);
    if (blocks < 1 || blocks > y.cols()) {
      throw new IllegalArgumentException("cannot cut " + y.cols() + " instances into " + blocks + " blocks");
    }
    List<DataMatrix> data = new ArrayList<>();
    List<BlockState> states = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      int from = (int) ((long) y.cols() * b / blocks);
      int to = (int) ((long) y.cols() * (b + 1) / blocks);
      data.add(columnRange(y, from, to));
      states.add(BlockState.of(columnRange(x0, from, to).transpose()));
    }
    return new LocalColumnBlocks(data, states);
  }

  private static void requireColumns(DataMatrix y, DenseMatrix x0) {
    if (y.cols() != x0.cols() || y.cols() == 0) {
      throw new IllegalArgumentException("data with " + y.cols() + " instances and coefficients "
          + x0.shape() + " do not form column blocks");
    }
    if (!y.missing().isEmpty()) {
      throw new IllegalArgumentException("the block form fits complete data only; " + y.missing().count()
          + " values are missing (impute them first, -missing mean)");
    }
  }

  /** Columns [from, to) of Y, in Y's own storage (sparse stays sparse). */
  static DataMatrix columnRange(DataMatrix y, int from, int to) {
    if (y instanceof SparseData) {
      SparseData s = (SparseData) y;
      int[] starts = s.columnStarts();
      int first = starts[from];
      int[] colStart = new int[to - from + 1];
      for (int j = from; j <= to; j++) {
        colStart[j - from] = starts[j] - first;
      }
      return new SparseData(y.rows(), to - from, colStart,
          Arrays.copyOfRange(s.rowIndices(), first, starts[to]),
          Arrays.copyOfRange(s.storedValues(), first, starts[to]));
    }
    if (y instanceof DenseData) {
      return new DenseData(columnRange(((DenseData) y).matrix(), from, to));
    }
    throw new IllegalArgumentException("cannot cut a " + y.getClass().getSimpleName() + " into column blocks");
  }

  private static DenseMatrix columnRange(DenseMatrix x, int from, int to) {
    int width = to - from;
    DenseMatrix out = new DenseMatrix(x.rows(), width);
    for (int r = 0; r < x.rows(); r++) {
      System.arraycopy(x.data(), r * x.cols() + from, out.data(), r * width, width);
    }
    return out;
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int columns() {
    return columns;
  }

  @Override
  public BlockStatistics update(BlockStep step) {
    BlockStatistics total = null;
    for (int b = 0; b < data.size(); b++) {
      Result result = step.apply(data.get(b), states.get(b));
      states.set(b, result.state());
      total = total == null ? result.statistics() : total.combine(result.statistics());
    }
    return total;
  }

  @Override
  public BlockStatistics aggregate(BlockQuery query) {
    BlockStatistics total = null;
    for (int b = 0; b < data.size(); b++) {
      BlockStatistics part = query.apply(data.get(b), states.get(b));
      total = total == null ? part : total.combine(part);
    }
    return total;
  }

  @Override
  public double[] columnValues(ColumnValues query) {
    List<double[]> parts = new ArrayList<>();
    for (int b = 0; b < data.size(); b++) {
      parts.add(query.apply(data.get(b), states.get(b)));
    }
    return ColumnBlocks.concatenate(parts);
  }

  @Override
  public DenseMatrix coefficients() {
    List<DenseMatrix> parts = new ArrayList<>();
    for (BlockState state : states) {
      parts.add(state.xt());
    }
    return ColumnBlocks.coefficientsOf(parts);
  }
}
