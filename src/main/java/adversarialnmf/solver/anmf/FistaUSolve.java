package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.PowerIteration;
import adversarialnmf.solver.FitInterruptedException;

/**
 * The exact non-negative U by FISTA with function-value restart, warm-started at the previous
 * iterate U_k or, where the value is lower, at max(0, 2U_k − U_{k−1}), the ADMM's trajectory
 * extrapolated one iteration (one more product per solve; 2-30 % fewer steps on the data of
 * docs/BENCHMARKS.md), step 1/L with L = μ + 2γ‖D‖₂² (power iteration, warm-started across
 * iterations). It stops when the KKT residual of the sub-problem, the gradient-mapping norm
 * L‖U⁺ − V‖ at the momentum point V (zero exactly at a KKT point), falls to
 * {@link #KKT_TOLERANCE} of ‖R3‖, or at the cap.
 *
 * <p>Each step needs Q V = μV + 2γDᵀ(DV) and the value, which needs ‖DV‖². FISTA's momentum
 * point is a linear combination of the last two iterates, so one product per step suffices if
 * the image of the iterate is kept: D U⁺ (m x n) in the direct form, costing 2 m N n per step,
 * or G U⁺ with G = DᵀD (N x N, formed once per solve for m N² flops) in the Gram form, costing
 * 2 N² n. The form with fewer flops at the step cap is chosen ({@link #usesGramForm}); both run
 * the same iteration in exact arithmetic.
 */
final class FistaUSolve implements USolve {

  /** Relative KKT residual at which the solve stops. */
  static final double KKT_TOLERANCE = 1e-6;
  /**
   * Power-iteration steps for ‖D‖₂² at the first and at later (warm-started) solves; a later solve
   * takes no more power steps than its step cap, so that the estimate never costs more than the
   * solve (D changes little between ADMM iterations, and a step that fails to descend doubles L).
   */
  static final int POWER_STEPS_FIRST = 30;
  static final int POWER_STEPS_WARM = 5;
  /** Power iteration underestimates ‖D‖₂²; this margin keeps 1/L a safe step. */
  static final double LIPSCHITZ_MARGIN = 1.05;

  private final int maxSteps;
  private final PowerIteration power;
  private final DenseMatrix next;
  private final DenseMatrix momentum;
  private final DenseMatrix gradient;
  /** G = DᵀD in the Gram form, null in the direct form. */
  private final DenseMatrix gram;
  // images (D V or G V) of the current iterate, the next one and the momentum point
  private final DenseMatrix image;
  private final DenseMatrix imageNext;
  private final DenseMatrix imageMomentum;
  /** The previous solve's warm start, U_{k−1}, once there has been one. */
  private final DenseMatrix previous;
  private boolean hasPrevious;

  /** The cheaper form for this shape and step cap. */
  FistaUSolve(int maxSteps, int m, int count, int rank) {
    this(maxSteps, m, count, rank, usesGramForm(m, count, rank, maxSteps));
  }

  FistaUSolve(int maxSteps, int m, int count, int rank, boolean gramForm) {
    this.maxSteps = maxSteps;
    this.power = new PowerIteration(m, count);
    this.next = new DenseMatrix(count, rank);
    this.momentum = new DenseMatrix(count, rank);
    this.gradient = new DenseMatrix(count, rank);
    this.gram = gramForm ? new DenseMatrix(count, count) : null;
    int imageRows = gramForm ? count : m;
    this.image = gramForm ? new DenseMatrix(imageRows, rank) : null;
    this.imageNext = new DenseMatrix(imageRows, rank);
    this.imageMomentum = new DenseMatrix(imageRows, rank);
    this.previous = new DenseMatrix(count, rank);
  }

  /**
   * True when the Gram form takes fewer flops for a solve that runs to the cap: G = DᵀD (m N²,
   * its symmetric half), G U and G V per step (2 N² n each) and D U at the end (2 m N n), against
   * D V and Dᵀ(D V) per step (4 m N n). Never when N > m (G would be larger than D).
   */
  static boolean usesGramForm(int m, int count, int rank, int maxSteps) {
    if (count > m) {
      return false;
    }
    double mm = m;
    double nn = count;
    double gram = mm * nn * nn + 2.0 * nn * nn * rank * (maxSteps + 1.0) + 2.0 * mm * nn * rank;
    double direct = 4.0 * mm * nn * rank * maxSteps;
    return gram <= direct;
  }

  @Override
  public int solve(USubproblem p, DenseMatrix u, DenseMatrix dU) {
    FitInterruptedException.checkInterrupted("ANMF's ADMM power iteration for ‖D‖₂");
    double lipschitz = p.mu + p.twoGamma
        * power.squaredSpectralNorm(p.d, POWER_STEPS_FIRST, Math.min(POWER_STEPS_WARM, maxSteps)) * LIPSCHITZ_MARGIN;
    double target = KKT_TOLERANCE * Math.sqrt(Math.max(MatrixOps.squaredNorm(p.r3), Double.MIN_NORMAL));
    // the image of the current iterate: D U is given; G U costs one N x N x n product
    DenseMatrix current = dU;
    if (gram != null) {
      MatrixOps.gramOfColumns(p.d, gram);
      MatrixOps.multiply(gram, u, image);
      current = image;
    }
    double value = value(p, u, current);
    if (hasPrevious) {
      value = startFromExtrapolationIfLower(p, u, current, value);
    } else {
      previous.assign(u);
      hasPrevious = true;
    }
    momentum.assign(u);
    imageMomentum.assign(current);
    double t = 1.0;
    boolean atRestart = true;
    int steps = 0;
    double[] nx = next.data();
    double[] mom = momentum.data();
    double[] grad = gradient.data();
    double[] cur = u.data();
    double[] imNext = imageNext.data();
    double[] imMom = imageMomentum.data();
    double[] imCur = current.data();
    double[] rd = p.r3.data();
    while (steps < maxSteps) {
      FitInterruptedException.checkInterrupted("ANMF's ADMM U update (FISTA)");
      steps++;
      applyQ(p, momentum, imageMomentum, gradient);
      double step2 = 0.0;
      for (int i = 0; i < nx.length; i++) {
        double v = Math.max(0.0, mom[i] - (grad[i] - rd[i]) / lipschitz);
        double delta = v - mom[i];
        step2 += delta * delta;
        nx[i] = v;
      }
      imageOf(p, next, imageNext);
      double nextValue = value(p, next, imageNext);
      if (nextValue > value) {
        // no descent: drop the momentum; from the current point a too small L is the only cause
        if (atRestart) {
          lipschitz *= 2.0;
        }
        momentum.assign(u);
        imageMomentum.assign(current);
        t = 1.0;
        atRestart = true;
        continue;
      }
      double tNext = 0.5 * (1.0 + Math.sqrt(1.0 + 4.0 * t * t));
      double beta = (t - 1.0) / tNext;
      for (int i = 0; i < mom.length; i++) {
        mom[i] = nx[i] + beta * (nx[i] - cur[i]);
        cur[i] = nx[i];
      }
      for (int i = 0; i < imMom.length; i++) {
        imMom[i] = imNext[i] + beta * (imNext[i] - imCur[i]);
        imCur[i] = imNext[i];
      }
      value = nextValue;
      t = tNext;
      atRestart = false;
      if (lipschitz * Math.sqrt(step2) <= target) {
        break;
      }
    }
    if (gram != null) {
      MatrixOps.multiply(p.d, u, dU);
    }
    return steps;
  }

  /**
   * Replaces the warm start U_k (with its image) by max(0, 2U_k − U_{k−1}), the ADMM's trajectory
   * extrapolated one iteration, when that has the lower value; returns the value of the start.
   * Keeps U_k as the next solve's U_{k−1}.
   */
  private double startFromExtrapolationIfLower(USubproblem p, DenseMatrix u, DenseMatrix startImage, double value) {
    double[] ud = u.data();
    double[] pd = previous.data();
    double[] ed = next.data();
    for (int i = 0; i < ed.length; i++) {
      ed[i] = Math.max(0.0, 2.0 * ud[i] - pd[i]);
      pd[i] = ud[i];
    }
    imageOf(p, next, imageNext);
    double extrapolatedValue = value(p, next, imageNext);
    if (extrapolatedValue < value) {
      u.assign(next);
      startImage.assign(imageNext);
      return extrapolatedValue;
    }
    return value;
  }

  /** out = D V (direct form) or G V (Gram form). */
  private void imageOf(USubproblem p, DenseMatrix v, DenseMatrix out) {
    if (gram == null) {
      MatrixOps.multiply(p.d, v, out);
    } else {
      MatrixOps.multiply(gram, v, out);
    }
  }

  /** out = Q V = μV + 2γ DᵀD V from the image of V. */
  private void applyQ(USubproblem p, DenseMatrix v, DenseMatrix imageOfV, DenseMatrix out) {
    if (gram == null) {
      p.applyQGivenDv(v, imageOfV, out);
      return;
    }
    double[] od = out.data();
    double[] vd = v.data();
    double[] gv = imageOfV.data();
    for (int i = 0; i < od.length; i++) {
      od[i] = p.twoGamma * gv[i] + p.mu * vd[i];
    }
  }

  /** ½⟨V, QV⟩ − ⟨R3, V⟩ from the image of V (‖DV‖² = ⟨V, GV⟩ in the Gram form). */
  private double value(USubproblem p, DenseMatrix v, DenseMatrix imageOfV) {
    if (gram == null) {
      return p.value(v, imageOfV);
    }
    return 0.5 * (p.mu * MatrixOps.squaredNorm(v) + p.twoGamma * MatrixOps.dot(v, imageOfV))
        - MatrixOps.dot(p.r3, v);
  }
}
