package adversarialnmf.spark;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.BlockStatistics;
import adversarialnmf.solver.ColumnBlocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The job's blocks, logging every pass over them (number, seconds) at debug level. */
final class ProgressLog implements ColumnBlocks {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);

  private final ColumnBlocks blocks;
  private final long started = System.nanoTime();
  private int passes;

  ProgressLog(ColumnBlocks blocks) {
    this.blocks = blocks;
  }

  private <T> T logged(String kind, T value, long begin) {
    passes++;
    long now = System.nanoTime();
    LOG.debug("adversarialNMF: pass {} ({}) {} s, {} s since the start", passes, kind,
        String.format("%.3f", (now - begin) / 1e9), String.format("%.1f", (now - started) / 1e9));
    return value;
  }

  @Override
  public int rows() {
    return blocks.rows();
  }

  @Override
  public int columns() {
    return blocks.columns();
  }

  @Override
  public BlockStatistics update(BlockStep step) {
    long begin = System.nanoTime();
    return logged("update", blocks.update(step), begin);
  }

  @Override
  public BlockStatistics aggregate(BlockQuery query) {
    long begin = System.nanoTime();
    return logged("query", blocks.aggregate(query), begin);
  }

  @Override
  public double[] columnValues(ColumnValues query) {
    long begin = System.nanoTime();
    return logged("gather", blocks.columnValues(query), begin);
  }

  @Override
  public DenseMatrix coefficients() {
    return blocks.coefficients();
  }
}
