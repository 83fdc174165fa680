package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;

/**
 * Graph-regularised NMF (GNMF) of Cai, He, Han &amp; Huang (TPAMI 2011): min ‖Y − AX‖²_F + λ tr(X L Xᵀ)
 * over A, X ≥ 0, with L = D − W the Laplacian of the instances' nearest-neighbour graph
 * ({@link NeighbourGraph}), so that instances close in the data get close coefficients. Their
 * multiplicative updates (docs/ALGORITHM.md §8), the shared kernel {@link MultiplicativeUpdate} with
 * the graph's rank-n terms added: Xᵀ ← Xᵀ ∘ (YᵀA + λ W Xᵀ) / (Xᵀ AᵀA + λ D Xᵀ), then A ← A ∘ (Y Xᵀ) /
 * (A X Xᵀ); neither can increase the objective (their Theorem 1). The start is rescaled to unit-norm
 * basis columns (A X unchanged, as Cai et al.'s code does), which makes λ free of the data's units.
 * A new instance has no edges in the training graph, so its coefficients are NNLS onto A.
 */
public final class GraphNmf extends IterativeSolver {

  /** Trace of λ tr(X L Xᵀ), the graph term of the objective, per iteration. */
  public static final String GRAPH_TERM_TRACE = "graph term lambda tr(X L X^T)";

  private final Options options;
  /** The graph of the last data fitted (restarts on the same data share it). */
  private DataMatrix graphData;
  private NeighbourGraph graph;

  public GraphNmf(StoppingRule stopping, Options options) {
    super(stopping);
    this.options = java.util.Objects.requireNonNull(options, "options");
  }

  public Options options() {
    return options;
  }

  @Override
  public String describe() {
    return "Graph-regularised NMF (Cai et al. 2011; " + options.describe() + ")";
  }

  @Override
  protected String divergenceHint() {
    return "lower the graph weight (-lambda), or scale the data";
  }

  @Override
  protected String missingEntriesHint() {
    return "its nearest-neighbour graph needs every value; impute the missing values first (-missing mean)";
  }

  @Override
  protected long workspaceBytes(DataMatrix y, int rank) {
    return WorkingSet.factorSized(y.rows(), y.cols(), rank)
        + NeighbourGraph.bytes(y.cols(), options.neighbours());
  }

  /** The nearest-neighbour graph of {@code y}'s instances, built once for every start on the same data. */
  public synchronized NeighbourGraph graphOf(DataMatrix y) {
    if (graphData != y) {
      graph = NeighbourGraph.of(y, options.neighbours(), options.weighting());
      graphData = y;
    }
    return graph;
  }

  @Override
  protected Run start(DataMatrix y, Factors start) {
    return new GraphRun(y, start, graphOf(y));
  }

  @Override
  protected Factorization complete(DataMatrix y, Factors start, Factorization fit) {
    return fit.completed(new NonnegativeProjection(fit.basis()),
        Collections.singletonMap("Graph edges", (double) graphOf(y).edges()));
  }

  private final class GraphRun extends Run {
    private final DataMatrix y;
    private final double yNorm2;
    private final NeighbourGraph graph;
    private final double lambda;
    private final DenseMatrix a;
    /** X transposed (N x n), so that its update is the same kernel as A's. */
    private final DenseMatrix xt;
    private final DenseMatrix numerator;
    private final DenseMatrix gramA;
    private final DenseMatrix xtGramA;
    private final DenseMatrix yXt;
    private final DenseMatrix gramX;
    private final DenseMatrix aGramX;
    private final MultiplicativeUpdate.DenominatorCorrection degreeTerm;
    private final double[] graphTerm;
    private int evaluated;

    GraphRun(DataMatrix y, Factors start, NeighbourGraph graph) {
      if (graph.vertices() != y.cols()) {
        throw new IllegalArgumentException("a graph over " + graph.vertices() + " instances for data of "
            + y.cols());
      }
      this.y = y;
      this.yNorm2 = y.squaredNorm();
      this.graph = graph;
      this.lambda = options.lambda();
      this.a = start.basis().copy();
      this.xt = start.coefficients().transpose();
      int n = a.cols();
      int count = xt.rows();
      this.numerator = new DenseMatrix(count, n);
      this.gramA = MatrixOps.gramOfColumns(a);
      this.xtGramA = new DenseMatrix(count, n);
      this.yXt = new DenseMatrix(a.rows(), n);
      this.gramX = new DenseMatrix(n, n);
      this.aGramX = new DenseMatrix(a.rows(), n);
      this.degreeTerm = product -> graph.addDegreeScaled(lambda, xt, product);
      this.graphTerm = new double[stopping.maxIterations() + 1];
      HalsNmf.normaliseBasisColumns(a, gramA, xt);
      refreshProductsOfX();
    }

    /** Y Xᵀ and X Xᵀ at the current X. */
    private void refreshProductsOfX() {
      y.times(xt, yXt);
      MatrixOps.gramOfColumns(xt, gramX);
    }

    @Override
    protected void iterate() {
      // Xᵀ ← Xᵀ ∘ (YᵀA + λ W Xᵀ) / (Xᵀ AᵀA + λ D Xᵀ)
      y.transposeTimes(a, numerator);
      graph.addNeighbourSums(lambda, xt, numerator);
      MultiplicativeUpdate.frobeniusStep(xt, gramA, numerator, xtGramA, degreeTerm);
      // A ← A ∘ (Y Xᵀ) / (A X Xᵀ)
      refreshProductsOfX();
      MultiplicativeUpdate.frobeniusStep(a, gramX, yXt, aGramX);
      MatrixOps.gramOfColumns(a, gramA);
    }

    @Override
    protected double objective() {
      // iterate() leaves Y Xᵀ, X Xᵀ and AᵀA current for the new A and X
      double term = lambda * graph.smoothness(xt);
      graphTerm[Math.min(evaluated++, graphTerm.length - 1)] = term;
      return Residuals.squaredResidual(yNorm2, yXt, a, gramA, gramX) + term;
    }

    @Override
    protected boolean isFinite() {
      return a.isFinite() && xt.isFinite();
    }

    @Override
    protected void finish(Factorization.Builder result, int iterations) {
      result.factors(a, xt.transpose()).trace(GRAPH_TERM_TRACE, Arrays.copyOf(graphTerm, iterations + 1));
    }
  }

  /** The model's settings: the graph weight λ, the neighbours per instance k and the edge weights. */
  public static final class Options implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The only λ of {0.01, 0.1, 1, 10, 100} never significantly below NMF on MNIST-150, Yale and ORL
     * (docs/results/gnmf); no λ was significantly better. Cai et al.'s 100 collapses the solver's X.
     */
    public static final double DEFAULT_LAMBDA = 0.01;
    /** Cai et al.'s p = 5 nearest neighbours. */
    public static final int DEFAULT_NEIGHBOURS = 5;

    private final double lambda;
    private final int neighbours;
    private final GraphWeighting weighting;

    private Options(double lambda, int neighbours, GraphWeighting weighting) {
      this.lambda = checkedLambda(lambda);
      this.neighbours = NeighbourGraph.checkedNeighbours(neighbours);
      this.weighting = java.util.Objects.requireNonNull(weighting, "weighting");
    }

    public static Options defaults() {
      return new Options(DEFAULT_LAMBDA, DEFAULT_NEIGHBOURS, GraphWeighting.BINARY);
    }

    public Options withLambda(double value) {
      return new Options(value, neighbours, weighting);
    }

    public Options withNeighbours(int value) {
      return new Options(lambda, value, weighting);
    }

    public Options withWeighting(GraphWeighting value) {
      return new Options(lambda, neighbours, value);
    }

    public double lambda() {
      return lambda;
    }

    public int neighbours() {
      return neighbours;
    }

    public GraphWeighting weighting() {
      return weighting;
    }

    /** {@code lambda} if it is a valid graph weight: finite and at least 0 (0 is plain NMF). */
    public static double checkedLambda(double lambda) {
      if (!(lambda >= 0.0 && lambda < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("graph weight lambda must be a finite number >= 0, got " + lambda);
      }
      return lambda;
    }

    String describe() {
      String weight = lambda == Math.rint(lambda) && lambda < 1e15 ? Long.toString((long) lambda)
          : Double.toString(lambda);
      return String.format(Locale.ROOT, "lambda %s, %d nearest neighbours, %s weights", weight, neighbours,
          weighting.key());
    }
  }
}
