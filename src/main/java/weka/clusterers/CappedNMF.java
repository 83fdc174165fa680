package weka.clusterers;

import adversarialnmf.cluster.FitContext;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.solver.CappedNmf;
import adversarialnmf.solver.FactorizationSolver;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.Utils;

/**
 * <!-- globalinfo-start -->
 * Capped-norm nonnegative matrix factorization (Gao, Nie, Cai and Huang, CIKM 2015) as a clusterer:
 * the sum over instances of min(||y_j - A x_j||_2, theta), so instances beyond the cap stop
 * influencing the factors.
 * <!-- globalinfo-end -->
 */
public class CappedNMF extends AbstractNMFClusterer {

  private static final long serialVersionUID = 2939024637110529188L;

  protected double m_Cap = -1;
  protected double m_InlierQuantile = CappedNmf.Options.DEFAULT_INLIER_QUANTILE;
  protected boolean m_LeeSeungCoefficients;

  public String globalInfo() {
    return "Capped-norm nonnegative matrix factorization (CNMF) as a clusterer: minimises the sum over "
        + "instances of min(||y_j - A x_j||_2, theta) over A, X >= 0, by the reweighted updates of Gao, Nie, "
        + "Cai and Huang: an instance whose residual exceeds the cap theta gets weight 0 and no longer moves "
        + "the basis. By default theta is data driven (the 0.9 quantile of the instances' residual norms at "
        + "the start); a fixed theta can be given in the data's units.\n\n"
        + "For more information see:\n\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation result = new TechnicalInformation(Type.INPROCEEDINGS);
    result.setValue(Field.AUTHOR, "Hongchang Gao and Feiping Nie and Weidong Cai and Heng Huang");
    result.setValue(Field.TITLE, "Robust Capped Norm Nonnegative Matrix Factorization");
    result.setValue(Field.BOOKTITLE,
        "Proceedings of the 24th ACM International Conference on Information and Knowledge Management");
    result.setValue(Field.YEAR, "2015");
    result.setValue(Field.PAGES, "871-880");
    result.setValue(Field.PUBLISHER, "ACM");
    return result;
  }

  /** The Lee-Seung X rule has a masked form, the authors' orthogonal rule none. */
  @Override
  protected boolean fitsMissingValues() {
    return m_LeeSeungCoefficients;
  }

  @Override
  protected String missingValuesAdvice() {
    return "use the Lee-Seung coefficient update (-lee-seung), or impute them first (-missing mean)";
  }

  @Override
  protected String methodName() {
    return "Capped-norm NMF";
  }

  @Override
  protected FactorizationSolver createSolver(Instances data, FitContext context) {
    return new CappedNmf(context.stopping(), capOptions(context.dataScale()));
  }

  /** The cap rule for data multiplied by {@code dataScale} (a fixed cap is given in raw units). */
  CappedNmf.Options capOptions(double dataScale) {
    boolean orthogonal = !m_LeeSeungCoefficients;
    return m_Cap > 0 ? CappedNmf.Options.fixedCap(m_Cap * dataScale, orthogonal)
        : CappedNmf.Options.quantileCap(m_InlierQuantile, orthogonal);
  }

  @Override
  protected void describeModel(StringBuilder text) {
    double[] cap = getFactorization().trace(CappedNmf.CAP_TRACE);
    double[] capped = getFactorization().trace(CappedNmf.CAPPED_TRACE);
    if (cap != null && capped != null) {
      text.append("Cap theta (scaled units): ").append(Utils.doubleToString(cap[cap.length - 1], 6))
          .append(", capped instances at the end: ").append((int) capped[capped.length - 1]).append('\n');
    }
  }

  @OptionMetadata(displayName = "fixed cap", displayOrder = 20,
      description = "A fixed cap theta on each instance's residual norm, in the data's units; zero or"
      + " less uses the data-driven cap (cap quantile).")
  @CommandLineOption("cap")
  public double getCap() {
    return m_Cap;
  }

  public void setCap(double value) {
    // <= 0 is this face's "no fixed cap"; a fixed cap itself is checked by the core when used
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("capped NMF: cap (-cap) must be a finite number, got " + value);
    }
    m_Cap = value;
  }

  @OptionMetadata(displayName = "cap quantile", displayOrder = 21,
      description = "The data-driven cap is this quantile of the instances' residual norms at the"
      + " start (1 caps none).")
  @CommandLineOption("cap-quantile")
  public double getInlierQuantile() {
    return m_InlierQuantile;
  }

  public void setInlierQuantile(double value) {
    m_InlierQuantile = CappedNmf.Options.checkedQuantile(value);
  }

  @OptionMetadata(displayName = "Lee-Seung coefficients", displayOrder = 22,
      description = "Update the coefficients X by Lee and Seung's rule instead of the authors'"
      + " orthogonal rule.")
  @CommandLineOption("lee-seung")
  public boolean getLeeSeungCoefficients() {
    return m_LeeSeungCoefficients;
  }

  public void setLeeSeungCoefficients(boolean value) {
    m_LeeSeungCoefficients = value;
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runClusterer(new CappedNMF(), args);
  }
}
