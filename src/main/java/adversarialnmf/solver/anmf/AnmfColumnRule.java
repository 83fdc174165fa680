package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.MissingEntries;
import adversarialnmf.solver.NonnegativeNewton;
import adversarialnmf.solver.NonnegativeQuadratic;
import adversarialnmf.solver.OutOfSampleRule;

/**
 * ANMF's out-of-sample rule: model (9) over one added column (y, z) with A, Ã and the training X
 * held fixed (docs/ALGORITHM.md §7). With φ₀ = Ã(λI + XXᵀ) − λA − ZXᵀ of the fit and r = Ãx − z the
 * added column's attacked residual, the added column changes XXᵀ by xxᵀ and ZXᵀ by zxᵀ, so φ becomes
 * φ₀ + r xᵀ and
 *
 * <pre>
 *   f(x) = α‖Ãx − y‖² + β‖Ax − y‖² + γ‖φ₀ + (Ãx − z)xᵀ‖²,  x ≥ 0,
 * </pre>
 *
 * a quartic in x whose every term reduces to n-vectors and n x n matrices: with G = AᵀA, G̃ = ÃᵀÃ,
 * P = Ãᵀφ₀, s = G̃x − Ãᵀz and ρ = ‖r‖² = xᵀG̃x − 2(Ãᵀz)ᵀx + ‖z‖²,
 * ‖φ₀ + r xᵀ‖² = ‖φ₀‖² + 2(xᵀPx − (φ₀ᵀz)ᵀx) + ρ‖x‖², gradient
 * 2α(G̃x − Ãᵀy) + 2β(Gx − Aᵀy) + 2γ((P + Pᵀ)x − φ₀ᵀz + ρx + ‖x‖²s). It is minimised by
 * {@link NonnegativeNewton} with the Gauss-Newton curvature 2αG̃ + 2βG + 2γ(‖x‖²G̃ + xsᵀ + sxᵀ + ρI),
 * from the minimiser of the two fits alone. A new instance's target is z = y + t·1
 * ({@link AttackerTarget#newInstanceShift()}). Per column: four m x n products, then O(n²) per step.
 */
public final class AnmfColumnRule implements OutOfSampleRule {

  private static final long serialVersionUID = -2771283416190725383L;

  private final double alpha;
  private final double beta;
  private final double gamma;
  private final double shift;
  private final DenseMatrix basis;
  private final DenseMatrix adversarialBasis;
  private final DenseMatrix attackerResidual;
  private final double[] gram;
  private final double[] adversarialGram;
  private final double[] coupling;
  private final double[] adversarialOnes;
  private final double[] residualOnes;
  private final double residualNorm2;

  /**
   * @param attackerResidual φ₀ = Ã(λI + XXᵀ) − λA − ZXᵀ of the fit (m x n)
   * @param shift t of the new instances' target z = y + t·1
   */
  public AnmfColumnRule(AnmfModel model, DenseMatrix basis, DenseMatrix adversarialBasis,
      DenseMatrix attackerResidual, double shift) {
    basis.requireSameShape(adversarialBasis);
    basis.requireSameShape(attackerResidual);
    this.alpha = model.alpha();
    this.beta = model.beta();
    this.gamma = model.gamma();
    this.shift = shift;
    this.basis = basis.copy();
    this.adversarialBasis = adversarialBasis.copy();
    this.attackerResidual = attackerResidual.copy();
    this.gram = MatrixOps.gramOfColumns(basis).data();
    this.adversarialGram = MatrixOps.gramOfColumns(adversarialBasis).data();
    this.coupling = MatrixOps.multiplyTransposeA(adversarialBasis, attackerResidual).data();
    double[] ones = new double[basis.rows()];
    java.util.Arrays.fill(ones, 1.0);
    this.adversarialOnes = MatrixOps.transposeTimesVector(adversarialBasis, ones);
    this.residualOnes = MatrixOps.transposeTimesVector(attackerResidual, ones);
    this.residualNorm2 = MatrixOps.squaredNorm(attackerResidual);
  }

  @Override
  public int dimension() {
    return basis.rows();
  }

  @Override
  public int rank() {
    return basis.cols();
  }

  /** α, the weight of the adversarial fit ‖Ãx − y‖². */
  public double alpha() {
    return alpha;
  }

  /** β, the weight of the clean fit ‖Ax − y‖². */
  public double beta() {
    return beta;
  }

  /** The learned basis A (m x n), copy. */
  public DenseMatrix basis() {
    return basis.copy();
  }

  /** The adversarial basis Ã (m x n), copy. */
  public DenseMatrix adversarialBasis() {
    return adversarialBasis.copy();
  }

  @Override
  public String describe() {
    return "model (9) over the added column (A, \u00c3, training X fixed; z = y + " + shift + ")";
  }

  @Override
  public double[] coefficients(double[] y) {
    return minimised(objectiveOf(y));
  }

  /**
   * Every column of y, each minimised as {@link #coefficients(double[])} would from the same start,
   * so the result is that method's to rounding. The reductions of all fully observed columns come
   * from one product, Yᵀ[A Ã φ₀ 1] (N x (3n + 1)), instead of three passes over m x n matrices per
   * column; a column with missing entries is reduced over its observed rows alone.
   */
  @Override
  public DenseMatrix coefficients(DataMatrix y) {
    requireDimension(y.rows());
    int m = y.rows();
    int n = rank();
    int width = 3 * n + 1;
    DenseMatrix stacked = new DenseMatrix(m, width);
    double[] sd = stacked.data();
    for (int i = 0; i < m; i++) {
      System.arraycopy(basis.data(), i * n, sd, i * width, n);
      System.arraycopy(adversarialBasis.data(), i * n, sd, i * width + n, n);
      System.arraycopy(attackerResidual.data(), i * n, sd, i * width + 2 * n, n);
      sd[i * width + 3 * n] = 1.0;
    }
    DenseMatrix cross = y.transposeTimes(stacked);
    double[] squaredNorms = y.columnSquaredNorms();
    MissingEntries missing = y.missing();
    return OutOfSampleRule.solveColumns(n, y.cols(), (long) n * n * n, describe(), () -> {
      double[] column = new double[m];
      return j -> {
        if (missing.countInColumn(j) > 0) {
          return minimised(objectiveOf(OutOfSampleRule.columnWithMissingAsNaN(y, missing, j, column)));
        }
        double[] row = cross.data();
        int base = j * width;
        return minimised(new ColumnObjective(squaredNorms[j], row[base + 3 * n], m,
            java.util.Arrays.copyOfRange(row, base, base + n),
            java.util.Arrays.copyOfRange(row, base + n, base + 2 * n),
            java.util.Arrays.copyOfRange(row, base + 2 * n, base + 3 * n), gram, adversarialGram, coupling,
            adversarialOnes, residualOnes));
      };
    });
  }

  /** Newton from the minimiser of the two fits alone. */
  private static double[] minimised(ColumnObjective f) {
    double[] x = f.startingPoint();
    NonnegativeNewton.minimise(f, x);
    for (double v : x) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("model (9) over this instance overflows double precision (its values"
            + " are far outside the training data's scale); project it onto A instead (-predict basis)");
      }
    }
    return x;
  }

  /**
   * f of one column y (for tests: its value and gradient). A column with missing (NaN) entries has
   * all its terms over the observed rows O: the two fits and the attacked residual r = Ã_O x − z_O
   * (z is unknown where y is), so G, G̃, P and the sums of Ã and φ₀ are taken over O.
   */
  ColumnObjective objectiveOf(double[] column) {
    requireDimension(column.length);
    int[] missing = OutOfSampleRule.missingRows(column);
    double[] y = OutOfSampleRule.observedPart(column, missing);
    double sum = 0.0;
    double norm2 = 0.0;
    for (double v : y) {
      sum += v;
      norm2 += v * v;
    }
    double[] cleanCross = MatrixOps.transposeTimesVector(basis, y);
    double[] attackedCross = MatrixOps.transposeTimesVector(adversarialBasis, y);
    double[] residualCross = MatrixOps.transposeTimesVector(attackerResidual, y);
    if (missing.length == 0) {
      return new ColumnObjective(norm2, sum, column.length, cleanCross, attackedCross, residualCross, gram,
          adversarialGram, coupling, adversarialOnes, residualOnes);
    }
    double[] observedGram = gram.clone();
    double[] observedAdversarialGram = adversarialGram.clone();
    double[] observedCoupling = coupling.clone();
    MatrixOps.subtractRowProducts(observedGram, basis, basis, missing);
    MatrixOps.subtractRowProducts(observedAdversarialGram, adversarialBasis, adversarialBasis, missing);
    MatrixOps.subtractRowProducts(observedCoupling, adversarialBasis, attackerResidual, missing);
    double[] observedOnes = new double[column.length];
    java.util.Arrays.fill(observedOnes, 1.0);
    for (int i : missing) {
      observedOnes[i] = 0.0;
    }
    return new ColumnObjective(norm2, sum, column.length - missing.length, cleanCross, attackedCross,
        residualCross, observedGram, observedAdversarialGram, observedCoupling,
        MatrixOps.transposeTimesVector(adversarialBasis, observedOnes),
        MatrixOps.transposeTimesVector(attackerResidual, observedOnes));
  }

  /** f(x) of one column with the n-vectors and n x n matrices it needs, over its observed rows. */
  final class ColumnObjective implements NonnegativeNewton.Objective {
    private final int n = rank();
    private final double yNorm2;
    private final double[] cleanCross;
    private final double[] attackedCross;
    private final double[] targetCross;
    private final double[] residualTarget;
    private final double zNorm2;
    private final double[] gram;
    private final double[] adversarialGram;
    private final double[] coupling;
    private final double[] gx = new double[n];
    private final double[] adversarialGx = new double[n];
    private final double[] px = new double[n];
    private final double[] ptx = new double[n];

    /**
     * @param yNorm2 ‖y‖² and {@code sum} Σ y over the {@code observed} rows
     * @param cleanCross Aᵀy, {@code attackedCross} Ãᵀy and {@code residualCross} φ₀ᵀy over them (kept)
     * @param gram AᵀA, {@code adversarialGram} ÃᵀÃ, {@code coupling} Ãᵀφ₀, {@code adversarialOnes}
     *     Ãᵀ1 and {@code residualOnes} φ₀ᵀ1 over the same rows (read only)
     */
    ColumnObjective(double yNorm2, double sum, int observed, double[] cleanCross, double[] attackedCross,
        double[] residualCross, double[] gram, double[] adversarialGram, double[] coupling,
        double[] adversarialOnes, double[] residualOnes) {
      this.yNorm2 = yNorm2;
      this.cleanCross = cleanCross;
      this.attackedCross = attackedCross;
      this.gram = gram;
      this.adversarialGram = adversarialGram;
      this.coupling = coupling;
      // z = y + t·1 over the observed rows: Ãᵀz, φ₀ᵀz and ‖z‖²
      this.targetCross = attackedCross.clone();
      this.residualTarget = residualCross;
      for (int r = 0; r < n; r++) {
        targetCross[r] += shift * adversarialOnes[r];
        residualTarget[r] += shift * residualOnes[r];
      }
      this.zNorm2 = yNorm2 + 2.0 * shift * sum + shift * shift * observed;
    }

    /** argmin_{x ≥ 0} α‖Ãx − y‖² + β‖Ax − y‖²: the problem without the attacker's term. */
    double[] startingPoint() {
      double[] h = new double[n * n];
      double[] c = new double[n];
      for (int i = 0; i < h.length; i++) {
        h[i] = alpha * adversarialGram[i] + beta * gram[i];
      }
      for (int r = 0; r < n; r++) {
        c[r] = alpha * attackedCross[r] + beta * cleanCross[r];
      }
      double[] x = new double[n];
      NonnegativeQuadratic.solve(h, c, x);
      return x;
    }

    /**
     * G x, G̃ x, P x, Pᵀ x; returns ρ = ‖Ãx − z‖² (the others in the workspaces). G and G̃ are
     * symmetric, so they and Pᵀ are read row after row as sums of scaled rows, a loop without a
     * carried sum that vectorises (a zero coefficient skips its row); P x is one dot product a row.
     */
    private double products(double[] x) {
      java.util.Arrays.fill(gx, 0.0);
      java.util.Arrays.fill(adversarialGx, 0.0);
      java.util.Arrays.fill(ptx, 0.0);
      for (int c = 0; c < n; c++) {
        double xc = x[c];
        if (xc == 0.0) {
          continue;
        }
        int base = c * n;
        for (int r = 0; r < n; r++) {
          gx[r] += gram[base + r] * xc;
          adversarialGx[r] += adversarialGram[base + r] * xc;
          ptx[r] += coupling[base + r] * xc;
        }
      }
      double rho = zNorm2;
      for (int r = 0; r < n; r++) {
        double p = 0.0;
        int base = r * n;
        for (int c = 0; c < n; c++) {
          p += coupling[base + c] * x[c];
        }
        px[r] = p;
        rho += x[r] * (adversarialGx[r] - 2.0 * targetCross[r]);
      }
      return rho;
    }

    @Override
    public double value(double[] x) {
      double rho = products(x);
      double attacked = yNorm2;
      double clean = yNorm2;
      double coupled = residualNorm2;
      double x2 = 0.0;
      for (int r = 0; r < n; r++) {
        attacked += x[r] * (adversarialGx[r] - 2.0 * attackedCross[r]);
        clean += x[r] * (gx[r] - 2.0 * cleanCross[r]);
        coupled += 2.0 * x[r] * (px[r] - residualTarget[r]);
        x2 += x[r] * x[r];
      }
      coupled += rho * x2;
      return alpha * attacked + beta * clean + gamma * coupled;
    }

    @Override
    public void derivatives(double[] x, double[] g, double[] h) {
      double rho = products(x);
      double x2 = 0.0;
      for (double v : x) {
        x2 += v * v;
      }
      double[] s = new double[n];
      for (int r = 0; r < n; r++) {
        s[r] = adversarialGx[r] - targetCross[r];
        g[r] = 2.0 * alpha * (adversarialGx[r] - attackedCross[r]) + 2.0 * beta * (gx[r] - cleanCross[r])
            + 2.0 * gamma * (px[r] + ptx[r] - residualTarget[r] + rho * x[r] + x2 * s[r]);
      }
      for (int r = 0; r < n; r++) {
        int base = r * n;
        for (int c = 0; c < n; c++) {
          double gaussNewton = x2 * adversarialGram[base + c] + x[r] * s[c] + s[r] * x[c] + (r == c ? rho : 0.0);
          h[base + c] = 2.0 * (alpha * adversarialGram[base + c] + beta * gram[base + c] + gamma * gaussNewton);
        }
      }
    }
  }
}
