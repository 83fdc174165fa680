package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.MissingValues;
import adversarialnmf.solver.MaskedModel;
import adversarialnmf.solver.Residuals;

/**
 * Objective (9) of ANMF,
 * α‖ÃX − Y‖² + β‖AX − Y‖² + γ‖Ã(λI + XXᵀ) − λA − ZXᵀ‖²,
 * evaluated without any m x N product: the two fits by the Gram route ({@link Residuals}) and the
 * attacker-optimality penalty φ = λ(Ã − A) + Ã XXᵀ − Z Xᵀ as an m x n matrix. Cost
 * O(nnz(Y) n + m n²) plus Z Xᵀ. An instance keeps the workspaces for repeated evaluation on one Y.
 * With missing entries the two fits count only the observed entries (docs/MISSING.md).
 */
public final class AnmfObjective {

  private final DataMatrix y;
  /** Y with its missing entries imputed, which the attacker's target Z is built on (y itself if complete). */
  private final DataMatrix complete;
  private final AttackerTarget z;
  private final AnmfModel model;
  private final double yNorm2;
  private final DenseMatrix xt;
  private final DenseMatrix yXt;
  private final DenseMatrix zXt;
  private final DenseMatrix gramX;
  private final DenseMatrix gramA;
  private final DenseMatrix gramAdversarial;
  private final DenseMatrix phi;
  /** The models at the missing entries (null if none) and Ŷ Xᵀ for the target. */
  private final MaskedModel masked;
  private final DenseMatrix completeXt;
  /** Of the last evaluation: α and β fits summed, ‖P‖², ⟨P, S⟩, ‖S‖² of φ = P + S (rememberScaleParts). */
  private boolean evaluated;
  private double lastFits;
  private double lastPP;
  private double lastPS;
  private double lastSS;

  /** Workspaces for factors of rank {@code rank} on this Y. */
  public AnmfObjective(DataMatrix y, AttackerTarget z, AnmfModel model, int rank) {
    this(y, MissingValues.imputeAttributeMeans(y), z, model, rank);
  }

  /**
   * The masked objective when y has missing entries: the two fits count only the observed
   * entries, and the target Z is built on {@code complete} (y with its missing entries imputed).
   */
  public AnmfObjective(DataMatrix y, DataMatrix complete, AttackerTarget z, AnmfModel model, int rank) {
    z.requireShapeOf(y);
    this.y = y;
    this.complete = complete;
    this.masked = MaskedModel.of(y);
    this.completeXt = complete == y ? null : new DenseMatrix(y.rows(), rank);
    this.z = z;
    this.model = model;
    this.yNorm2 = y.squaredNorm();
    int m = y.rows();
    int count = y.cols();
    this.xt = new DenseMatrix(count, rank);
    this.yXt = new DenseMatrix(m, rank);
    this.zXt = new DenseMatrix(m, rank);
    this.gramX = new DenseMatrix(rank, rank);
    this.gramA = new DenseMatrix(rank, rank);
    this.gramAdversarial = new DenseMatrix(rank, rank);
    this.phi = new DenseMatrix(m, rank);
  }

  /** Objective (9) at (A, Ã, X) for the given data, target and weights (allocates its workspaces). */
  public static double value(DataMatrix y, AttackerTarget z, DenseMatrix a, DenseMatrix adversarialBasis,
      DenseMatrix x, AnmfModel model) {
    return new AnmfObjective(y, z, model, a.cols()).evaluate(a, adversarialBasis, x);
  }

  /** Objective (9) at (A, Ã, X). */
  public double evaluate(DenseMatrix a, DenseMatrix adversarialBasis, DenseMatrix x) {
    return terms(a, adversarialBasis, x).total();
  }

  /**
   * The three weighted terms of (9) at (A, Ã, X); afterwards {@link #attackerResidual()} holds
   * φ = Ã(λI + XXᵀ) − λA − ZXᵀ of these factors.
   */
  public Terms terms(DenseMatrix a, DenseMatrix adversarialBasis, DenseMatrix x) {
    a.requireSameShape(adversarialBasis);
    if (a.rows() != y.rows() || x.cols() != y.cols() || a.cols() != xt.cols() || x.rows() != xt.cols()) {
      throw new IllegalArgumentException("factors A " + a.shape() + ", X " + x.shape()
          + " do not fit data " + y.rows() + "x" + y.cols() + " at rank " + xt.cols());
    }
    MatrixOps.transpose(x, xt);
    y.times(xt, yXt);
    if (completeXt == null) {
      z.timesGivenDataProduct(yXt, xt, zXt);
    } else {
      complete.times(xt, completeXt);
      z.timesGivenDataProduct(completeXt, xt, zXt);
    }
    MatrixOps.multiplyTransposeB(x, x, gramX);
    // a masked fit counts only the observed entries: the model's part at the missing ones comes off
    double attackedMissing = masked == null ? 0.0 : masked.evaluate(adversarialBasis, xt);
    double cleanMissing = masked == null ? 0.0 : masked.evaluate(a, xt);
    Terms terms = fromProducts(model, yNorm2, yXt, zXt, gramX, a, adversarialBasis, attackedMissing, cleanMissing,
        gramA, gramAdversarial, phi);
    rememberScaleParts(terms, a, adversarialBasis);
    return terms;
  }

  /**
   * Splits φ = P + S with P = λ(Ã − A) and S = Ã XXᵀ − Z Xᵀ, so that the objective along the
   * scaling direction, where φ(c) = P/c + cS, costs O(1) per scale ({@link #lastValueAtScale}).
   */
  private void rememberScaleParts(Terms terms, DenseMatrix a, DenseMatrix adversarialBasis) {
    double lambda = model.lambda();
    double[] pd = phi.data();
    double[] ad = a.data();
    double[] atd = adversarialBasis.data();
    double pp = 0.0;
    double ps = 0.0;
    double ss = 0.0;
    for (int i = 0; i < pd.length; i++) {
      double p = lambda * (atd[i] - ad[i]);
      double q = pd[i] - p;
      pp += p * p;
      ps += p * q;
      ss += q * q;
    }
    lastFits = terms.attackedFit() + terms.cleanFit();
    lastPP = pp;
    lastPS = ps;
    lastSS = ss;
    evaluated = true;
  }

  /**
   * Objective (9) at (A/c, Ã/c, cX) for the factors of the last {@link #terms} (or
   * {@link #evaluate}) call: ÃX and AX, so the two fits, do not change, and φ(c) = P/c + cS.
   */
  public double lastValueAtScale(double c) {
    if (!evaluated) {
      throw new IllegalStateException("evaluate the objective before asking for it at another scale");
    }
    return lastFits + model.gamma() * (lastPP / (c * c) + 2.0 * lastPS + c * c * lastSS);
  }

  /**
   * Objective (9) from the products it needs of the data: ‖Y‖², Y Xᵀ, Z Xᵀ and X Xᵀ (the column-
   * block form sums them over blocks); O(m n²).
   */
  public static double fromProducts(AnmfModel model, double yNorm2, DenseMatrix yXt, DenseMatrix zXt,
      DenseMatrix gramX, DenseMatrix a, DenseMatrix adversarialBasis) {
    return termsFromProducts(model, yNorm2, yXt, zXt, gramX, a, adversarialBasis,
        new DenseMatrix(a.rows(), a.cols())).total();
  }

  /** The terms of (9) from the products, as {@link #fromProducts}; {@code phi} (m x n) receives φ. */
  static Terms termsFromProducts(AnmfModel model, double yNorm2, DenseMatrix yXt, DenseMatrix zXt,
      DenseMatrix gramX, DenseMatrix a, DenseMatrix adversarialBasis, DenseMatrix phi) {
    int rank = a.cols();
    return fromProducts(model, yNorm2, yXt, zXt, gramX, a, adversarialBasis, 0.0, 0.0,
        new DenseMatrix(rank, rank), new DenseMatrix(rank, rank), phi);
  }

  /**
   * {@link #fromProducts(AnmfModel, double, DenseMatrix, DenseMatrix, DenseMatrix, DenseMatrix, DenseMatrix)}
   * with the model's squared values at missing entries taken off the two fits, and workspaces.
   */
  private static Terms fromProducts(AnmfModel model, double yNorm2, DenseMatrix yXt, DenseMatrix zXt,
      DenseMatrix gramX, DenseMatrix a, DenseMatrix adversarialBasis, double attackedMissing, double cleanMissing,
      DenseMatrix gramA, DenseMatrix gramAdversarial, DenseMatrix phi) {
    MatrixOps.multiplyTransposeA(a, a, gramA);
    MatrixOps.multiplyTransposeA(adversarialBasis, adversarialBasis, gramAdversarial);
    double attackedFit = Residuals.squaredResidual(yNorm2, yXt, adversarialBasis, gramAdversarial, gramX);
    double cleanFit = Residuals.squaredResidual(yNorm2, yXt, a, gramA, gramX);
    attackedFit = Math.max(0.0, attackedFit - attackedMissing);
    cleanFit = Math.max(0.0, cleanFit - cleanMissing);
    // φ = Ã XXᵀ + λ(Ã − A) − Z Xᵀ
    MatrixOps.multiply(adversarialBasis, gramX, phi);
    double lambda = model.lambda();
    double[] pd = phi.data();
    double[] ad = a.data();
    double[] atd = adversarialBasis.data();
    double[] zd = zXt.data();
    double penalty = 0.0;
    for (int i = 0; i < pd.length; i++) {
      double v = pd[i] + lambda * (atd[i] - ad[i]) - zd[i];
      pd[i] = v;
      penalty += v * v;
    }
    return new Terms(model.alpha() * attackedFit, model.beta() * cleanFit, model.gamma() * penalty);
  }

  /** φ (m x n) of the factors of the last {@link #terms} call, copy. */
  public DenseMatrix attackerResidual() {
    return phi.copy();
  }

  /** The weighted terms α‖ÃX − Y‖², β‖AX − Y‖², γ‖φ‖² of (9). */
  public static final class Terms implements java.io.Serializable {
    private static final long serialVersionUID = 5121964080187655923L;
    private final double attackedFit;
    private final double cleanFit;
    private final double attackerPenalty;

    public Terms(double attackedFit, double cleanFit, double attackerPenalty) {
      this.attackedFit = attackedFit;
      this.cleanFit = cleanFit;
      this.attackerPenalty = attackerPenalty;
    }

    /** α‖ÃX − Y‖². */
    public double attackedFit() {
      return attackedFit;
    }

    /** β‖AX − Y‖². */
    public double cleanFit() {
      return cleanFit;
    }

    /** γ‖Ã(λI + XXᵀ) − λA − ZXᵀ‖². */
    public double attackerPenalty() {
      return attackerPenalty;
    }

    public double total() {
      return attackedFit + cleanFit + attackerPenalty;
    }
  }
}
