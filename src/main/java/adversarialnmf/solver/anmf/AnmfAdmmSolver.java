package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FactorizationDivergedException;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.solver.WorkingSet;

/**
 * Adversarial NMF, model (9) of Luo, Zhang &amp; Huang, by the ADMM of their Algorithm 1 on the
 * split problem (15), with the misprints of the printed algorithm corrected (docs/ALGORITHM.md).
 * The result holds the nonnegative parts of the final A, Ã and X (the ADMM iterates differ from
 * them by at most the primal residual), the objective (9) at those factors per iteration, and the
 * named traces {@link #PRIMAL_RESIDUAL}, {@link #DUAL_RESIDUAL} and, when μ is adaptive,
 * {@link #PENALTY}; entry 0 of the residual traces is NaN (no residual before the first iteration).
 */
public final class AnmfAdmmSolver extends AbstractAnmfSolver {

  /** ‖(Ã − B̃, A − B, ÃX − H, AX − J, Xᵀ − U)‖ / max(‖(Ã, A, ÃX, AX, Xᵀ)‖, ‖(B̃, B, H, J, U)‖). */
  public static final String PRIMAL_RESIDUAL = "primal residual";
  /** Boyd's dual residual over the multipliers: μ‖Δ(Ã, A, ÃX, AX, Xᵀ)‖ / ‖(M1, M2, M3, M4, M5)‖. */
  public static final String DUAL_RESIDUAL = "dual residual";
  /** The penalty μ used in each iteration (only when the penalty is adaptive). */
  public static final String PENALTY = "penalty mu";

  private final AdmmSettings settings;

  public AnmfAdmmSolver(AnmfModel model, AdmmSettings settings, AttackerTarget target, StoppingRule stopping) {
    super(model, target, stopping);
    if (settings == null) {
      throw new IllegalArgumentException("ANMF's ADMM needs its settings (got null)");
    }
    this.settings = settings;
  }

  public AdmmSettings settings() {
    return settings;
  }

  @Override
  public String describe() {
    return "ANMF (ADMM; " + settings.describe(model) + "; " + target.describe() + ")";
  }

  @Override
  protected String missingEntriesHint() {
    return "its split (15) fits Y through the auxiliaries J = AX and H = ÃX, whose exact updates need every"
        + " entry; fit around missing values with the gradient solver (-solver gradient) or impute them"
        + " (-missing mean)";
  }

  @Override
  protected String divergenceHint() {
    return "lower gamma (now " + model.gamma() + ") or scale the data down (e.g. divide by its maximum);"
        + " with a fixed penalty, a larger mu (now " + settings.mu() + ") or the adaptive penalty also helps";
  }

  /**
   * Nine m x N auxiliaries (H, J, their multipliers, ÃX, AX, D = H − Z, μH − M3 and μJ − M4), two
   * more for the m x N temporaries an iteration creates (measured: about six per iteration, short-lived),
   * a dense copy of a sparse Y, the U solve's Gram matrix when it forms one, and the factor-sized
   * rest.
   */
  @Override
  protected long workspaceBytes(DataMatrix y, int rank) {
    long m = y.rows();
    long count = y.cols();
    long dataSized = 11 + (y instanceof DenseData ? 0 : 1);
    return WorkingSet.doubles(dataSized * m * count + USolve.gramEntries(settings, y.rows(), y.cols(), rank)
        + 30L * (m + count) * rank);
  }

  @Override
  protected Run start(DataMatrix y, Factors start) {
    return new AdmmRun(new AdmmState(y, target, model, settings, start), start.basis());
  }

  private final class AdmmRun extends Run {
    private final AdmmState state;
    private final AnmfObjective objective;
    private final DenseMatrix feasibleA;
    private final DenseMatrix feasibleAdversarial;
    private final DenseMatrix feasibleX;
    private final double[] primal;
    private final double[] dual;
    private final double[] penalty;
    private final SettlingTracker settling;
    private int iteration;

    AdmmRun(AdmmState state, DenseMatrix startBasis) {
      this.state = state;
      this.settling = new SettlingTracker(startBasis, state.count, stopping.maxIterations());
      this.objective = new AnmfObjective(state.y, target, model, state.rank);
      this.feasibleA = new DenseMatrix(state.m, state.rank);
      this.feasibleAdversarial = new DenseMatrix(state.m, state.rank);
      this.feasibleX = new DenseMatrix(state.rank, state.count);
      int slots = stopping.maxIterations() + 1;
      this.primal = new double[slots];
      this.dual = new double[slots];
      this.penalty = new double[slots];
      primal[0] = Double.NaN;
      dual[0] = Double.NaN;
      penalty[0] = state.mu;
    }

    @Override
    protected void iterate() {
      penalty[iteration + 1] = state.mu;
      try {
        state.iterate();
      } catch (ArithmeticException notPositiveDefinite) {
        // a Cholesky pivot went NaN or non-positive: the iterates have already blown up (the
        // factorization's own words stay in the cause; the user needs the remedy)
        FactorizationDivergedException diverged = new FactorizationDivergedException(describe()
            + " diverged at iteration " + (iteration + 1) + " (the iterates grew until a linear system of the"
            + " updates lost positive definiteness): " + divergenceHint());
        diverged.initCause(notPositiveDefinite);
        throw diverged;
      }
      iteration++;
      primal[iteration] = state.relativePrimalResidual;
      dual[iteration] = state.relativeDualResidual;
    }

    @Override
    protected double objective() {
      state.feasibleFactors(feasibleA, feasibleAdversarial, feasibleX);
      double value = objective.evaluate(feasibleA, feasibleAdversarial, feasibleX);
      settling.record(iteration, feasibleA, feasibleX, objective);
      return value;
    }

    @Override
    protected boolean isFinite() {
      return state.isFinite();
    }

    @Override
    protected void addProgressMeasures(java.util.Map<String, Double> measures) {
      measures.put(PRIMAL_RESIDUAL, primal[iteration]);
      measures.put(DUAL_RESIDUAL, dual[iteration]);
    }

    @Override
    protected boolean converged(double previousObjective, double currentObjective) {
      double tol = stopping.tolerance();
      if (settings.toleranceRule() == AdmmSettings.ToleranceRule.PAPER_RULE_26) {
        return state.cleanResidualSquared <= tol && state.basisChangeSquared <= tol;
      }
      if (state.relativePrimalResidual > tol) {
        return false;
      }
      if (settings.toleranceRule() == AdmmSettings.ToleranceRule.RELATIVE_CHANGE) {
        return stopping.relativeChangeBelow(previousObjective, currentObjective);
      }
      if (settings.toleranceRule() == AdmmSettings.ToleranceRule.SCALE_FREE_CHANGE) {
        return settling.scaleFreeChange(iteration) <= tol;
      }
      return state.relativeDualResidual <= tol;
    }

    @Override
    protected void finish(Factorization.Builder result, int iterations) {
      state.feasibleFactors(feasibleA, feasibleAdversarial, feasibleX);
      result.factors(feasibleA, feasibleX).adversarialBasis(feasibleAdversarial)
          .trace(PRIMAL_RESIDUAL, java.util.Arrays.copyOf(primal, iterations + 1))
          .trace(DUAL_RESIDUAL, java.util.Arrays.copyOf(dual, iterations + 1));
      settling.finish(result, iterations);
      if (settings.adaptivePenalty()) {
        result.trace(PENALTY, java.util.Arrays.copyOf(penalty, iterations + 1));
      }
    }
  }
}
