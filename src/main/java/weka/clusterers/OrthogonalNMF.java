package weka.clusterers;

import adversarialnmf.cluster.FitContext;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.OrthogonalNmf;
import weka.core.Instances;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;

/**
 * <!-- globalinfo-start -->
 * Orthogonal nonnegative matrix factorization (Ding, Li, Peng and Park, KDD 2006) as a clusterer:
 * ||Y - AX||_F^2 with A, X &gt;= 0 and orthogonal cluster indicators X X^T = I.
 * <!-- globalinfo-end -->
 */
public class OrthogonalNMF extends AbstractNMFClusterer {

  private static final long serialVersionUID = 8843109911207530571L;

  public String globalInfo() {
    return "Orthogonal nonnegative matrix factorization (ONMF) as a clusterer: minimises ||Y - AX||_F^2 over "
        + "A, X >= 0 with the cluster-indicator factor X kept (approximately) orthogonal, X X^T = I, by the "
        + "multiplicative updates of Ding, Li, Peng and Park. Orthogonal indicators make each instance load "
        + "on few basis vectors, which sharpens the clustering. (The ANMF paper's section 6.1 cites Kong et "
        + "al. for ONMF; the method is Ding et al.'s.)\n\n"
        + "For more information see:\n\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation result = new TechnicalInformation(Type.INPROCEEDINGS);
    result.setValue(Field.AUTHOR, "Chris Ding and Tao Li and Wei Peng and Haesun Park");
    result.setValue(Field.TITLE, "Orthogonal Nonnegative Matrix Tri-factorizations for Clustering");
    result.setValue(Field.BOOKTITLE,
        "Proceedings of the 12th ACM SIGKDD International Conference on Knowledge Discovery and Data Mining");
    result.setValue(Field.YEAR, "2006");
    result.setValue(Field.PAGES, "126-135");
    result.setValue(Field.PUBLISHER, "ACM");
    return result;
  }

  @Override
  protected boolean fitsMissingValues() {
    return false;
  }

  @Override
  protected String methodName() {
    return "Orthogonal NMF";
  }

  @Override
  protected FactorizationSolver createSolver(Instances data, FitContext context) {
    return new OrthogonalNmf(context.stopping());
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runClusterer(new OrthogonalNMF(), args);
  }
}
