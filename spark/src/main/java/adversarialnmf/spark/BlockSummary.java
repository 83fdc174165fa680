package adversarialnmf.spark;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;

/**
 * Y as seen through its block sums only (shape, sum, squared norm): enough for the package's
 * random start and random attacker shift, which then run unchanged on the driver, without Y.
 */
final class BlockSummary implements DataMatrix {

  private final int rows;
  private final int cols;
  private final double sum;
  private final double squaredNorm;

  BlockSummary(int rows, int cols, double sum, double squaredNorm) {
    this.rows = rows;
    this.cols = cols;
    this.sum = sum;
    this.squaredNorm = squaredNorm;
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int cols() {
    return cols;
  }

  @Override
  public double sum() {
    return sum;
  }

  @Override
  public double squaredNorm() {
    return squaredNorm;
  }

  private static UnsupportedOperationException blocksOnly() {
    return new UnsupportedOperationException("Y lives in column blocks on the executors; only its sums are here");
  }

  @Override
  public void times(DenseMatrix b, DenseMatrix out) {
    throw blocksOnly();
  }

  @Override
  public void transposeTimes(DenseMatrix b, DenseMatrix out) {
    throw blocksOnly();
  }

  @Override
  public double[] columnSquaredNorms() {
    throw blocksOnly();
  }

  @Override
  public double max() {
    throw blocksOnly();
  }

  @Override
  public long storedEntries() {
    throw blocksOnly();
  }

  @Override
  public boolean isSparse() {
    throw blocksOnly();
  }

  @Override
  public DenseMatrix toDense() {
    throw blocksOnly();
  }

  @Override
  public void column(int j, double[] out) {
    throw blocksOnly();
  }

  @Override
  public DataMatrix scaled(double s) {
    throw blocksOnly();
  }

  @Override
  public DataMatrix rescaled(double[] attributeWeights, double[] instanceDivisors, double s) {
    throw blocksOnly();
  }
}
