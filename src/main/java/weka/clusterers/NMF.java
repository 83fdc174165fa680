package weka.clusterers;

import static adversarialnmf.weka.WekaOptions.tagName;
import static adversarialnmf.weka.WekaOptions.tagOption;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.HalsNmf;
import adversarialnmf.solver.KullbackLeiblerNmf;
import adversarialnmf.solver.MultiplicativeUpdateNmf;
import adversarialnmf.solver.StoppingRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.Vector;
import weka.core.Instances;
import weka.core.Option;
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
 * divergence); each instance goes to the cluster of its largest coefficient.
 * <!-- globalinfo-end -->
 */
public class NMF extends AbstractNMFClusterer {

  private static final long serialVersionUID = 5207402473470815384L;

  public static final int SOLVER_HALS = 0;
  public static final int SOLVER_MU = 1;
  public static final int SOLVER_KL = 2;
  public static final Tag[] TAGS_SOLVER = {
      new Tag(SOLVER_HALS, "hals", "Frobenius loss, HALS coordinate descent on Gram matrices", false),
      new Tag(SOLVER_MU, "mu", "Frobenius loss, Lee-Seung multiplicative updates (the ANMF paper's baseline)", false),
      new Tag(SOLVER_KL, "kl", "Kullback-Leibler divergence, Lee-Seung multiplicative updates", false)};

  protected int m_Solver = SOLVER_MU;

  public String globalInfo() {
    return "Standard nonnegative matrix factorization (NMF) as a clusterer: the data matrix Y "
        + "(attributes x instances) is factorized as A X with A, X >= 0 minimising ||Y - AX||_F^2, by the "
        + "multiplicative updates of Lee and Seung (default; the ANMF paper's baseline) or HALS coordinate "
        + "descent (faster per unit of objective), or minimising the "
        + "generalised Kullback-Leibler divergence D(Y||AX) (for counts, e.g. text). Each instance goes to the cluster of its largest "
        + "coefficient (or, as an option, k-means on its normalised coefficients); new instances get the "
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
  protected FactorizationSolver createSolver(Instances data, DataMatrix y, double dataScale, StoppingRule stopping,
      Random random) {
    switch (m_Solver) {
      case SOLVER_MU:
        return new MultiplicativeUpdateNmf(stopping);
      case SOLVER_KL:
        return new KullbackLeiblerNmf(stopping);
      default:
        return new HalsNmf(stopping);
    }
  }

  @Override
  protected void describeModel(StringBuilder text) {
    text.append("Solver: ").append(TAGS_SOLVER[m_Solver].getReadable()).append('\n');
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = new Vector<Option>();
    options.add(new Option("\tSolver and loss: hals (Frobenius, coordinate descent), mu (Frobenius,\n"
        + "\tmultiplicative updates) or kl (Kullback-Leibler, multiplicative updates).\n\t(default mu)",
        "solver", 1, "-solver <hals|mu|kl>"));
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    setSolver(tagOption("solver", options, TAGS_SOLVER, SOLVER_MU));
    super.setOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<String>();
    Collections.addAll(options, "-solver", tagName(TAGS_SOLVER, m_Solver));
    Collections.addAll(options, super.getOptions());
    return options.toArray(new String[0]);
  }

  public SelectedTag getSolver() {
    return new SelectedTag(m_Solver, TAGS_SOLVER);
  }

  public void setSolver(SelectedTag value) {
    if (value.getTags() == TAGS_SOLVER) {
      m_Solver = value.getSelectedTag().getID();
    }
  }

  public String solverTipText() {
    return "The loss and its solver: Frobenius by multiplicative updates (the paper's baseline; the default, "
        + "since it clustered better than HALS on ORL and Yale, docs/BASELINES.md) or by HALS (lower objective "
        + "per second), or the Kullback-Leibler divergence by multiplicative updates.";
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runClusterer(new NMF(), args);
  }
}
