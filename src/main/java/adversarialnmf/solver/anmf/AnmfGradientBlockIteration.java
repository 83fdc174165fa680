package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.solver.BlockProducts;
import adversarialnmf.solver.BlockState;
import adversarialnmf.solver.BlockStatistics;
import adversarialnmf.solver.ColumnBlocks;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FitInterruptedException;
import adversarialnmf.solver.HalsNmf;
import adversarialnmf.solver.IterativeSolver;
import java.util.Arrays;

/**
 * {@link AnmfGradientSolver} in block form, for the shift target Z = Y + t·1 or a column-wise one
 * (each block keeps its Z_b and adds Z_b Xᵀ_b to its statistics). The A and Ã sweeps
 * need only Y Xᵀ, Z Xᵀ and X Xᵀ, sums over blocks; X's gradient and line search are per block.
 * One iteration is one pass plus one per backtracking step: the pass sends A, Ã's combination
 * αÃ + βA, Φ = ÃP − λA − ZXᵀ (m x n each) and the n x n Hessian; each block commits the step its
 * X_b was last given, computes its gradient G_b, keeps it, and returns the products of the trial
 * X_b − s G_b (projected) that the Armijo test needs: Y_b Xᵀ_b (m x n), two n x n Grams, X_b's
 * row sums and the block's share of the predicted decrease. The ADMM is not distributed: its
 * m x N auxiliaries (docs/SCALE.md).
 */
final class AnmfGradientBlockIteration implements IterativeSolver.BlockIteration {

  /** Layout of the statistics of one X: matrices Y Xᵀ, X Xᵀ (two kernels), sums X 1 then the rest. */
  private static final int DATA_PRODUCT = 0;
  private static final int GRAM = 1;
  private static final int OBJECTIVE_GRAM = 2;
  /** Z_b Xᵀ_b, for a column-wise target (the blocks keep Z_b). */
  private static final int TARGET_PRODUCT = 3;

  private final ColumnBlocks blocks;
  private final AttackerTarget target;
  /** True if the blocks keep Z_b (a column-wise target), false for the shift. */
  private final boolean blocksKeepTarget;
  private final AnmfModel model;
  private final GradientSettings settings;
  private final GradientAlgebra algebra;
  private final double lambda;
  private final double yNorm2;
  private final DenseMatrix a;
  private final DenseMatrix adversarial;
  private final DenseMatrix zXt;
  private final DenseMatrix phi;
  private final DenseMatrix rhs;
  private final DenseMatrix p;
  private final DenseMatrix hessian;
  private final DenseMatrix crossPhi;
  private final DenseMatrix gramA;
  private final DenseMatrix gramAdversarial;
  private final double[] steps;
  /** The products of the current X (the statistics of its last pass). */
  private BlockStatistics products;
  private double step = Double.NaN;
  /** The step the blocks have yet to commit to their X (0: none). */
  private double pendingStep;
  private double acceptedStep;
  private double value;
  private int iteration;

  AnmfGradientBlockIteration(AnmfModel model, GradientSettings settings, AttackerTarget target, int maxIterations,
      ColumnBlocks blocks, DenseMatrix startBasis) {
    AttackerTarget.ColumnMap columnMap = target.columnMap();
    if (!target.hasColumnBlockForm() && columnMap == null) {
      throw new IllegalArgumentException("ANMF on column blocks needs the shift target (Remark 1a) or a target made"
          + " instance by instance (AttackerTarget.columnWise); " + target.describe() + " would have to be cut into"
          + " blocks beside Y");
    }
    this.blocks = blocks;
    this.target = target;
    this.blocksKeepTarget = columnMap != null;
    if (blocksKeepTarget) {
      blocks.update((y, state) -> new ColumnBlocks.Result(state.withTarget(columnMap.apply(y)),
          BlockStatistics.ofSums()));
    }
    this.model = model;
    this.settings = settings;
    this.algebra = new GradientAlgebra(model);
    this.lambda = model.lambda();
    int m = startBasis.rows();
    int n = startBasis.cols();
    this.yNorm2 = blocks.aggregate(BlockProducts.squaredNorm()).sum(0);
    this.a = startBasis.copy();
    this.adversarial = startBasis.copy();
    this.zXt = new DenseMatrix(m, n);
    this.phi = new DenseMatrix(m, n);
    this.rhs = new DenseMatrix(m, n);
    this.p = new DenseMatrix(n, n);
    this.hessian = new DenseMatrix(n, n);
    this.crossPhi = new DenseMatrix(n, n);
    this.gramA = new DenseMatrix(n, n);
    this.gramAdversarial = new DenseMatrix(n, n);
    this.steps = new double[maxIterations + 1];
    steps[0] = Double.NaN;
    keepProducts(blocks.aggregate((y, state) -> productsOf(y, state.target(), state.xt().transpose(), 0.0)));
    if (settings.rescaleStart()) {
      rescaleCoefficients();
    }
    this.value = objectiveOf(products);
  }

  /** X0 scaled by ⟨A0X0, Y⟩ / ‖A0X0‖², as {@link AdmmState#rescaleCoefficients} does on one machine. */
  private void rescaleCoefficients() {
    double inner = MatrixOps.dot(a, products.matrix(DATA_PRODUCT));
    double norm2 = MatrixOps.dot(MatrixOps.gramOfColumns(a), products.matrix(GRAM));
    double s = inner / norm2;
    if (s > 0.0 && Double.isFinite(s)) {
      blocks.update((y, state) -> {
        DenseMatrix xt = state.xt().copy();
        MatrixOps.scale(xt, s);
        return new ColumnBlocks.Result(state.withXt(xt), BlockStatistics.ofSums());
      });
      keepProducts(blocks.aggregate((y, state) -> productsOf(y, state.target(), state.xt().transpose(), 0.0)));
    }
  }

  /**
   * The statistics of X_b (n x N_b): Y_b Xᵀ_b, X_b X_bᵀ by both Gram kernels the single-machine
   * solver uses, then sums: the row sums of X_b (for Z Xᵀ) and {@code predicted}.
   */
  private static BlockStatistics productsOf(DataMatrix y, DenseMatrix zb, DenseMatrix x, double predicted) {
    int n = x.rows();
    DenseMatrix xt = x.transpose();
    DenseMatrix yXt = new DenseMatrix(y.rows(), n);
    y.times(xt, yXt);
    DenseMatrix gram = new DenseMatrix(n, n);
    MatrixOps.gramOfRows(x, gram);
    DenseMatrix objectiveGram = new DenseMatrix(n, n);
    MatrixOps.multiplyTransposeB(x, x, objectiveGram);
    double[] sums = Arrays.copyOf(AttackerTarget.columnSums(xt), n + 1);
    sums[n] = predicted;
    if (zb == null) {
      return new BlockStatistics(new DenseMatrix[] {yXt, gram, objectiveGram}, sums, new double[0]);
    }
    DenseMatrix zXt = new DenseMatrix(y.rows(), n);
    MatrixOps.multiply(zb, xt, zXt);
    return new BlockStatistics(new DenseMatrix[] {yXt, gram, objectiveGram, zXt}, sums, new double[0]);
  }

  /** Makes {@code statistics} the current X's products: Z Xᵀ and P = λI + X Xᵀ follow. */
  private void keepProducts(BlockStatistics statistics) {
    products = statistics;
    targetProduct(statistics, zXt);
    p.assign(statistics.matrix(GRAM));
    MatrixOps.addToDiagonal(p, lambda);
  }

  /** out = Z Xᵀ of the X whose statistics are given: summed by the blocks, or from Y Xᵀ for the shift. */
  private void targetProduct(BlockStatistics statistics, DenseMatrix out) {
    if (blocksKeepTarget) {
      out.assign(statistics.matrix(TARGET_PRODUCT));
    } else {
      target.timesGivenDataProduct(statistics.matrix(DATA_PRODUCT), columnSums(statistics), out);
    }
  }

  private double[] columnSums(BlockStatistics statistics) {
    double[] sums = new double[a.cols()];
    for (int r = 0; r < sums.length; r++) {
      sums[r] = statistics.sum(r);
    }
    return sums;
  }

  /** Objective (9) at the current A, Ã and the X whose products are given. */
  private double objectiveOf(BlockStatistics xProducts) {
    DenseMatrix trialZXt = new DenseMatrix(a.rows(), a.cols());
    targetProduct(xProducts, trialZXt);
    return AnmfObjective.fromProducts(model, yNorm2, xProducts.matrix(DATA_PRODUCT), trialZXt,
        xProducts.matrix(OBJECTIVE_GRAM), a, adversarial);
  }

  @Override
  public void iterate() {
    updateBasis();
    updateAdversarialBasis();
    FitInterruptedException.checkInterrupted("ANMF's gradient iteration");
    updateCoefficients();
    iteration++;
    steps[iteration] = acceptedStep;
  }

  /** A block: Hessian βG + γλ²I, right-hand side βYXᵀ + γλ(ÃP − ZXᵀ); one exact sweep. */
  private void updateBasis() {
    algebra.basisBlock(adversarial, p, products.matrix(DATA_PRODUCT), zXt, products.matrix(GRAM), hessian, rhs);
    HalsNmf.sweep(a, hessian, rhs);
  }

  /** Ã block: Hessian αG + γP², right-hand side αYXᵀ + γ(λA + ZXᵀ)P; one exact sweep. */
  private void updateAdversarialBasis() {
    algebra.adversarialBlock(a, p, products.matrix(DATA_PRODUCT), zXt, products.matrix(GRAM), phi, hessian, rhs);
    HalsNmf.sweep(adversarial, hessian, rhs);
  }

  /**
   * X block: the gradient (αÃᵀÃ + βAᵀA + γ(ÃᵀΦ + ΦᵀÃ)) X − (Yᵀ(αÃ + βA) + γ ZᵀΦ)ᵀ, times 2, per
   * block; then X ← max(0, X − s∇) with s halved until (9) falls by at least 1% of the linear
   * prediction, each trial one pass.
   */
  private void updateCoefficients() {
    int n = a.cols();
    algebra.coefficientOperator(a, adversarial, p, zXt, phi, gramA, gramAdversarial, crossPhi, hessian, rhs);
    double current = objectiveOf(products);
    if (Double.isNaN(step)) {
      // first trial: the inverse of (an upper bound on) the curvature of the quadratic part
      step = 1.0 / (2.0 * Math.max(Math.sqrt(MatrixOps.squaredNorm(hessian)), Double.MIN_NORMAL));
    } else {
      step *= 2.0;
    }
    BlockStatistics trial = blocks.update(gradientStep(pendingStep, rhs.copy(), phi.copy(), hessian.copy(),
        target, algebra, step));
    pendingStep = 0.0;
    for (int attempt = 0; attempt <= settings.maxBacktracks(); attempt++) {
      FitInterruptedException.checkInterrupted("ANMF's line search on X");
      if (attempt > 0) {
        double s = step;
        trial = blocks.aggregate((y, state) -> trialProducts(y, state, s));
      }
      double predicted = trial.sum(n);
      if (predicted == 0.0) {
        break; // the projected gradient vanishes: X is stationary, nothing to gain
      }
      double trialValue = objectiveOf(trial);
      if (trialValue <= current + settings.sufficientDecrease() * predicted) {
        keepProducts(trial);
        pendingStep = step;
        value = trialValue;
        acceptedStep = step;
        return;
      }
      step *= 0.5;
    }
    value = current;
    acceptedStep = 0.0;
    step = Double.NaN;
  }

  /**
   * Commits the block's pending step (if any), computes and keeps its gradient at the new X_b,
   * and returns the products of the first trial step.
   */
  private static ColumnBlocks.BlockStep gradientStep(double pending, DenseMatrix combinedBasis, DenseMatrix phi,
      DenseMatrix hessian, AttackerTarget target, GradientAlgebra algebra, double trialStep) {
    return (y, state) -> {
      DenseMatrix x = pending > 0.0 ? projectedStep(state.xt().transpose(), state.gradient(), pending)
          : state.xt().transpose();
      int n = x.rows();
      int count = x.cols();
      DenseMatrix gradient = new DenseMatrix(n, count);
      AttackerTarget blockTarget = state.target() != null ? AttackerTarget.explicit(state.target()) : target;
      algebra.gradient(y, y, blockTarget, x, hessian, combinedBasis, phi, new DenseMatrix(count, n),
          new DenseMatrix(count, n), null, gradient);
      BlockState next = state.withXt(x.transpose()).withGradient(gradient);
      return new ColumnBlocks.Result(next, trialProducts(y, next, trialStep));
    };
  }

  /** max(0, X_b − s G_b) (a new n x N_b matrix). */
  private static DenseMatrix projectedStep(DenseMatrix x, DenseMatrix gradient, double s) {
    DenseMatrix out = new DenseMatrix(x.rows(), x.cols());
    GradientAlgebra.projectedStep(x, gradient, s, out);
    return out;
  }

  /** The products of the trial max(0, X_b − s G_b) and the block's Σ G ∘ (trial − X). */
  private static BlockStatistics trialProducts(DataMatrix y, BlockState state, double s) {
    DenseMatrix x = state.xt().transpose();
    DenseMatrix trial = new DenseMatrix(x.rows(), x.cols());
    double predicted = GradientAlgebra.projectedStep(x, state.gradient(), s, trial);
    return productsOf(y, state.target(), trial, predicted);
  }

  @Override
  public double objective() {
    return value;
  }

  @Override
  public boolean isFinite() {
    return a.isFinite() && adversarial.isFinite() && products.matrix(GRAM).isFinite();
  }

  @Override
  public void finish(Factorization.Builder result, int iterations) {
    if (pendingStep > 0.0) {
      double s = pendingStep;
      blocks.update((y, state) -> new ColumnBlocks.Result(
          state.withXt(projectedStep(state.xt().transpose(), state.gradient(), s).transpose()),
          BlockStatistics.ofSums()));
      pendingStep = 0.0;
    }
    result.factors(a, blocks.coefficients()).adversarialBasis(adversarial)
        .trace(AnmfGradientSolver.X_STEP, Arrays.copyOf(steps, iterations + 1));
  }
}
