package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.solver.BlockStatistics;
import adversarialnmf.solver.ColumnBlocks;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.IterativeSolver;
import adversarialnmf.solver.StoppingRule;
import java.util.LinkedHashMap;
import java.util.Map;

/** What both solvers of model (9) share: the model (its weights) and the attacker's target. */
public abstract class AbstractAnmfSolver extends IterativeSolver {

  /** Measure: ‖A − A⁰‖ / ‖A⁰‖, how far the learned basis moved from its start. */
  public static final String BASIS_MOVEMENT = "||A - A0|| / ||A0||";
  /** Measure: ‖Ã − A⁰‖ / ‖A⁰‖ (Ã starts at A⁰). */
  public static final String ADVERSARIAL_MOVEMENT = "||\u00c3 - A0|| / ||A0||";
  /** Measure: ‖Ã − A‖ / ‖A‖. */
  public static final String ADVERSARIAL_GAP = "||\u00c3 - A|| / ||A||";
  /** Measure: ‖X − X⁰‖ / ‖X⁰‖, how far the coefficients moved from their start. */
  public static final String COEFFICIENT_MOVEMENT = "||X - X0|| / ||X0||";
  /** Measure: ‖X‖ / ‖X⁰‖, the drift of the coefficients' scale (docs/ALGORITHM.md §5.1). */
  public static final String COEFFICIENT_SCALE = "||X|| / ||X0||";
  /** Measure: ‖Ã − Ã*(X)‖ / ‖Ã*(X)‖, how far Ã is from the attacker's best response (7) to X (Theorem 1). */
  public static final String BEST_RESPONSE_GAP = "||\u00c3 - \u00c3*(X)|| / ||\u00c3*(X)||";
  /** Measure: share of α‖ÃX − Y‖² in objective (9). */
  public static final String ATTACKED_FIT_SHARE = "share of alpha ||\u00c3X - Y||^2";
  /** Measure: share of β‖AX − Y‖² in objective (9). */
  public static final String CLEAN_FIT_SHARE = "share of beta ||AX - Y||^2";
  /** Measure: share of γ‖Ã(λI + XXᵀ) − λA − ZXᵀ‖² in objective (9). */
  public static final String ATTACKER_TERM_SHARE = "share of gamma ||\u00c3(lambda I + XX^T) - lambda A - ZX^T||^2";

  protected final AnmfModel model;
  protected final AttackerTarget target;

  protected AbstractAnmfSolver(AnmfModel model, AttackerTarget target, StoppingRule stopping) {
    super(stopping);
    if (model == null || target == null || stopping == null) {
      throw new IllegalArgumentException("ANMF needs a model (9), an attacker target and a stopping rule (got null)");
    }
    this.model = model;
    this.target = target;
  }

  public AnmfModel model() {
    return model;
  }

  public AttackerTarget target() {
    return target;
  }

  /**
   * Attaches model (9) over one added column as the out-of-sample rule (with φ₀ of the fit,
   * docs/ALGORITHM.md §7) and what the model learned: how far A and Ã moved from the start A⁰, how
   * far Ã is from A, and the share of each term of (9).
   */
  @Override
  protected Factorization complete(DataMatrix y, Factors start, Factorization fit) {
    AnmfObjective objective = new AnmfObjective(y, target, model, fit.rank());
    AnmfObjective.Terms terms = objective.terms(fit.basis(), fit.adversarialBasis(), fit.coefficients());
    return completed(fit, start, terms, objective.attackerResidual());
  }

  /** {@link #complete} from the blocks' sums: ‖Y‖², Y Xᵀ, X Xᵀ and X's row sums of the final X. */
  @Override
  protected Factorization completeBlocks(ColumnBlocks blocks, Factors start, Factorization fit) {
    int n = fit.rank();
    BlockStatistics sums = blocks.aggregate((y, state) -> {
      DenseMatrix xt = state.xt();
      DenseMatrix x = xt.transpose();
      DenseMatrix yXt = new DenseMatrix(y.rows(), n);
      y.times(xt, yXt);
      DenseMatrix gramX = new DenseMatrix(n, n);
      MatrixOps.multiplyTransposeB(x, x, gramX);
      double[] scalars = java.util.Arrays.copyOf(AttackerTarget.columnSums(xt), n + 1);
      scalars[n] = y.squaredNorm();
      if (state.target() == null) {
        return new BlockStatistics(new DenseMatrix[] {yXt, gramX}, scalars, new double[0]);
      }
      DenseMatrix zXt = new DenseMatrix(y.rows(), n);
      MatrixOps.multiply(state.target(), xt, zXt);
      return new BlockStatistics(new DenseMatrix[] {yXt, gramX, zXt}, scalars, new double[0]);
    });
    double[] columnSums = new double[n];
    for (int r = 0; r < n; r++) {
      columnSums[r] = sums.sum(r);
    }
    DenseMatrix a = fit.basis();
    DenseMatrix zXt = new DenseMatrix(a.rows(), n);
    if (target.columnMap() != null) { // the blocks keep Z_b
      zXt.assign(sums.matrix(2));
    } else {
      target.timesGivenDataProduct(sums.matrix(0), columnSums, zXt);
    }
    DenseMatrix phi = new DenseMatrix(a.rows(), n);
    AnmfObjective.Terms terms = AnmfObjective.termsFromProducts(model, sums.sum(n), sums.matrix(0), zXt,
        sums.matrix(1), a, fit.adversarialBasis(), phi);
    return completed(fit, start, terms, phi);
  }

  private Factorization completed(Factorization fit, Factors start, AnmfObjective.Terms terms, DenseMatrix phi) {
    DenseMatrix a = fit.basis();
    DenseMatrix adversarial = fit.adversarialBasis();
    DenseMatrix a0 = start.basis();
    DenseMatrix x0 = start.coefficients();
    if (model.unitNormBases()) { // the start the solver used: unit columns, the same A⁰X⁰
      a0 = a0.copy();
      double[] norms = AdmmState.toUnitColumns(a0, a0);
      x0 = x0.copy();
      for (int r = 0; r < x0.rows(); r++) {
        for (int c = 0; c < x0.cols(); c++) {
          x0.set(r, c, x0.get(r, c) * norms[r]);
        }
      }
    }
    double startNorm = Math.sqrt(MatrixOps.squaredNorm(a0));
    Map<String, Double> measures = new LinkedHashMap<>();
    measures.put(BASIS_MOVEMENT, Math.sqrt(MatrixOps.squaredDistance(a, a0)) / startNorm);
    measures.put(ADVERSARIAL_MOVEMENT, Math.sqrt(MatrixOps.squaredDistance(adversarial, a0)) / startNorm);
    measures.put(ADVERSARIAL_GAP, Math.sqrt(MatrixOps.squaredDistance(adversarial, a) / MatrixOps.squaredNorm(a)));
    DenseMatrix x = fit.coefficients();
    double coefficientStart = Math.sqrt(MatrixOps.squaredNorm(x0));
    measures.put(COEFFICIENT_MOVEMENT, Math.sqrt(MatrixOps.squaredDistance(x, x0)) / coefficientStart);
    measures.put(COEFFICIENT_SCALE, Math.sqrt(MatrixOps.squaredNorm(x)) / coefficientStart);
    measures.put(BEST_RESPONSE_GAP, bestResponseGap(adversarial, x, phi));
    double total = terms.total();
    measures.put(ATTACKED_FIT_SHARE, terms.attackedFit() / total);
    measures.put(CLEAN_FIT_SHARE, terms.cleanFit() / total);
    measures.put(ATTACKER_TERM_SHARE, terms.attackerPenalty() / total);
    return fit.completed(new AnmfColumnRule(model, a, adversarial, phi, target.newInstanceShift()), measures);
  }

  /**
   * ‖Ã − Ã*‖ / ‖Ã*‖ with Ã* = (λA + ZXᵀ)(λI + XXᵀ)⁻¹ (7): since φ = Ã(λI + XXᵀ) − (λA + ZXᵀ),
   * Ã − Ã* = φ(λI + XXᵀ)⁻¹, one n x n Cholesky and no m x N product. NaN where λI + XXᵀ is
   * numerically singular (λ below the rounding of a rank-deficient XXᵀ): Ã* is then not defined.
   */
  private double bestResponseGap(DenseMatrix adversarial, DenseMatrix x, DenseMatrix phi) {
    DenseMatrix p = MatrixOps.gramOfRows(x);
    MatrixOps.addToDiagonal(p, model.lambda());
    DenseMatrix gap = phi.copy();
    try {
      adversarialnmf.linalg.Cholesky.of(p).solveRowsInPlace(gap);
    } catch (ArithmeticException singular) {
      return Double.NaN;
    }
    DenseMatrix best = adversarial.copy();
    MatrixOps.addScaled(best, -1.0, gap);
    return Math.sqrt(MatrixOps.squaredNorm(gap) / MatrixOps.squaredNorm(best));
  }
}
