package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import java.io.Serializable;
import java.util.Random;

/**
 * The attacker's instance-specific target Z (m x N) of model (5): either a constant shift of the
 * data, Z = Y + t·1 (Remark 1a), which is never materialised, or an explicit matrix such as a
 * noise filter applied to Y (Remark 1b). The solvers only need Z B, Zᵀ B and H − Z.
 */
public abstract class AttackerTarget implements Serializable {

  private static final long serialVersionUID = 2664702838580271735L;

  private AttackerTarget() {
  }

  /** Z = Y + t·1 for the Y being fitted (Remark 1a). */
  public static AttackerTarget shift(double t) {
    return new Shift(checkedShift(t));
  }

  /** {@code t} if it is a valid shift (finite; a face may use a negative one to mean "draw t"). */
  public static double checkedShift(double t) {
    if (!Double.isFinite(t)) {
      throw new IllegalArgumentException("shift t must be a finite number, got " + t);
    }
    return t;
  }

  /** Z given entry by entry (Remark 1b), m x N like Y; held, not copied. */
  public static AttackerTarget explicit(DenseMatrix z) {
    if (!z.isFinite()) {
      throw new IllegalArgumentException("the explicit attacker target Z holds NaN or infinite entries");
    }
    return new Explicit(z);
  }

  /**
   * Z made from Y column by column (an instance's target from that instance alone), for a fit on
   * column blocks: each block turns its Y_b into Z_b once, at the start, and keeps it beside Y_b. A
   * fit in memory takes {@link #explicit} of the whole matrix instead.
   */
  public static AttackerTarget columnWise(ColumnMap map) {
    return new ColumnWise(map);
  }

  /** Y_b (m x N_b, as factorized) to Z_b (m x N_b, nonnegative, finite), instance by instance. */
  public interface ColumnMap extends Serializable {
    DenseMatrix apply(DataMatrix columns);

    /** How Z is made, for the model's description. */
    String describe();
  }

  /** The map of a column-wise target, else null. */
  ColumnMap columnMap() {
    return null;
  }

  /** σ, the (population) standard deviation of all m N entries of Y. */
  public static double entryStandardDeviation(DataMatrix y) {
    double count = (double) y.rows() * y.cols();
    if (count == 0) {
      throw new IllegalArgumentException("the standard deviation of an empty data matrix is undefined");
    }
    double mean = y.sum() / count;
    double sigma = Math.sqrt(Math.max(0.0, y.squaredNorm() / count - mean * mean));
    if (!Double.isFinite(sigma)) {
      throw new IllegalArgumentException("the standard deviation of the data is not finite (largest value "
          + y.max() + "): scale the data into [0, 1] first (the clusterers' -scaling max does)");
    }
    return sigma;
  }

  /** The paper's shift: t drawn uniformly from [0, 5σ] with σ = {@link #entryStandardDeviation}. */
  public static AttackerTarget randomShift(DataMatrix y, Random random) {
    return shift(5.0 * entryStandardDeviation(y) * random.nextDouble());
  }

  /** Throws unless this target fits data of y's shape. */
  abstract void requireShapeOf(DataMatrix y);

  /** out = Z B for B of shape N x k (out m x k). */
  void times(DataMatrix y, DenseMatrix b, DenseMatrix out) {
    y.times(b, out);
    timesGivenDataProduct(out, b, out);
  }

  /**
   * out = Z B given yB = Y B (B is N x k; yB and out m x k, out may be yB): saves the product with
   * Y when the caller needs Y B as well.
   */
  abstract void timesGivenDataProduct(DenseMatrix yB, DenseMatrix b, DenseMatrix out);

  /**
   * out = Z B given yB = Y B and the column sums of B: the column-block form, where B's rows (one
   * per instance) are spread over blocks that return their partial sums. Only a target that is a
   * function of Y alone has it; see {@link #hasColumnBlockForm()}.
   */
  void timesGivenDataProduct(DenseMatrix yB, double[] columnSumsOfB, DenseMatrix out) {
    throw new UnsupportedOperationException("the attacker target " + describe() + " has no column-block form");
  }

  /**
   * True if a fit can run on column blocks: Z's products follow from Y's block by block (the shift
   * of Remark 1a), or each block makes and keeps its Z_b ({@link #columnWise}); an explicit Z of the
   * whole data would have to be cut into blocks beside Y.
   */
  public boolean hasColumnBlockForm() {
    return false;
  }

  /** out = Zᵀ B for B of shape m x k (out N x k); for a block-form target Y may be one column block. */
  abstract void transposeTimes(DataMatrix y, DenseMatrix b, DenseMatrix out);

  /** out = H − Z, where {@code yDense} is Y as a dense matrix (used by the shift target). */
  abstract void subtractFrom(DenseMatrix h, DenseMatrix yDense, DenseMatrix out);

  /**
   * The shift t with which a new instance y gets the target z = y + t·1 (docs/ALGORITHM.md §7): the
   * fitted t for the shift target; 0 for an explicit Z, whose perturbation of an unseen instance is
   * not known (a noise filter draws it at random), so the attacker is taken to leave it as it is.
   */
  public abstract double newInstanceShift();

  /** Z as a new dense m x N matrix. */
  public abstract DenseMatrix materialize(DataMatrix y);

  /** A short description for toString() of the models. */
  public abstract String describe();

  /** The column sums of b (k values), summed over b's rows in order. */
  static double[] columnSums(DenseMatrix b) {
    int k = b.cols();
    double[] bd = b.data();
    double[] sums = new double[k];
    for (int j = 0; j < b.rows(); j++) {
      int base = j * k;
      for (int c = 0; c < k; c++) {
        sums[c] += bd[base + c];
      }
    }
    return sums;
  }

  private static final class Shift extends AttackerTarget {
    private static final long serialVersionUID = -1406049305722187001L;
    private final double t;

    Shift(double t) {
      this.t = t;
    }

    @Override
    void requireShapeOf(DataMatrix y) {
      // a shift fits any Y
    }

    @Override
    void timesGivenDataProduct(DenseMatrix yB, DenseMatrix b, DenseMatrix out) {
      // (Y + t 1_m 1_Nᵀ) B = Y B + t 1_m (1_Nᵀ B)
      if (out != yB) {
        out.assign(yB);
      }
      addShiftedColumnSums(b, out);
    }

    @Override
    void timesGivenDataProduct(DenseMatrix yB, double[] columnSumsOfB, DenseMatrix out) {
      if (out != yB) {
        out.assign(yB);
      }
      addShifted(columnSumsOfB, out);
    }

    @Override
    public boolean hasColumnBlockForm() {
      return true;
    }

    @Override
    void transposeTimes(DataMatrix y, DenseMatrix b, DenseMatrix out) {
      // (Y + t 1_m 1_Nᵀ)ᵀ B = Yᵀ B + t 1_N (1_mᵀ B)
      y.transposeTimes(b, out);
      addShiftedColumnSums(b, out);
    }

    /** Adds t times the column sums of b to every row of out. */
    private void addShiftedColumnSums(DenseMatrix b, DenseMatrix out) {
      addShifted(columnSums(b), out);
    }

    /** Adds t times {@code columnSums} to every row of out. */
    private void addShifted(double[] columnSums, DenseMatrix out) {
      int k = columnSums.length;
      double[] od = out.data();
      for (int i = 0; i < out.rows(); i++) {
        int base = i * k;
        for (int c = 0; c < k; c++) {
          od[base + c] += t * columnSums[c];
        }
      }
    }

    @Override
    void subtractFrom(DenseMatrix h, DenseMatrix yDense, DenseMatrix out) {
      double[] hd = h.data();
      double[] yd = yDense.data();
      double[] od = out.data();
      for (int i = 0; i < od.length; i++) {
        od[i] = hd[i] - yd[i] - t;
      }
    }

    @Override
    public double newInstanceShift() {
      return t;
    }

    @Override
    public DenseMatrix materialize(DataMatrix y) {
      DenseMatrix z = y.toDense();
      double[] zd = z.data();
      for (int i = 0; i < zd.length; i++) {
        zd[i] += t;
      }
      return z;
    }

    @Override
    public String describe() {
      return "shift Z = Y + " + t;
    }
  }

  private static final class Explicit extends AttackerTarget {
    private static final long serialVersionUID = 8021431153170233264L;
    private final DenseMatrix z;

    Explicit(DenseMatrix z) {
      this.z = z;
    }

    @Override
    void requireShapeOf(DataMatrix y) {
      if (z.rows() != y.rows() || z.cols() != y.cols()) {
        throw new IllegalArgumentException("attacker target Z is " + z.shape() + " but the data Y is "
            + y.rows() + "x" + y.cols() + "; Z must have Y's shape");
      }
    }

    @Override
    void times(DataMatrix y, DenseMatrix b, DenseMatrix out) {
      MatrixOps.multiply(z, b, out);
    }

    @Override
    void timesGivenDataProduct(DenseMatrix yB, DenseMatrix b, DenseMatrix out) {
      MatrixOps.multiply(z, b, out);
    }

    @Override
    void transposeTimes(DataMatrix y, DenseMatrix b, DenseMatrix out) {
      MatrixOps.multiplyTransposeA(z, b, out);
    }

    @Override
    void subtractFrom(DenseMatrix h, DenseMatrix yDense, DenseMatrix out) {
      double[] hd = h.data();
      double[] zd = z.data();
      double[] od = out.data();
      for (int i = 0; i < od.length; i++) {
        od[i] = hd[i] - zd[i];
      }
    }

    @Override
    public double newInstanceShift() {
      return 0.0;
    }

    @Override
    public DenseMatrix materialize(DataMatrix y) {
      return z.copy();
    }

    @Override
    public String describe() {
      return "explicit Z (" + z.shape() + ")";
    }
  }

  /** Z_b kept by each block (see {@link #columnWise}); the block iteration reads Z_b Xᵀ_b from the blocks. */
  private static final class ColumnWise extends AttackerTarget {
    private static final long serialVersionUID = -3306104813346418170L;
    private final ColumnMap map;

    ColumnWise(ColumnMap map) {
      this.map = map;
    }

    @Override
    ColumnMap columnMap() {
      return map;
    }

    @Override
    public boolean hasColumnBlockForm() {
      return true;
    }

    private UnsupportedOperationException inMemory() {
      return new UnsupportedOperationException("the column-wise target " + describe() + " lives in column blocks;"
          + " a fit in memory takes AttackerTarget.explicit of the whole Z");
    }

    @Override
    void requireShapeOf(DataMatrix y) {
      throw inMemory();
    }

    @Override
    void timesGivenDataProduct(DenseMatrix yB, DenseMatrix b, DenseMatrix out) {
      throw inMemory();
    }

    @Override
    void transposeTimes(DataMatrix y, DenseMatrix b, DenseMatrix out) {
      throw inMemory();
    }

    @Override
    void subtractFrom(DenseMatrix h, DenseMatrix yDense, DenseMatrix out) {
      throw inMemory();
    }

    @Override
    public double newInstanceShift() {
      return 0.0;
    }

    @Override
    public DenseMatrix materialize(DataMatrix y) {
      return map.apply(y);
    }

    @Override
    public String describe() {
      return map.describe();
    }
  }
}
