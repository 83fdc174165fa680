package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.Cholesky;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.solver.FitInterruptedException;
import adversarialnmf.solver.Factors;
import java.util.Arrays;

/**
 * The variables and workspaces of one ADMM run on problem (15), and its updates, in the order of
 * Algorithm 1 with the misprints corrected (derivations in docs/ALGORITHM.md):
 * H, B, J; U, B̃; A; Ã; X; multipliers. Shapes: Y, Z, H, J, M3, M4 are m x N; A, Ã, B, B̃, M1,
 * M2 are m x n; X is n x N; U and M5 are N x n. Every solve is n x n except the unconstrained U
 * solve of the paper's clip mode (Gram of the smaller side of D = H − Z, or conjugate gradients).
 * Each update is a method so that tests can check it against its sub-problem on its own.
 */
final class AdmmState {

  /** Relative gradient-mapping norm at which the exact U solve stops early. */
  static final double U_INNER_TOLERANCE = 1e-6;
  /** Relative residual at which the conjugate-gradient U solve stops. */
  static final double CG_TOLERANCE = 1e-12;
  /** Cap on conjugate-gradient steps; in exact arithmetic N steps suffice. */
  static final int CG_MAX_ITERATIONS = 500;
  /** CG steps assumed when AUTO compares its cost with the Gram Cholesky. */
  static final int CG_EXPECTED_ITERATIONS = 30;
  /** Power-iteration steps for ‖D‖₂² at the first and at later (warm-started) U solves. */
  static final int POWER_STEPS_FIRST = 30;
  static final int POWER_STEPS_WARM = 5;
  /** Power iteration underestimates ‖D‖₂²; this margin keeps 1/L a safe step. */
  static final double LIPSCHITZ_MARGIN = 1.05;
  /** Bounds of an adaptive μ relative to its start, so balancing cannot run away. */
  static final double PENALTY_RANGE = 1e6;

  final DataMatrix y;
  final DenseMatrix yDense;
  final AttackerTarget target;
  final AnmfOptions options;
  final int m;
  final int count;
  final int rank;
  final boolean gramSolveForU;
  double mu;

  // primal variables and ADMM auxiliaries
  final DenseMatrix a;
  final DenseMatrix adv;
  final DenseMatrix x;
  final DenseMatrix u;
  final DenseMatrix b;
  final DenseMatrix advB;
  final DenseMatrix h;
  final DenseMatrix j;
  final DenseMatrix m1;
  final DenseMatrix m2;
  final DenseMatrix m3;
  final DenseMatrix m4;
  final DenseMatrix m5;
  // Ã X and A X for the current Ã, A, X
  final DenseMatrix advX;
  final DenseMatrix aX;

  // workspaces
  private final DenseMatrix d;
  private final DenseMatrix mxN;
  private final DenseMatrix dU;
  private final DenseMatrix mxn;
  private final DenseMatrix nxn;
  private final DenseMatrix nxnSecond;
  private final DenseMatrix r3;
  private final DenseMatrix nxN;
  private final Cholesky rankCholesky;
  private final DenseMatrix previousA;
  private final DenseMatrix previousAdv;
  private final DenseMatrix previousX;
  private final double[] blockSums = new double[5];
  // exact U (FISTA) workspaces
  private DenseMatrix uNext;
  private DenseMatrix uMomentum;
  private DenseMatrix uGradient;
  private DenseMatrix dUNext;
  private DenseMatrix dUMomentum;
  private double[] powerVector;
  private double[] powerImage;
  // clip-mode workspaces
  private DenseMatrix gram;
  private Cholesky gramCholesky;
  private DenseMatrix cgResidual;
  private DenseMatrix cgDirection;
  private DenseMatrix cgImage;

  // diagnostics of the last iteration
  double relativePrimalResidual = Double.NaN;
  double relativeDualResidual = Double.NaN;
  double cleanResidualSquared = Double.NaN;
  double basisChangeSquared = Double.NaN;
  /** Inner steps of the last U solve (FISTA or CG; 0 for the Gram solve), for work accounting. */
  int lastInnerIterations;

  AdmmState(DataMatrix y, AttackerTarget target, AnmfOptions options, Factors start) {
    target.requireShapeOf(y);
    this.y = y;
    this.yDense = y instanceof DenseData ? ((DenseData) y).matrix() : y.toDense();
    this.target = target;
    this.options = options;
    this.m = y.rows();
    this.count = y.cols();
    this.rank = start.rank();
    this.mu = options.mu();
    this.gramSolveForU = chooseGramSolve(options.linearSolve(), m, count, rank);

    a = start.basis().copy();
    x = start.coefficients().copy();
    if (options.rescaleStart()) {
      rescaleCoefficients(y, a, x);
    }
    adv = a.copy();
    u = x.transpose();
    b = a.copy();
    advB = a.copy();
    m1 = new DenseMatrix(m, rank);
    m2 = new DenseMatrix(m, rank);
    m3 = new DenseMatrix(m, count);
    m4 = new DenseMatrix(m, count);
    m5 = new DenseMatrix(count, rank);
    aX = MatrixOps.multiply(a, x);
    advX = aX.copy();
    h = advX.copy();
    j = aX.copy();

    d = new DenseMatrix(m, count);
    mxN = new DenseMatrix(m, count);
    dU = new DenseMatrix(m, rank);
    mxn = new DenseMatrix(m, rank);
    nxn = new DenseMatrix(rank, rank);
    nxnSecond = new DenseMatrix(rank, rank);
    r3 = new DenseMatrix(count, rank);
    nxN = new DenseMatrix(rank, count);
    rankCholesky = new Cholesky(rank);
    previousA = new DenseMatrix(m, rank);
    previousAdv = new DenseMatrix(m, rank);
    previousX = new DenseMatrix(rank, count);
  }

  /** True if the flop estimate favours the Gram Cholesky over conjugate gradients for the U solve. */
  static boolean chooseGramSolve(AnmfOptions.LinearSolve choice, int m, int count, int rank) {
    if (choice != AnmfOptions.LinearSolve.AUTO) {
      return choice == AnmfOptions.LinearSolve.GRAM_CHOLESKY;
    }
    double small = Math.min(m, count);
    double gramFlops = (double) m * count * small + small * small * small / 3.0;
    double cgFlops = 4.0 * m * count * rank * CG_EXPECTED_ITERATIONS;
    return gramFlops <= cgFlops;
  }

  /** X ← s X with s = ⟨AX, Y⟩ / ‖AX‖², the best scalar multiple of the start (no-op if s is not positive). */
  static void rescaleCoefficients(DataMatrix y, DenseMatrix a, DenseMatrix x) {
    DenseMatrix yXt = y.times(x.transpose());
    double inner = MatrixOps.dot(a, yXt);
    double norm2 = MatrixOps.dot(MatrixOps.gramOfColumns(a), MatrixOps.gramOfRows(x));
    double s = inner / norm2;
    if (s > 0.0 && Double.isFinite(s)) {
      MatrixOps.scale(x, s);
    }
  }

  /** Recomputes the cached Ã X and A X after A, Ã or X were set from outside (tests). */
  void refreshProducts() {
    MatrixOps.multiply(adv, x, advX);
    MatrixOps.multiply(a, x, aX);
  }

  /** One full ADMM iteration. */
  void iterate() {
    previousA.assign(a);
    previousAdv.assign(adv);
    previousX.assign(x);
    updateH();
    updateB();
    updateJ();
    updateU();
    FitInterruptedException.checkInterrupted("ANMF's ADMM iteration");
    updateAdversarialB();
    updateA();
    updateAdversarialBasis();
    updateX();
    updateMultipliers();
  }

  /**
   * H = R1 (cI + 2γ U Uᵀ)⁻¹, c = 2α + μ, R1 = 2αY + μÃX + M3 + 2γ(λ(A − Ã) + ZU)Uᵀ, by Woodbury:
   * H = (R1 − (R1 U) K⁻¹ Uᵀ) / c with K = (c / 2γ) I_n + UᵀU.
   */
  void updateH() {
    double alpha = options.alpha();
    double gamma = options.gamma();
    double lambda = options.lambda();
    double c = 2.0 * alpha + mu;
    target.times(y, u, mxn);
    double[] w = mxn.data();
    double[] ad = a.data();
    double[] advd = adv.data();
    for (int i = 0; i < w.length; i++) {
      w[i] += lambda * (ad[i] - advd[i]);
    }
    double[] hd = h.data();
    double[] yd = yDense.data();
    double[] advXd = advX.data();
    double[] m3d = m3.data();
    for (int i = 0; i < hd.length; i++) {
      hd[i] = 2.0 * alpha * yd[i] + mu * advXd[i] + m3d[i];
    }
    MatrixOps.multiplyTransposeBAccumulate(2.0 * gamma, mxn, u, h);
    MatrixOps.multiplyTransposeA(u, u, nxn);
    MatrixOps.addToDiagonal(nxn, c / (2.0 * gamma));
    rankCholesky.factor(nxn);
    MatrixOps.multiply(h, u, mxn);
    rankCholesky.solveRowsInPlace(mxn);
    MatrixOps.multiplyTransposeBAccumulate(-1.0, mxn, u, h);
    MatrixOps.scale(h, 1.0 / c);
  }

  /** B = max(0, A + M2/μ): the projection onto B ≥ 0 of the A = B term. */
  void updateB() {
    project(a, m2, b);
  }

  /** B̃ = max(0, Ã + M1/μ). */
  void updateAdversarialB() {
    project(adv, m1, advB);
  }

  private void project(DenseMatrix source, DenseMatrix multiplier, DenseMatrix out) {
    double[] sd = source.data();
    double[] md = multiplier.data();
    double[] od = out.data();
    for (int i = 0; i < od.length; i++) {
      od[i] = Math.max(0.0, sd[i] + md[i] / mu);
    }
  }

  /** J = (2βY + μAX + M4) / (2β + μ). */
  void updateJ() {
    double beta = options.beta();
    double scale = 1.0 / (2.0 * beta + mu);
    double[] jd = j.data();
    double[] yd = yDense.data();
    double[] axd = aX.data();
    double[] m4d = m4.data();
    for (int i = 0; i < jd.length; i++) {
      jd[i] = (2.0 * beta * yd[i] + mu * axd[i] + m4d[i]) * scale;
    }
  }

  /**
   * U = argmin_{U ≥ 0} ½⟨U, QU⟩ − ⟨R3, U⟩ with Q = 2γDᵀD + μI, D = H − Z,
   * R3 = 2γλ Dᵀ(A − Ã) + μXᵀ + M5. Leaves D U in {@link #dU} for the A and Ã updates.
   */
  void updateU() {
    target.subtractFrom(h, yDense, d);
    double[] diff = mxn.data();
    double[] ad = a.data();
    double[] advd = adv.data();
    for (int i = 0; i < diff.length; i++) {
      diff[i] = ad[i] - advd[i];
    }
    MatrixOps.multiplyTransposeA(d, mxn, r3);
    double scale = 2.0 * options.gamma() * options.lambda();
    double[] rd = r3.data();
    double[] xd = x.data();
    double[] m5d = m5.data();
    for (int i = 0; i < count; i++) {
      for (int r = 0; r < rank; r++) {
        int idx = i * rank + r;
        rd[idx] = scale * rd[idx] + mu * xd[r * count + i] + m5d[idx];
      }
    }
    if (options.uUpdate() == AnmfOptions.UUpdate.EXACT_NONNEGATIVE) {
      solveNonnegativeU();
    } else {
      lastInnerIterations = 0;
      solveUnconstrainedU(gramSolveForU);
      MatrixOps.clipNegatives(u);
      MatrixOps.multiply(d, u, dU);
    }
  }

  /** u ← Q⁻¹ R3 (no sign constraint) by the Gram Cholesky or by conjugate gradients. */
  void solveUnconstrainedU(boolean byGram) {
    if (byGram) {
      solveUnconstrainedUByGram();
    } else {
      solveUnconstrainedUByConjugateGradient();
    }
  }

  private void solveUnconstrainedUByGram() {
    double gamma = options.gamma();
    if (count <= m) {
      // (2γ DᵀD + μ I_N) U = R3 directly: DᵀD is N x N, the smaller Gram
      if (gram == null || gram.rows() != count) {
        gram = new DenseMatrix(count, count);
        gramCholesky = new Cholesky(count);
      }
      MatrixOps.multiplyTransposeA(d, d, gram);
      MatrixOps.scale(gram, 2.0 * gamma);
      MatrixOps.addToDiagonal(gram, mu);
      gramCholesky.factor(gram);
      u.assign(r3);
      gramCholesky.solveInPlace(u);
    } else {
      // Woodbury on the m x m side: Q⁻¹ = (I − Dᵀ (μ/2γ I_m + DDᵀ)⁻¹ D) / μ
      if (gram == null || gram.rows() != m) {
        gram = new DenseMatrix(m, m);
        gramCholesky = new Cholesky(m);
      }
      MatrixOps.multiplyTransposeB(d, d, gram);
      MatrixOps.addToDiagonal(gram, mu / (2.0 * gamma));
      gramCholesky.factor(gram);
      MatrixOps.multiply(d, r3, mxn);
      gramCholesky.solveInPlace(mxn);
      MatrixOps.multiplyTransposeA(d, mxn, u);
      double[] ud = u.data();
      double[] rd = r3.data();
      for (int i = 0; i < ud.length; i++) {
        ud[i] = (rd[i] - ud[i]) / mu;
      }
    }
  }

  private void solveUnconstrainedUByConjugateGradient() {
    if (cgResidual == null) {
      cgResidual = new DenseMatrix(count, rank);
      cgDirection = new DenseMatrix(count, rank);
      cgImage = new DenseMatrix(count, rank);
    }
    // warm start from the current U: residual R = R3 − Q U
    applyQ(u, cgImage);
    double[] res = cgResidual.data();
    double[] rd = r3.data();
    double[] img = cgImage.data();
    for (int i = 0; i < res.length; i++) {
      res[i] = rd[i] - img[i];
    }
    double target2 = CG_TOLERANCE * CG_TOLERANCE * Math.max(MatrixOps.squaredNorm(r3), Double.MIN_NORMAL);
    cgDirection.assign(cgResidual);
    double rr = MatrixOps.squaredNorm(cgResidual);
    double[] dir = cgDirection.data();
    double[] ud = u.data();
    int steps = 0;
    while (rr > target2 && steps < CG_MAX_ITERATIONS) {
      FitInterruptedException.checkInterrupted("ANMF's ADMM U update (conjugate gradients)");
      applyQ(cgDirection, cgImage);
      double step = rr / MatrixOps.dot(cgDirection, cgImage);
      for (int i = 0; i < ud.length; i++) {
        ud[i] += step * dir[i];
        res[i] -= step * img[i];
      }
      double next = MatrixOps.squaredNorm(cgResidual);
      double ratio = next / rr;
      for (int i = 0; i < dir.length; i++) {
        dir[i] = res[i] + ratio * dir[i];
      }
      rr = next;
      steps++;
    }
    lastInnerIterations = steps;
  }

  /** out = Q V = μ V + 2γ Dᵀ (D V); D V goes through {@link #mxn}. */
  private void applyQ(DenseMatrix v, DenseMatrix out) {
    MatrixOps.multiply(d, v, mxn);
    applyQGivenDv(v, mxn, out);
  }

  private void applyQGivenDv(DenseMatrix v, DenseMatrix dv, DenseMatrix out) {
    MatrixOps.multiplyTransposeA(d, dv, out);
    double twoGamma = 2.0 * options.gamma();
    double[] od = out.data();
    double[] vd = v.data();
    for (int i = 0; i < od.length; i++) {
      od[i] = twoGamma * od[i] + mu * vd[i];
    }
  }

  /**
   * Exact non-negative U by FISTA with function-value restart, warm-started at the current U, step
   * 1/L with L = μ + 2γ‖D‖₂² (power iteration, warm-started across iterations).
   */
  private void solveNonnegativeU() {
    if (uNext == null) {
      uNext = new DenseMatrix(count, rank);
      uMomentum = new DenseMatrix(count, rank);
      uGradient = new DenseMatrix(count, rank);
      dUNext = new DenseMatrix(m, rank);
      dUMomentum = new DenseMatrix(m, rank);
    }
    double lipschitz = mu + 2.0 * options.gamma() * spectralNormSquaredOfD() * LIPSCHITZ_MARGIN;
    double rNorm = Math.sqrt(Math.max(MatrixOps.squaredNorm(r3), Double.MIN_NORMAL));
    MatrixOps.multiply(d, u, dU);
    double value = subproblemValue(u, dU);
    uMomentum.assign(u);
    dUMomentum.assign(dU);
    double t = 1.0;
    boolean atRestart = true;
    int steps = 0;
    double[] next = uNext.data();
    double[] mom = uMomentum.data();
    double[] grad = uGradient.data();
    double[] cur = u.data();
    double[] dNext = dUNext.data();
    double[] dMom = dUMomentum.data();
    double[] dCur = dU.data();
    double[] rd = r3.data();
    while (steps < options.uInnerIterations()) {
      FitInterruptedException.checkInterrupted("ANMF's ADMM U update (FISTA)");
      steps++;
      applyQGivenDv(uMomentum, dUMomentum, uGradient);
      double step2 = 0.0;
      for (int i = 0; i < next.length; i++) {
        double v = Math.max(0.0, mom[i] - (grad[i] - rd[i]) / lipschitz);
        double delta = v - mom[i];
        step2 += delta * delta;
        next[i] = v;
      }
      MatrixOps.multiply(d, uNext, dUNext);
      double nextValue = subproblemValue(uNext, dUNext);
      if (nextValue > value) {
        // no descent: drop the momentum; from the current point a too small L is the only cause
        if (atRestart) {
          lipschitz *= 2.0;
        }
        uMomentum.assign(u);
        dUMomentum.assign(dU);
        t = 1.0;
        atRestart = true;
        continue;
      }
      double tNext = 0.5 * (1.0 + Math.sqrt(1.0 + 4.0 * t * t));
      double momentum = (t - 1.0) / tNext;
      for (int i = 0; i < mom.length; i++) {
        mom[i] = next[i] + momentum * (next[i] - cur[i]);
        cur[i] = next[i];
      }
      for (int i = 0; i < dMom.length; i++) {
        dMom[i] = dNext[i] + momentum * (dNext[i] - dCur[i]);
        dCur[i] = dNext[i];
      }
      value = nextValue;
      t = tNext;
      atRestart = false;
      if (lipschitz * Math.sqrt(step2) <= U_INNER_TOLERANCE * rNorm) {
        break;
      }
    }
    lastInnerIterations = steps;
  }

  /** ½⟨U, QU⟩ − ⟨R3, U⟩ = ½(μ‖U‖² + 2γ‖DU‖²) − ⟨R3, U⟩ from a known D U. */
  private double subproblemValue(DenseMatrix value, DenseMatrix dValue) {
    return 0.5 * (mu * MatrixOps.squaredNorm(value) + 2.0 * options.gamma() * MatrixOps.squaredNorm(dValue))
        - MatrixOps.dot(r3, value);
  }

  /** ‖D‖₂² by power iteration on DᵀD, warm-started from the previous call's vector. */
  double spectralNormSquaredOfD() {
    int steps = POWER_STEPS_WARM;
    if (powerVector == null) {
      powerVector = new double[count];
      powerImage = new double[m];
      Arrays.fill(powerVector, 1.0 / Math.sqrt(count));
      steps = POWER_STEPS_FIRST;
    }
    double[] dd = d.data();
    double estimate = 0.0;
    for (int s = 0; s < steps; s++) {
      FitInterruptedException.checkInterrupted("ANMF's ADMM power iteration for ‖D‖₂");
      double norm2 = 0.0;
      for (int i = 0; i < m; i++) {
        double sum = 0.0;
        int base = i * count;
        for (int c = 0; c < count; c++) {
          sum += dd[base + c] * powerVector[c];
        }
        powerImage[i] = sum;
        norm2 += sum * sum;
      }
      estimate = norm2; // ‖Dv‖² with ‖v‖ = 1: a Rayleigh quotient of DᵀD
      Arrays.fill(powerVector, 0.0);
      for (int i = 0; i < m; i++) {
        double wi = powerImage[i];
        int base = i * count;
        for (int c = 0; c < count; c++) {
          powerVector[c] += dd[base + c] * wi;
        }
      }
      double vn = 0.0;
      for (double v : powerVector) {
        vn += v * v;
      }
      vn = Math.sqrt(vn);
      if (vn == 0.0) {
        Arrays.fill(powerVector, 1.0 / Math.sqrt(count));
        return 0.0;
      }
      for (int c = 0; c < count; c++) {
        powerVector[c] /= vn;
      }
    }
    return estimate;
  }

  /**
   * A = R4 K⁻¹, K = (2γλ² + μ) I + μ XXᵀ, R4 = 2γλ(DU + λÃ) + μB − M2 + (μJ − M4)Xᵀ (DU = HU − ZU).
   * Factors K for the Ã update too.
   */
  void updateA() {
    double gamma = options.gamma();
    double lambda = options.lambda();
    MatrixOps.multiplyTransposeB(x, x, nxn);
    MatrixOps.scale(nxn, mu);
    MatrixOps.addToDiagonal(nxn, 2.0 * gamma * lambda * lambda + mu);
    rankCholesky.factor(nxn);
    combine(mu, j, -1.0, m4, mxN);
    MatrixOps.multiplyTransposeB(mxN, x, a);
    double[] ad = a.data();
    double[] dud = dU.data();
    double[] advd = adv.data();
    double[] bd = b.data();
    double[] m2d = m2.data();
    for (int i = 0; i < ad.length; i++) {
      ad[i] += 2.0 * gamma * lambda * (dud[i] + lambda * advd[i]) + mu * bd[i] - m2d[i];
    }
    rankCholesky.solveRowsInPlace(a);
  }

  /** Ã = R5 K⁻¹ with the K of {@link #updateA}, R5 = 2γλ(λA − DU) + μB̃ − M1 + (μH − M3)Xᵀ. */
  void updateAdversarialBasis() {
    double gamma = options.gamma();
    double lambda = options.lambda();
    combine(mu, h, -1.0, m3, mxN);
    MatrixOps.multiplyTransposeB(mxN, x, adv);
    double[] advd = adv.data();
    double[] dud = dU.data();
    double[] ad = a.data();
    double[] bd = advB.data();
    double[] m1d = m1.data();
    for (int i = 0; i < advd.length; i++) {
      advd[i] += 2.0 * gamma * lambda * (lambda * ad[i] - dud[i]) + mu * bd[i] - m1d[i];
    }
    rankCholesky.solveRowsInPlace(adv);
  }

  /** X = (ÃᵀÃ + AᵀA + I)⁻¹ R6, R6 = Ãᵀ(H − M3/μ) + Aᵀ(J − M4/μ) + Uᵀ − M5ᵀ/μ. */
  void updateX() {
    MatrixOps.multiplyTransposeA(adv, adv, nxn);
    MatrixOps.multiplyTransposeA(a, a, nxnSecond);
    MatrixOps.addScaled(nxn, 1.0, nxnSecond);
    MatrixOps.addToDiagonal(nxn, 1.0);
    rankCholesky.factor(nxn);
    combine(1.0, h, -1.0 / mu, m3, mxN);
    MatrixOps.multiplyTransposeA(adv, mxN, x);
    combine(1.0, j, -1.0 / mu, m4, mxN);
    MatrixOps.multiplyTransposeA(a, mxN, nxN);
    double[] xd = x.data();
    double[] td = nxN.data();
    double[] ud = u.data();
    double[] m5d = m5.data();
    for (int r = 0; r < rank; r++) {
      for (int c = 0; c < count; c++) {
        int idx = r * count + c;
        int tIdx = c * rank + r;
        xd[idx] += td[idx] + ud[tIdx] - m5d[tIdx] / mu;
      }
    }
    rankCholesky.solveInPlace(x);
  }

  /** out = s P + t Q entrywise. */
  private static void combine(double s, DenseMatrix p, double t, DenseMatrix q, DenseMatrix out) {
    double[] pd = p.data();
    double[] qd = q.data();
    double[] od = out.data();
    for (int i = 0; i < od.length; i++) {
      od[i] = s * pd[i] + t * qd[i];
    }
  }

  /**
   * M1 += μ(Ã − B̃), M2 += μ(A − B), M3 += μ(ÃX − H), M4 += μ(AX − J), M5 += μ(Xᵀ − U), with the
   * residuals of this iteration and, if adaptive, the next μ.
   */
  void updateMultipliers() {
    double primal2 = 0.0;
    double lhs2 = 0.0;
    double rhs2 = 0.0;
    double change2 = 0.0;
    double multiplier2 = 0.0;
    double[] sums = blockSums;

    accumulateBlock(adv, advB, m1, previousAdv, sums);
    primal2 += sums[0];
    lhs2 += sums[1];
    rhs2 += sums[2];
    change2 += sums[3];
    multiplier2 += sums[4];
    accumulateBlock(a, b, m2, previousA, sums);
    primal2 += sums[0];
    lhs2 += sums[1];
    rhs2 += sums[2];
    change2 += sums[3];
    multiplier2 += sums[4];
    basisChangeSquared = sums[3];

    // Ã X: the new product goes to mxN, the old one in advX gives the change
    MatrixOps.multiply(adv, x, mxN);
    accumulateBlock(mxN, h, m3, advX, sums);
    advX.assign(mxN);
    primal2 += sums[0];
    lhs2 += sums[1];
    rhs2 += sums[2];
    change2 += sums[3];
    multiplier2 += sums[4];
    MatrixOps.multiply(a, x, mxN);
    accumulateBlock(mxN, j, m4, aX, sums);
    aX.assign(mxN);
    primal2 += sums[0];
    lhs2 += sums[1];
    rhs2 += sums[2];
    change2 += sums[3];
    multiplier2 += sums[4];

    // Xᵀ − U, read X transposed in place
    double[] xd = x.data();
    double[] pxd = previousX.data();
    double[] ud = u.data();
    double[] m5d = m5.data();
    for (int c = 0; c < count; c++) {
      for (int r = 0; r < rank; r++) {
        int idx = c * rank + r;
        double xv = xd[r * count + c];
        double res = xv - ud[idx];
        double delta = xv - pxd[r * count + c];
        m5d[idx] += mu * res;
        multiplier2 += m5d[idx] * m5d[idx];
        primal2 += res * res;
        lhs2 += xv * xv;
        rhs2 += ud[idx] * ud[idx];
        change2 += delta * delta;
      }
    }

    double scale = Math.sqrt(Math.max(Math.max(lhs2, rhs2), Double.MIN_NORMAL));
    relativePrimalResidual = Math.sqrt(primal2) / scale;
    // Boyd's dual residual μ‖Δ(Ã, A, ÃX, AX, Xᵀ)‖ relative to the multipliers (Wohlberg 2017)
    relativeDualResidual = mu * Math.sqrt(change2) / Math.sqrt(Math.max(multiplier2, Double.MIN_NORMAL));

    double[] yd = yDense.data();
    double[] axd = aX.data();
    double clean = 0.0;
    for (int i = 0; i < yd.length; i++) {
      double r = yd[i] - axd[i];
      clean += r * r;
    }
    cleanResidualSquared = clean;

    if (options.adaptivePenalty()) {
      balancePenalty();
    }
  }

  /**
   * For the constraint L = R with multiplier M: M += μ(L − R); sums = {‖L − R‖², ‖L‖², ‖R‖²,
   * ‖L − L_previous‖², ‖M‖² after the update}.
   */
  private void accumulateBlock(DenseMatrix lhs, DenseMatrix rhs, DenseMatrix multiplier,
      DenseMatrix previousLhs, double[] sums) {
    double[] ld = lhs.data();
    double[] rd = rhs.data();
    double[] md = multiplier.data();
    double[] pd = previousLhs.data();
    double primal = 0.0;
    double l2 = 0.0;
    double r2 = 0.0;
    double change = 0.0;
    double m2 = 0.0;
    for (int i = 0; i < ld.length; i++) {
      double res = ld[i] - rd[i];
      md[i] += mu * res;
      m2 += md[i] * md[i];
      primal += res * res;
      l2 += ld[i] * ld[i];
      r2 += rd[i] * rd[i];
      double delta = ld[i] - pd[i];
      change += delta * delta;
    }
    sums[0] = primal;
    sums[1] = l2;
    sums[2] = r2;
    sums[3] = change;
    sums[4] = m2;
  }

  /** Residual balancing on the relative residuals, μ kept within PENALTY_RANGE of its start. */
  private void balancePenalty() {
    double threshold = options.penaltyThreshold();
    double factor = options.penaltyFactor();
    if (relativePrimalResidual > threshold * relativeDualResidual) {
      mu = Math.min(mu * factor, options.mu() * PENALTY_RANGE);
    } else if (relativeDualResidual > threshold * relativePrimalResidual) {
      mu = Math.max(mu / factor, options.mu() / PENALTY_RANGE);
    }
  }

  boolean isFinite() {
    return Double.isFinite(mu) && a.isFinite() && adv.isFinite() && x.isFinite() && u.isFinite();
  }

  /** The nonnegative parts of A, Ã and X: the feasible point reported and scored. */
  void feasibleFactors(DenseMatrix aOut, DenseMatrix advOut, DenseMatrix xOut) {
    clipInto(a, aOut);
    clipInto(adv, advOut);
    clipInto(x, xOut);
  }

  private static void clipInto(DenseMatrix source, DenseMatrix out) {
    double[] sd = source.data();
    double[] od = out.data();
    for (int i = 0; i < od.length; i++) {
      od[i] = Math.max(0.0, sd[i]);
    }
  }
}
