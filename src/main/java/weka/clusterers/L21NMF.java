package weka.clusterers;

import adversarialnmf.cluster.FitContext;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.L21Nmf;
import weka.core.Instances;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;

/**
 * <!-- globalinfo-start -->
 * L2,1-norm nonnegative matrix factorization (Kong, Ding and Huang, CIKM 2011) as a clusterer:
 * the sum over instances of ||y_j - A x_j||_2, robust to outlying instances.
 * <!-- globalinfo-end -->
 */
public class L21NMF extends AbstractNMFClusterer {

  private static final long serialVersionUID = -2214380427011858764L;

  public String globalInfo() {
    return "L2,1-norm nonnegative matrix factorization as a clusterer: minimises ||Y - AX||_2,1, the sum over "
        + "instances of the (unsquared) Euclidean norm of their residual, over A, X >= 0, by the reweighted "
        + "multiplicative updates of Kong, Ding and Huang. A grossly corrupted instance pulls the basis "
        + "linearly, not quadratically, so outliers hurt far less than in standard NMF. (The ANMF paper's "
        + "section 6.1 cites Ding et al. for L2,1-NMF; the method is Kong et al.'s.)\n\n"
        + "For more information see:\n\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation result = new TechnicalInformation(Type.INPROCEEDINGS);
    result.setValue(Field.AUTHOR, "Deguang Kong and Chris Ding and Heng Huang");
    result.setValue(Field.TITLE, "Robust Nonnegative Matrix Factorization using L21-norm");
    result.setValue(Field.BOOKTITLE,
        "Proceedings of the 20th ACM International Conference on Information and Knowledge Management");
    result.setValue(Field.YEAR, "2011");
    result.setValue(Field.PAGES, "673-682");
    result.setValue(Field.PUBLISHER, "ACM");
    return result;
  }

  @Override
  protected String methodName() {
    return "L2,1-norm NMF";
  }

  @Override
  protected FactorizationSolver createSolver(Instances data, FitContext context) {
    return new L21Nmf(context.stopping());
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runClusterer(new L21NMF(), args);
  }
}
