package weka.clusterers;

import adversarialnmf.cluster.FitContext;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.GraphNmf;
import adversarialnmf.solver.GraphWeighting;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.EnumTags;
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
 * Graph-regularised NMF (GNMF; Cai, He, Han and Huang, TPAMI 2011) as a clusterer: ||Y - AX||_F^2 +
 * lambda tr(X L X^T) over A, X &gt;= 0, L the Laplacian of the instances' k-nearest-neighbour graph.
 * <!-- globalinfo-end -->
 */
public class GraphNMF extends AbstractNMFClusterer {

  private static final long serialVersionUID = 4616958047731260823L;

  public static final Tag[] TAGS_WEIGHTING = EnumTags.of(GraphWeighting.class);

  protected GraphNmf.Options m_Graph = GraphNmf.Options.defaults();

  public String globalInfo() {
    return "Graph-regularised NMF (GNMF) as a clusterer: minimises ||Y - AX||_F^2 + lambda tr(X L X^T) over "
        + "A, X >= 0, where L = D - W is the Laplacian of the symmetrised k-nearest-neighbour graph of the "
        + "instances, by the multiplicative updates of Cai, He, Han and Huang: instances that are near in the "
        + "data get near coefficients (the manifold assumption). New instances have no edges in the training "
        + "graph and get nonnegative least squares onto the basis, as do the training instances in the final "
        + "X-step. Missing values must be imputed (-missing mean). GNMF helps where the data lie on manifolds "
        + "that the neighbour graph follows (docs/ALGORITHM.md 8: two planted arcs that NMF splits); on the image "
        + "sets MNIST-150, Yale and ORL no lambda from 0.01 to 100 clustered significantly better than NMF, and "
        + "lambda >= 1 clustered worse, so the default lambda 0.01 is close to plain NMF.\n\n"
        + "For more information see:\n\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation result = new TechnicalInformation(Type.ARTICLE);
    result.setValue(Field.AUTHOR, "Deng Cai and Xiaofei He and Jiawei Han and Thomas S. Huang");
    result.setValue(Field.TITLE, "Graph Regularized Nonnegative Matrix Factorization for Data Representation");
    result.setValue(Field.JOURNAL, "IEEE Transactions on Pattern Analysis and Machine Intelligence");
    result.setValue(Field.VOLUME, "33");
    result.setValue(Field.NUMBER, "8");
    result.setValue(Field.YEAR, "2011");
    result.setValue(Field.PAGES, "1548-1560");
    return result;
  }

  @Override
  protected boolean fitsMissingValues() {
    return false;
  }

  @Override
  protected String methodName() {
    return "Graph-regularised NMF";
  }

  @Override
  protected FactorizationSolver createSolver(Instances data, FitContext context) {
    return solverForEstimate(context.stopping());
  }

  @Override
  protected FactorizationSolver solverForEstimate(StoppingRule stopping) {
    return new GraphNmf(stopping, m_Graph);
  }

  @OptionMetadata(displayName = "graph weight lambda", displayOrder = 20,
      description = "The weight lambda of the graph term tr(X L X^T); 0 is plain NMF. Both terms grow with the"
      + " square of the data, so lambda is free of their units (and of -scaling). The default 0.01 was the only"
      + " value of 0.01-100 never significantly below NMF on MNIST-150, Yale and ORL; Cai et al. used 100,"
      + " at which the solver's X collapses to one cluster on those sets.")
  @CommandLineOption("lambda")
  public double getLambda() {
    return m_Graph.lambda();
  }

  public void setLambda(double value) {
    m_Graph = m_Graph.withLambda(value);
  }

  @OptionMetadata(displayName = "neighbours", displayOrder = 21,
      description = "The number k of nearest neighbours (Euclidean) joined to each instance; Cai et al. used 5.")
  @CommandLineOption("neighbours")
  public int getNeighbours() {
    return m_Graph.neighbours();
  }

  public void setNeighbours(int value) {
    m_Graph = m_Graph.withNeighbours(value);
  }

  @OptionMetadata(displayName = "edge weights", displayOrder = 22,
      description = "The weight of an edge: binary (1, the default), heat (a heat kernel of the distance) or"
      + " cosine (of the two instances).")
  @CommandLineOption("weighting")
  public SelectedTag getWeighting() {
    return EnumTags.selected(m_Graph.weighting(), TAGS_WEIGHTING);
  }

  public void setWeighting(SelectedTag value) {
    m_Graph = m_Graph.withWeighting(EnumTags.value(value, GraphWeighting.class, "edge weights (-weighting)"));
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runClusterer(new GraphNMF(), args);
  }
}
