package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.Cholesky;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.solver.FitInterruptedException;
import adversarialnmf.solver.Factors;

/**
 * The variables and workspaces of one ADMM run on problem (15), and its updates, in the order of
 * Algorithm 1 with the misprints corrected (derivations in docs/ALGORITHM.md):
 * H, B, J; U, B̃; A; Ã; X; multipliers. Shapes: Y, Z, H, J, M3, M4 are m x N; A, Ã, B, B̃, M1,
 * M2 are m x n; X is n x N; U and M5 are N x n. Every solve is n x n except the U sub-problem,
 * which a {@link USolve} chosen once per fit handles. Each update is a method so that tests can
 * check it against its sub-problem on its own.
 */
final class AdmmState {

  /** Bounds of an adaptive μ relative to its start, so balancing cannot run away. */
  static final double PENALTY_RANGE = 1e6;

  final DataMatrix y;
  final DenseMatrix yDense;
  final AttackerTarget target;
  final AnmfModel model;
  final AdmmSettings settings;
  final int m;
  final int count;
  final int rank;
  final USolve uSolve;
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
  // Ã X and A X for the current Ã, A, X (the multiplier update swaps in the new products)
  DenseMatrix advX;
  DenseMatrix aX;

  // the U sub-problem (D, R3) and D U for the current U
  final USubproblem uProblem;
  private final DenseMatrix dU;
  /** True while dU = D U for the current U and the current H (set by updateH, used by updateU). */
  private boolean dUCurrent;

  // μJ − M4 and μH − M3, formed by the A and Ã updates and used again by the X update (H, J, M3
  // and M4 do not change in between); afterwards scratch for the products of the multiplier update
  private DenseMatrix muJMinusM4;
  private final DenseMatrix muHMinusM3;

  // workspaces
  private final DenseMatrix mxn;
  private final DenseMatrix mxnSecond;
  private final DenseMatrix zU;
  private final DenseMatrix nxn;
  private final DenseMatrix nxnSecond;
  private final DenseMatrix nxN;
  private final Cholesky rankCholesky;
  private final DenseMatrix previousA;
  private final DenseMatrix previousAdv;
  private final DenseMatrix previousX;

  // diagnostics of the last iteration
  double relativePrimalResidual = Double.NaN;
  double relativeDualResidual = Double.NaN;
  double cleanResidualSquared = Double.NaN;
  double basisChangeSquared = Double.NaN;
  /** Inner steps of the last U solve (FISTA or CG; 0 for the Gram solve), for work accounting. */
  int lastInnerIterations;

  AdmmState(DataMatrix y, AttackerTarget target, AnmfModel model, AdmmSettings settings, Factors start) {
    this(y, target, model, settings, start, USolve.forSettings(settings, y.rows(), y.cols(), start.rank()));
  }

  /** A run with a given U solve (tests compare solves on one problem). */
  AdmmState(DataMatrix y, AttackerTarget target, AnmfModel model, AdmmSettings settings, Factors start,
      USolve uSolve) {
    target.requireShapeOf(y);
    this.y = y;
    this.yDense = y instanceof DenseData ? ((DenseData) y).matrix() : y.toDense();
    this.target = target;
    this.model = model;
    this.settings = settings;
    this.m = y.rows();
    this.count = y.cols();
    this.rank = start.rank();
    this.mu = settings.mu();
    this.uSolve = uSolve;

    a = start.basis().copy();
    x = start.coefficients().copy();
    if (model.unitNormBases()) {
      // the same A⁰X⁰ with unit columns of A⁰ (and so of Ã⁰ = B⁰ = B̃⁰ = A⁰)
      double[] norms = toUnitColumns(a, a);
      double[] xd = x.data();
      for (int r = 0; r < rank; r++) {
        for (int c = 0; c < count; c++) {
          xd[r * count + c] *= norms[r];
        }
      }
    }
    if (settings.rescaleStart()) {
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

    uProblem = new USubproblem(m, count, rank, model.gamma());
    dU = new DenseMatrix(m, rank);
    muJMinusM4 = new DenseMatrix(m, count);
    muHMinusM3 = new DenseMatrix(m, count);
    mxn = new DenseMatrix(m, rank);
    mxnSecond = new DenseMatrix(m, rank);
    zU = new DenseMatrix(m, rank);
    nxn = new DenseMatrix(rank, rank);
    nxnSecond = new DenseMatrix(rank, rank);
    nxN = new DenseMatrix(rank, count);
    rankCholesky = new Cholesky(rank);
    previousA = new DenseMatrix(m, rank);
    previousAdv = new DenseMatrix(m, rank);
    previousX = new DenseMatrix(rank, count);
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
    dUCurrent = false;
  }

  /** One full ADMM iteration. */
  void iterate() {
    rememberIterate();
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

  /** Keeps A, Ã and X of the iteration about to start, for the change measures of the residuals. */
  void rememberIterate() {
    previousA.assign(a);
    previousAdv.assign(adv);
    previousX.assign(x);
  }

  /**
   * H = R1 (cI + 2γ U Uᵀ)⁻¹, c = 2α + μ, R1 = R0 + 2γWUᵀ with R0 = 2αY + μÃX + M3 and
   * W = λ(A − Ã) + ZU, by Woodbury with K = (c / 2γ) I_n + UᵀU: P = (R1 U) K⁻¹ and
   * H = (R0 + (2γW − P) Uᵀ) / c, where R1 U = R0 U + 2γ W UᵀU costs one m x N x n product
   * (H holds R0 / c meanwhile, so no pass over H divides by c).
   * Since K⁻¹ UᵀU = I − (c / 2γ) K⁻¹, H U = P / 2γ, so D U = H U − Z U for the U that the U
   * solve starts from comes without another product.
   */
  void updateH() {
    double alpha = model.alpha();
    double gamma = model.gamma();
    double lambda = model.lambda();
    double c = 2.0 * alpha + mu;
    target.times(y, u, zU);
    double[] w = mxn.data();
    double[] ad = a.data();
    double[] advd = adv.data();
    double[] zud = zU.data();
    for (int i = 0; i < w.length; i++) {
      w[i] = lambda * (ad[i] - advd[i]) + zud[i];
    }
    double[] hd = h.data();
    double[] yd = yDense.data();
    double[] advXd = advX.data();
    double[] m3d = m3.data();
    double inverseC = 1.0 / c;
    for (int i = 0; i < hd.length; i++) {
      hd[i] = (2.0 * alpha * yd[i] + mu * advXd[i] + m3d[i]) * inverseC;
    }
    // P = (R0 U + 2γ W UᵀU) K⁻¹ with R0 U = c (H U); dU serves as scratch for W UᵀU
    MatrixOps.multiply(h, u, mxnSecond);
    MatrixOps.scale(mxnSecond, c);
    MatrixOps.gramOfColumns(u, nxn);
    MatrixOps.multiply(mxn, nxn, dU);
    MatrixOps.addScaled(mxnSecond, 2.0 * gamma, dU);
    MatrixOps.addToDiagonal(nxn, c / (2.0 * gamma));
    rankCholesky.factor(nxn);
    rankCholesky.solveRowsInPlace(mxnSecond);
    double[] pd = mxnSecond.data();
    double[] dud = dU.data();
    for (int i = 0; i < w.length; i++) {
      w[i] = 2.0 * gamma * w[i] - pd[i];
      dud[i] = pd[i] / (2.0 * gamma) - zud[i];
    }
    MatrixOps.multiplyTransposeBAccumulate(inverseC, mxn, u, h);
    dUCurrent = true;
  }

  /**
   * B = max(0, A + M2/μ): the projection onto B ≥ 0 of the A = B term; with unit-norm bases the
   * projection onto {B ≥ 0, every column of unit norm} (see {@link #toUnitColumns}).
   */
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
    if (model.unitNormBases()) {
      toUnitColumns(out, unclippedProjectionSource(source, multiplier));
    }
  }

  /** V = source + M/μ, the point whose projection {@link #project} computes (for an all-negative column). */
  private DenseMatrix unclippedProjectionSource(DenseMatrix source, DenseMatrix multiplier) {
    double[] sd = source.data();
    double[] md = multiplier.data();
    double[] vd = mxnSecond.data();
    for (int i = 0; i < vd.length; i++) {
      vd[i] = sd[i] + md[i] / mu;
    }
    return mxnSecond;
  }

  /**
   * Scales every column of the nonnegative {@code w} to unit norm, in place, and returns the
   * former norms. With w = max(0, v) this is the Euclidean projection of v onto the nonnegative
   * part of the unit sphere, column by column (maximise ⟨v, w⟩ over ‖w‖ = 1, w ≥ 0); a column
   * with no positive entry projects onto the unit vector at its largest entry of {@code v}.
   */
  static double[] toUnitColumns(DenseMatrix w, DenseMatrix v) {
    int rows = w.rows();
    int cols = w.cols();
    double[] wd = w.data();
    double[] vd = v.data();
    double[] norms = new double[cols];
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < cols; k++) {
        norms[k] += wd[i * cols + k] * wd[i * cols + k];
      }
    }
    for (int k = 0; k < cols; k++) {
      norms[k] = Math.sqrt(norms[k]);
      if (norms[k] > 0.0) {
        for (int i = 0; i < rows; i++) {
          wd[i * cols + k] /= norms[k];
        }
      } else {
        int largest = 0;
        for (int i = 1; i < rows; i++) {
          if (vd[i * cols + k] > vd[largest * cols + k]) {
            largest = i;
          }
        }
        wd[largest * cols + k] = 1.0;
      }
    }
    return norms;
  }

  /** J = (2βY + μAX + M4) / (2β + μ). */
  void updateJ() {
    double beta = model.beta();
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
   * R3 = 2γλ Dᵀ(A − Ã) + μXᵀ + M5, by the fit's {@link USolve}. Leaves D U in {@link #dU} for
   * the A and Ã updates.
   */
  void updateU() {
    DenseMatrix d = uProblem.d;
    DenseMatrix r3 = uProblem.r3;
    target.subtractFrom(h, yDense, d);
    uProblem.mu = mu;
    double[] diff = mxn.data();
    double[] ad = a.data();
    double[] advd = adv.data();
    for (int i = 0; i < diff.length; i++) {
      diff[i] = ad[i] - advd[i];
    }
    MatrixOps.multiplyTransposeA(d, mxn, r3);
    double scale = 2.0 * model.gamma() * model.lambda();
    double[] rd = r3.data();
    double[] xd = x.data();
    double[] m5d = m5.data();
    for (int i = 0; i < count; i++) {
      for (int r = 0; r < rank; r++) {
        int idx = i * rank + r;
        rd[idx] = scale * rd[idx] + mu * xd[r * count + i] + m5d[idx];
      }
    }
    if (!dUCurrent) {
      MatrixOps.multiply(d, u, dU);
    }
    lastInnerIterations = uSolve.solve(uProblem, u, dU);
    dUCurrent = false;
  }

  /**
   * A = R4 K⁻¹, K = (2γλ² + μ) I + μ XXᵀ, R4 = 2γλ(DU + λÃ) + μB − M2 + (μJ − M4)Xᵀ (DU = HU − ZU).
   * Factors K for the Ã update too, and keeps μJ − M4 for the X update.
   */
  void updateA() {
    double gamma = model.gamma();
    double lambda = model.lambda();
    MatrixOps.multiplyTransposeB(x, x, nxn);
    MatrixOps.scale(nxn, mu);
    MatrixOps.addToDiagonal(nxn, 2.0 * gamma * lambda * lambda + mu);
    rankCholesky.factor(nxn);
    combine(mu, j, -1.0, m4, muJMinusM4);
    MatrixOps.multiplyTransposeB(muJMinusM4, x, a);
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

  /**
   * Ã = R5 K⁻¹ with the K of {@link #updateA}, R5 = 2γλ(λA − DU) + μB̃ − M1 + (μH − M3)Xᵀ; keeps
   * μH − M3 for the X update.
   */
  void updateAdversarialBasis() {
    double gamma = model.gamma();
    double lambda = model.lambda();
    combine(mu, h, -1.0, m3, muHMinusM3);
    MatrixOps.multiplyTransposeB(muHMinusM3, x, adv);
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

  /**
   * X = (ÃᵀÃ + AᵀA + I)⁻¹ R6, R6 = (Ãᵀ(μH − M3) + Aᵀ(μJ − M4) + μUᵀ − M5ᵀ) / μ, with μH − M3
   * and μJ − M4 as the Ã and A updates of this iteration left them.
   */
  void updateX() {
    MatrixOps.multiplyTransposeA(adv, adv, nxn);
    MatrixOps.multiplyTransposeA(a, a, nxnSecond);
    MatrixOps.addScaled(nxn, 1.0, nxnSecond);
    MatrixOps.addToDiagonal(nxn, 1.0);
    rankCholesky.factor(nxn);
    MatrixOps.multiplyTransposeA(adv, muHMinusM3, x);
    MatrixOps.multiplyTransposeA(a, muJMinusM4, nxN);
    double[] xd = x.data();
    double[] td = nxN.data();
    double[] ud = u.data();
    double[] m5d = m5.data();
    double inverseMu = 1.0 / mu;
    for (int r = 0; r < rank; r++) {
      for (int c = 0; c < count; c++) {
        int idx = r * count + c;
        int tIdx = c * rank + r;
        xd[idx] = (xd[idx] + td[idx] - m5d[tIdx]) * inverseMu + ud[tIdx];
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
    ResidualSums sums = new ResidualSums();
    sums.add(adv, advB, m1, previousAdv, mu);
    double changeBefore = sums.change;
    sums.add(a, b, m2, previousA, mu);
    basisChangeSquared = sums.change - changeBefore;
    // Ã X and A X: the new products go to a scratch matrix, the old ones give the change, and the
    // matrices swap places instead of copying
    DenseMatrix scratch = muJMinusM4;
    MatrixOps.multiply(adv, x, scratch);
    sums.add(scratch, h, m3, advX, mu);
    DenseMatrix old = advX;
    advX = scratch;
    scratch = old;
    MatrixOps.multiply(a, x, scratch);
    sums.add(scratch, j, m4, aX, mu);
    muJMinusM4 = aX;
    aX = scratch;
    sums.addTransposed(x, u, m5, previousX, mu);

    double scale = Math.sqrt(Math.max(Math.max(sums.lhs, sums.rhs), Double.MIN_NORMAL));
    relativePrimalResidual = Math.sqrt(sums.primal) / scale;
    // Boyd's dual residual μ‖Δ(Ã, A, ÃX, AX, Xᵀ)‖ relative to the multipliers (Wohlberg 2017)
    relativeDualResidual = mu * Math.sqrt(sums.change) / Math.sqrt(Math.max(sums.multiplier, Double.MIN_NORMAL));
    if (settings.toleranceRule() == AdmmSettings.ToleranceRule.PAPER_RULE_26) {
      cleanResidualSquared = MatrixOps.squaredDistance(yDense, aX);
    }
    if (settings.adaptivePenalty()) {
      balancePenalty();
    }
  }

  /**
   * Squared norms summed over the constraint blocks L = R of one multiplier update: ‖L − R‖²,
   * ‖L‖², ‖R‖², ‖L − L_previous‖² and ‖M‖² after M += μ(L − R).
   */
  private static final class ResidualSums {
    double primal;
    double lhs;
    double rhs;
    double change;
    double multiplier;

    void add(DenseMatrix left, DenseMatrix right, DenseMatrix m, DenseMatrix previousLeft, double mu) {
      double[] ld = left.data();
      double[] rd = right.data();
      double[] md = m.data();
      double[] pd = previousLeft.data();
      // local running totals (registers), added to the fields once per block
      double primalSum = 0.0;
      double lhsSum = 0.0;
      double rhsSum = 0.0;
      double changeSum = 0.0;
      double multiplierSum = 0.0;
      for (int i = 0; i < ld.length; i++) {
        double l = ld[i];
        double r = rd[i];
        double res = l - r;
        double updated = md[i] + mu * res;
        md[i] = updated;
        multiplierSum += updated * updated;
        primalSum += res * res;
        lhsSum += l * l;
        rhsSum += r * r;
        double delta = l - pd[i];
        changeSum += delta * delta;
      }
      primal += primalSum;
      lhs += lhsSum;
      rhs += rhsSum;
      change += changeSum;
      multiplier += multiplierSum;
    }

    /** The block Xᵀ = U, with X (n x N) and its previous value read transposed in place. */
    void addTransposed(DenseMatrix xLeft, DenseMatrix right, DenseMatrix m, DenseMatrix previousX, double mu) {
      int rank = xLeft.rows();
      int count = xLeft.cols();
      double[] xd = xLeft.data();
      double[] pd = previousX.data();
      double[] rd = right.data();
      double[] md = m.data();
      for (int c = 0; c < count; c++) {
        for (int r = 0; r < rank; r++) {
          int idx = c * rank + r;
          add(xd[r * count + c], rd[idx], pd[r * count + c], md, idx, mu);
        }
      }
    }

    private void add(double l, double r, double previous, double[] md, int idx, double mu) {
      double res = l - r;
      md[idx] += mu * res;
      multiplier += md[idx] * md[idx];
      primal += res * res;
      lhs += l * l;
      rhs += r * r;
      double delta = l - previous;
      change += delta * delta;
    }
  }

  /** Residual balancing on the relative residuals, μ kept within PENALTY_RANGE of its start. */
  private void balancePenalty() {
    double threshold = settings.penaltyThreshold();
    double factor = settings.penaltyFactor();
    if (relativePrimalResidual > threshold * relativeDualResidual) {
      mu = Math.min(mu * factor, settings.mu() * PENALTY_RANGE);
    } else if (relativeDualResidual > threshold * relativePrimalResidual) {
      mu = Math.max(mu / factor, settings.mu() / PENALTY_RANGE);
    }
  }

  boolean isFinite() {
    return Double.isFinite(mu) && a.isFinite() && adv.isFinite() && x.isFinite() && u.isFinite();
  }

  /**
   * The nonnegative parts of A, Ã and X (with unit-norm bases, A and Ã projected onto unit
   * columns as well): the feasible point reported and scored.
   */
  void feasibleFactors(DenseMatrix aOut, DenseMatrix advOut, DenseMatrix xOut) {
    clipInto(a, aOut);
    clipInto(adv, advOut);
    clipInto(x, xOut);
    if (model.unitNormBases()) {
      toUnitColumns(aOut, a);
      toUnitColumns(advOut, adv);
    }
  }

  private static void clipInto(DenseMatrix source, DenseMatrix out) {
    double[] sd = source.data();
    double[] od = out.data();
    for (int i = 0; i < od.length; i++) {
      od[i] = Math.max(0.0, sd[i]);
    }
  }
}
