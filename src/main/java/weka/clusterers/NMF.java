package weka.clusterers;

import adversarialnmf.cluster.FitContext;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.NmfSolver;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.EnumTags;
import java.util.Collections;
import java.util.List;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;

/**
 * <!-- globalinfo-start -->
 * Standard nonnegative matrix factorization (NMF) as a clusterer: the data matrix Y (attributes x
 * instances) is factorized as A X with A, X &gt;= 0 minimising ||Y - AX||_F^2 (or the Kullback-Leibler
 * divergence); by default each instance goes to the k-means cluster of its coefficient vector.
 * <!-- globalinfo-end -->
 */
public class NMF extends AbstractNMFClusterer {

  private static final long serialVersionUID = 5207402473470815384L;

  public static final Tag[] TAGS_SOLVER = EnumTags.of(NmfSolver.class);

  protected NmfSolver m_Solver = NmfSolver.MU;

  public String globalInfo() {
    return "Standard nonnegative matrix factorization (NMF) as a clusterer: the data matrix Y "
        + "(attributes x instances) is factorized as A X with A, X >= 0 minimising ||Y - AX||_F^2, by the "
        + "multiplicative updates of Lee and Seung (default; the ANMF paper's baseline) or HALS coordinate "
        + "descent (faster per unit of objective), or minimising the "
        + "generalised Kullback-Leibler divergence D(Y||AX) (for counts, e.g. text). By default, as the NMF clustering literature does, "
        + "text (sparse data) is tf-idf weighted, scaled to unit length and started from NNDSVD, images start "
        + "from k-means, and the clusters are k-means on the unit-normalised coefficient vectors (-assign argmax: "
        + "the largest coefficient); new instances are preprocessed as the training data and get the "
        + "coefficients that minimise the method's own loss with the learned basis fixed (nonnegative least "
        + "squares, or the KL divergence), the rule that also finishes the fit's X.\n\n"
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
  protected FactorizationSolver createSolver(Instances data, FitContext context) {
    return m_Solver.create(context.stopping());
  }

  @Override
  protected List<String> recipe(FactorizationSolver solver) {
    return Collections.singletonList("Solver: " + m_Solver.description());
  }

  @OptionMetadata(displayName = "solver", displayOrder = 20,
      description = "The loss and its solver: Frobenius loss by multiplicative updates (mu, the paper's"
      + " baseline and the default) or by HALS (hals, lower objective per second), or the"
      + " Kullback-Leibler divergence by multiplicative updates (kl). mu is the default since it"
      + " clustered better than HALS on ORL and Yale (docs/BASELINES.md).")
  @CommandLineOption("solver")
  public SelectedTag getSolver() {
    return EnumTags.selected(m_Solver, TAGS_SOLVER);
  }

  public void setSolver(SelectedTag value) {
    m_Solver = EnumTags.value(value, NmfSolver.class, "solver (-solver)");
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runClusterer(new NMF(), args);
  }
}
