package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * The driver's state of a block-form solver of ‖Y − AX‖²: A and AᵀA on the driver, the sums
 * Y Xᵀ and X Xᵀ over the blocks, and the objective from them; subclasses say how one iteration
 * updates the blocks' X and then A.
 */
abstract class FrobeniusBlockIteration implements IterativeSolver.BlockIteration {

  protected final ColumnBlocks blocks;
  private final double yNorm2;
  protected final DenseMatrix a;
  protected final DenseMatrix gramA;
  protected DenseMatrix yXt;
  protected DenseMatrix gramX;

  FrobeniusBlockIteration(ColumnBlocks blocks, DenseMatrix startBasis) {
    this.blocks = blocks;
    this.yNorm2 = blocks.aggregate(BlockProducts.squaredNorm()).sum(0);
    this.a = startBasis.copy();
    int n = a.cols();
    this.gramA = new DenseMatrix(n, n);
    keep(blocks.aggregate((y, state) -> BlockProducts.productsOfX(y, state.xt())));
    MatrixOps.gramOfColumns(a, gramA);
  }

  /** Takes the blocks' sums Y Xᵀ and X Xᵀ of the new X. */
  protected final void keep(BlockStatistics products) {
    yXt = products.matrix(0);
    gramX = products.matrix(1);
  }

  @Override
  public double objective() {
    return Residuals.squaredResidual(yNorm2, yXt, a, gramA, gramX);
  }

  @Override
  public boolean isFinite() {
    return a.isFinite() && yXt.isFinite() && gramX.isFinite();
  }
}
