package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MissingValues;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.solver.ColumnBlocks;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FitInterruptedException;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.HalsNmf;
import adversarialnmf.solver.MaskedModel;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.solver.WorkingSet;
import java.util.Arrays;

/**
 * Adversarial NMF, model (9), by block-coordinate descent on (A, Ã, X) directly, without any
 * m x N auxiliary (docs/ALGORITHM.md, "A scalable solver without m×N auxiliaries"). A and Ã are
 * each a nonnegative quadratic block whose Hessian is one n x n matrix shared by all rows, so one
 * exact coordinate sweep ({@link HalsNmf#sweep}) updates each; X (quartic through the penalty)
 * takes one projected-gradient step with Armijo backtracking. Every block step is accepted only
 * if it does not raise (9), so the objective trace is non-increasing. Y enters only through Y B
 * and Yᵀ B for n-column B (a sparse Y stays sparse, O(nnz·n)); the shift target Z = Y + t·1 is
 * never formed. Memory O((m + N) n). Like the ADMM's split (15), Ã is kept nonnegative, so the
 * two solvers minimise the same problem. The named trace {@link #X_STEP} holds the accepted step
 * length of X per iteration (0: no decrease found, X kept; entry 0 is NaN). Its own settings
 * ({@link GradientSettings}) are the start's rescaling and the X step's backtracking; the stopping
 * rule is the relative change of (9).
 */
public final class AnmfGradientSolver extends AbstractAnmfSolver {

  /** The accepted projected-gradient step length of X in each iteration. */
  public static final String X_STEP = "X step";

  private final GradientSettings settings;

  public AnmfGradientSolver(AnmfModel model, GradientSettings settings, AttackerTarget target,
      StoppingRule stopping) {
    super(model, target, stopping);
    if (settings == null) {
      throw new IllegalArgumentException("ANMF's gradient solver needs its settings (got null)");
    }
    this.settings = settings;
    if (model.unitNormBases()) {
      throw new IllegalArgumentException("ANMF's gradient solver has no unit-norm form of its A and \u00c3 "
          + "sweeps; use the ADMM for unit-norm bases, or drop them");
    }
  }

  public GradientSettings settings() {
    return settings;
  }

  @Override
  public String describe() {
    return "ANMF (block-coordinate gradient: exact sweeps on A and Ã, Armijo projected gradient on X; alpha="
        + model.alpha() + " beta=" + model.beta() + " gamma=" + model.gamma() + " lambda="
        + model.lambda() + "; " + target.describe() + ")";
  }

  @Override
  protected String divergenceHint() {
    return "scale the data down (e.g. divide by its maximum) or lower gamma (now " + model.gamma() + ")";
  }

  @Override
  public boolean fitsMissingEntries() {
    return true;
  }

  @Override
  protected long workspaceBytes(DataMatrix y, int rank) {
    long missing = y.missing().count();
    // a masked fit also holds the mean-imputed copy of Y for the target, and the model at missing entries
    long imputed = missing == 0 ? 0 : y.isSparse() ? WorkingSet.doubles(2 * (y.storedEntries() + missing))
        : WorkingSet.doubles((long) y.rows() * y.cols());
    return workspaceBytes(y.rows(), y.cols(), rank) + imputed + WorkingSet.doubles(2 * missing);
  }

  /**
   * No m x N auxiliary: about twenty factor-sized matrices (X, its trial and gradient, products) and
   * ten more for the temporaries of the objective evaluations.
   */
  public static long workspaceBytes(int m, int count, int rank) {
    return WorkingSet.doubles(30L * ((long) m + count) * rank);
  }

  @Override
  protected Run start(DataMatrix y, Factors start) {
    return startRun(y, start);
  }

  @Override
  protected BlockIteration startBlocks(ColumnBlocks blocks, DenseMatrix startBasis) {
    return new AnmfGradientBlockIteration(model, settings, target, stopping.maxIterations(), blocks, startBasis);
  }

  @Override
  public boolean hasBlockForm() {
    return target.hasColumnBlockForm();
  }

  /** The per-fit state, typed for the gradient tests of this package. */
  GradientRun startRun(DataMatrix y, Factors start) {
    target.requireShapeOf(y);
    return new GradientRun(y, start);
  }

  final class GradientRun extends Run {
    private final DataMatrix y;
    /** Y with its missing entries imputed by attribute means: the data the target Z is built on. */
    private final DataMatrix complete;
    /** The models at the missing entries (null if Y is complete) and the masked blocks' workspaces. */
    private final MaskedModel maskedClean;
    private final MaskedModel maskedAttacked;
    private final DenseMatrix completeXt;
    private final DenseMatrix added;
    private final DenseMatrix rowHessian;
    private final DenseMatrix correction;
    private final AnmfObjective objective;
    private final GradientAlgebra algebra = new GradientAlgebra(model);
    private final double alpha = model.alpha();
    private final double beta = model.beta();
    private final double gamma = model.gamma();
    private final double lambda = model.lambda();
    private final DenseMatrix a;
    private final DenseMatrix adversarial;
    private DenseMatrix x;
    private DenseMatrix trialX;
    private final DenseMatrix gradientX;
    private final DenseMatrix xt;
    private final DenseMatrix yXt;
    private final DenseMatrix zXt;
    /** Φ = Ã P − λA − Z Xᵀ, and scratch for the right-hand sides of the A and Ã blocks. */
    private final DenseMatrix phi;
    private final DenseMatrix rhs;
    private final DenseMatrix gramX;
    /** P = λI + X Xᵀ. */
    private final DenseMatrix p;
    /** The n x n matrix of the block being updated: the Hessian of A's or Ã's, X's gradient operator. */
    private final DenseMatrix hessian;
    private final DenseMatrix crossPhi;
    private final DenseMatrix gramA;
    private final DenseMatrix gramAdversarial;
    private final DenseMatrix ytB;
    private final DenseMatrix ztPhi;
    private final double[] steps;
    /** The next trial step of X (NaN: none yet, start from the curvature estimate). */
    private double step = Double.NaN;
    private double acceptedStep;
    private double value;
    private int iteration;

    GradientRun(DataMatrix y, Factors start) {
      this.y = y;
      int m = y.rows();
      int n = start.rank();
      int count = y.cols();
      this.complete = MissingValues.imputeAttributeMeans(y);
      this.maskedClean = MaskedModel.of(y);
      this.maskedAttacked = MaskedModel.of(y);
      boolean masked = maskedClean != null;
      this.completeXt = masked ? new DenseMatrix(m, n) : null;
      this.added = masked ? new DenseMatrix(n, n) : null;
      this.rowHessian = masked ? new DenseMatrix(n, n) : null;
      this.correction = masked ? new DenseMatrix(count, n) : null;
      this.objective = new AnmfObjective(y, complete, target, model, n);
      this.a = start.basis().copy();
      this.adversarial = start.basis().copy();
      this.x = start.coefficients().copy();
      if (settings.rescaleStart()) {
        AdmmState.rescaleCoefficients(complete, a, x); // the ADMM's start, so that both begin at one point
      }
      this.trialX = new DenseMatrix(n, count);
      this.gradientX = new DenseMatrix(n, count);
      this.xt = new DenseMatrix(count, n);
      this.yXt = new DenseMatrix(m, n);
      this.zXt = new DenseMatrix(m, n);
      this.phi = new DenseMatrix(m, n);
      this.rhs = new DenseMatrix(m, n);
      this.gramX = new DenseMatrix(n, n);
      this.p = new DenseMatrix(n, n);
      this.hessian = new DenseMatrix(n, n);
      this.crossPhi = new DenseMatrix(n, n);
      this.gramA = new DenseMatrix(n, n);
      this.gramAdversarial = new DenseMatrix(n, n);
      this.ytB = new DenseMatrix(count, n);
      this.ztPhi = new DenseMatrix(count, n);
      this.steps = new double[stopping.maxIterations() + 1];
      steps[0] = Double.NaN;
      refreshProductsOfX();
      this.value = objective.evaluate(a, adversarial, x);
    }

    /** Xᵀ, Y Xᵀ, Z Xᵀ, X Xᵀ and P = λI + X Xᵀ for the current X. */
    private void refreshProductsOfX() {
      MatrixOps.transpose(x, xt);
      y.times(xt, yXt);
      if (completeXt == null) {
        target.timesGivenDataProduct(yXt, xt, zXt);
      } else {
        complete.times(xt, completeXt);
        target.timesGivenDataProduct(completeXt, xt, zXt);
      }
      MatrixOps.gramOfRows(x, gramX);
      p.assign(gramX);
      MatrixOps.addToDiagonal(p, lambda);
    }

    @Override
    protected void iterate() {
      updateBasis();
      updateAdversarialBasis();
      FitInterruptedException.checkInterrupted("ANMF's gradient iteration");
      updateCoefficients();
      refreshProductsOfX();
      iteration++;
      steps[iteration] = acceptedStep;
    }

    /**
     * A block: ½∇ = A(βG + γλ²I) − (βYXᵀ + γλ(ÃP − ZXᵀ)), G = XXᵀ; Hessian rows share βG + γλ²I
     * (positive definite as λ, γ > 0).
     */
    private void updateBasis() {
      prepareBasisBlock();
      if (maskedClean == null) {
        HalsNmf.sweep(a, hessian, rhs);
      } else { // row i: β G_i + γλ²I, G_i over the instances observed in attribute i
        java.util.Arrays.fill(added.data(), 0.0);
        MatrixOps.addToDiagonal(added, gamma * lambda * lambda);
        HalsNmf.maskedSweep(a, rhs, maskedClean.missing(), true, xt, gramX, beta, added, hessian, rowHessian);
      }
    }

    /** hessian, rhs = the A block's βG + γλ²I and βYXᵀ + γλ(ÃP − ZXᵀ). */
    private void prepareBasisBlock() {
      algebra.basisBlock(adversarial, p, yXt, zXt, gramX, hessian, rhs);
    }

    /** Ã block: ½∇ = Ã(αG + γP²) − (αYXᵀ + γ(λA + ZXᵀ)P); αG + γP² ⪰ γλ²I. */
    private void updateAdversarialBasis() {
      prepareAdversarialBlock();
      if (maskedClean == null) {
        HalsNmf.sweep(adversarial, hessian, rhs);
      } else { // row i: α G_i + γP²
        MatrixOps.multiply(p, p, added);
        MatrixOps.scale(added, gamma);
        HalsNmf.maskedSweep(adversarial, rhs, maskedClean.missing(), true, xt, gramX, alpha, added, hessian,
            rowHessian);
      }
    }

    /** hessian, rhs = the Ã block's αG + γP² and αYXᵀ + γ(λA + ZXᵀ)P. */
    private void prepareAdversarialBlock() {
      algebra.adversarialBlock(a, p, yXt, zXt, gramX, phi, hessian, rhs);
    }

    /**
     * X block: ½∇ = (αÃᵀÃ + βAᵀA + γ(ÃᵀΦ + ΦᵀÃ)) X − (Yᵀ(αÃ + βA) + γ ZᵀΦ)ᵀ, then
     * X ← max(0, X − s∇) with s halved until (9) falls by at least 1% of the linear prediction.
     */
    private void updateCoefficients() {
      prepareCoefficientGradient();
      double current = objective.evaluate(a, adversarial, x);
      if (Double.isNaN(step)) {
        // first trial: the inverse of (an upper bound on) the curvature of the quadratic part
        step = 1.0 / (2.0 * Math.max(Math.sqrt(MatrixOps.squaredNorm(hessian)), Double.MIN_NORMAL));
      } else {
        step *= 2.0;
      }
      for (int attempt = 0; attempt <= settings.maxBacktracks(); attempt++) {
        FitInterruptedException.checkInterrupted("ANMF's gradient X step (backtracking)");
        double predicted = GradientAlgebra.projectedStep(x, gradientX, step, trialX);
        if (predicted == 0.0) {
          break; // the projected gradient vanishes: X is stationary, nothing to gain
        }
        double trialValue = objective.evaluate(a, adversarial, trialX);
        if (trialValue <= current + settings.sufficientDecrease() * predicted) {
          DenseMatrix accepted = trialX;
          trialX = x;
          x = accepted;
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

    /** gradientX = ∇_X (9) at the current A, Ã, X (hessian holds its n x n matrix afterwards). */
    private void prepareCoefficientGradient() {
      // rhs is free scratch here: it takes αÃ + βA
      algebra.coefficientOperator(a, adversarial, p, zXt, phi, gramA, gramAdversarial, crossPhi, hessian, rhs);
      DenseMatrix observedOnly = null;
      if (maskedClean != null) {
        // the fits count only observed entries: take α Ãᵀ C̃ + β Aᵀ C (the model on missing entries) out
        maskedAttacked.evaluate(adversarial, xt);
        maskedClean.evaluate(a, xt);
        java.util.Arrays.fill(correction.data(), 0.0);
        maskedAttacked.maskCoefficientProduct(-alpha, adversarial, correction);
        maskedClean.maskCoefficientProduct(-beta, a, correction);
        observedOnly = correction;
      }
      algebra.gradient(y, complete, target, x, hessian, rhs, phi, ytB, ztPhi, observedOnly, gradientX);
    }

    /**
     * The gradients of (9) in A, Ã and X at the current iterate, from the same block matrices the
     * updates use (for the finite-difference tests); {@code factors} receives A, Ã, X.
     */
    void gradients(DenseMatrix gradientA, DenseMatrix gradientAdversarial, DenseMatrix gradientOfX,
        DenseMatrix[] factors) {
      prepareBasisBlock();
      blockGradient(a, gradientA, beta, maskedClean);
      prepareAdversarialBlock();
      blockGradient(adversarial, gradientAdversarial, alpha, maskedAttacked);
      prepareCoefficientGradient();
      gradientOfX.assign(gradientX);
      factors[0] = a.copy();
      factors[1] = adversarial.copy();
      factors[2] = x.copy();
    }

    /**
     * out = 2 (W hessian − rhs), the gradient of a quadratic block W whose fit term has weight
     * {@code weight}; with missing entries less 2 weight C Xᵀ, C = (1 − M) ∘ (W X).
     */
    private void blockGradient(DenseMatrix w, DenseMatrix out, double weight, MaskedModel masked) {
      MatrixOps.multiply(w, hessian, out);
      MatrixOps.scale(out, 2.0);
      MatrixOps.addScaled(out, -2.0, rhs);
      if (masked != null) {
        DenseMatrix missingPart = new DenseMatrix(out.rows(), out.cols());
        masked.evaluate(w, xt);
        masked.maskBasisProduct(xt, missingPart); // − C Xᵀ
        MatrixOps.addScaled(out, 2.0 * weight, missingPart);
      }
    }

    @Override
    protected double objective() {
      return value;
    }

    @Override
    protected boolean isFinite() {
      return a.isFinite() && adversarial.isFinite() && x.isFinite();
    }

    @Override
    protected void finish(Factorization.Builder result, int iterations) {
      result.factors(a, x).adversarialBasis(adversarial).trace(X_STEP, Arrays.copyOf(steps, iterations + 1));
    }
  }
}
