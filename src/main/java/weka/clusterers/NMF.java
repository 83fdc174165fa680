package weka.clusterers;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.MultiplicativeUpdateNmf;
import adversarialnmf.solver.StoppingRule;
import java.util.Random;
import weka.core.Instances;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;

/**
 * <!-- globalinfo-start -->
 * Standard nonnegative matrix factorization (NMF) as a clusterer: the data matrix Y (attributes x
 * instances) is factorized as A X with A, X &gt;= 0 minimising ||Y - AX||_F^2; each instance goes to the
 * cluster of its largest coefficient.
 * <!-- globalinfo-end -->
 */
public class NMF extends AbstractNMFClusterer {

  private static final long serialVersionUID = 5207402473470815384L;

  public String globalInfo() {
    return "Standard nonnegative matrix factorization (NMF) as a clusterer: the data matrix Y "
        + "(attributes x instances) is factorized as A X with A, X >= 0 minimising ||Y - AX||_F^2, by the "
        + "multiplicative updates of Lee and Seung. Each instance goes to the cluster of its largest "
        + "coefficient (or, as an option, k-means on its normalised coefficients); new instances are "
        + "projected onto the learned basis by nonnegative least squares.\n\n"
        + "For more information see:\n\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation result = new TechnicalInformation(Type.INPROCEEDINGS);
    result.setValue(Field.AUTHOR, "Daniel D. Lee and H. Sebastian Seung");
    result.setValue(Field.TITLE, "Algorithms for Non-negative Matrix Factorization");
    result.setValue(Field.BOOKTITLE, "Advances in Neural Information Processing Systems 13");
    result.setValue(Field.YEAR, "2001");
    result.setValue(Field.PAGES, "556-562");
    result.setValue(Field.PUBLISHER, "MIT Press");
    return result;
  }

  @Override
  protected String methodName() {
    return "NMF";
  }

  @Override
  protected FactorizationSolver createSolver(Instances data, DataMatrix y, double dataScale, StoppingRule stopping,
      Random random) {
    return new MultiplicativeUpdateNmf(stopping);
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runClusterer(new NMF(), args);
  }
}
