package adversarialnmf.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.init.RandomInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.SparseData;
import adversarialnmf.testing.InterruptedRun;
import adversarialnmf.testing.PlantedData;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Graph-regularised NMF against naive dense formulas: its sparse graph against a dense
 * nearest-neighbour search and W = max(W, Wᵀ), its objective against ‖Y − AX‖² + λ tr(X L Xᵀ) with
 * the dense Laplacian L = D − W, the objective never rising (Cai et al.'s Theorem 1), the KKT
 * conditions at convergence, equivariance under scaling the data, and sparse = dense.
 */
class GraphNmfTest {

  /** W (N x N) by the definition: the k nearest of each column by a full sort, then max(W, Wᵀ). */
  static DenseMatrix naiveWeights(DenseMatrix y, int k, GraphWeighting weighting) {
    int count = y.cols();
    double[][] d2 = new double[count][count];
    for (int j = 0; j < count; j++) {
      for (int l = 0; l < count; l++) {
        double s = 0.0;
        for (int i = 0; i < y.rows(); i++) {
          double diff = y.get(i, j) - y.get(i, l);
          s += diff * diff;
        }
        d2[j][l] = s;
      }
    }
    int per = Math.min(k, count - 1);
    int[][] nearest = new int[count][];
    double meanDistance = 0.0;
    for (int j = 0; j < count; j++) {
      final int from = j;
      nearest[j] = IntStream.range(0, count).filter(l -> l != from).boxed()
          .sorted(Comparator.comparingDouble((Integer l) -> d2[from][l]).thenComparing(l -> l))
          .limit(per).mapToInt(Integer::intValue).toArray();
      for (int l : nearest[j]) {
        meanDistance += Math.sqrt(d2[j][l]) / ((double) count * per);
      }
    }
    DenseMatrix w = new DenseMatrix(count, count);
    for (int j = 0; j < count; j++) {
      for (int l : nearest[j]) {
        double value;
        if (weighting == GraphWeighting.BINARY) {
          value = 1.0;
        } else if (weighting == GraphWeighting.HEAT) {
          value = Math.exp(-d2[j][l] / (2 * meanDistance * meanDistance));
        } else {
          double dot = 0.0;
          double nj = 0.0;
          double nl = 0.0;
          for (int i = 0; i < y.rows(); i++) {
            dot += y.get(i, j) * y.get(i, l);
            nj += y.get(i, j) * y.get(i, j);
            nl += y.get(i, l) * y.get(i, l);
          }
          value = dot / Math.sqrt(nj * nl);
        }
        w.set(j, l, Math.max(w.get(j, l), value));
        w.set(l, j, Math.max(w.get(l, j), value));
      }
    }
    return w;
  }

  /** ‖Y − AX‖² + λ tr(X (D − W) Xᵀ) with dense matrices. */
  static double naiveObjective(DenseMatrix y, DenseMatrix w, double lambda, DenseMatrix a, DenseMatrix x) {
    int count = y.cols();
    DenseMatrix laplacian = new DenseMatrix(count, count);
    for (int j = 0; j < count; j++) {
      double degree = 0.0;
      for (int l = 0; l < count; l++) {
        degree += w.get(j, l);
        laplacian.set(j, l, -w.get(j, l));
      }
      laplacian.set(j, j, laplacian.get(j, j) + degree);
    }
    DenseMatrix xl = SolverFixtures.naiveProduct(x, laplacian);
    double trace = 0.0;
    for (int r = 0; r < x.rows(); r++) {
      for (int j = 0; j < count; j++) {
        trace += xl.get(r, j) * x.get(r, j);
      }
    }
    return SolverFixtures.naiveFrobenius(y, a, x) + lambda * trace;
  }

  /** The start as the solver takes it: A's columns scaled to unit norm, X's rows by the norms. */
  static Factors unitBasisStart(Factors start) {
    DenseMatrix a = start.basis().copy();
    DenseMatrix x = start.coefficients().copy();
    for (int r = 0; r < a.cols(); r++) {
      double norm = 0.0;
      for (int i = 0; i < a.rows(); i++) {
        norm += a.get(i, r) * a.get(i, r);
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < a.rows(); i++) {
        a.set(i, r, a.get(i, r) / norm);
      }
      for (int j = 0; j < x.cols(); j++) {
        x.set(r, j, x.get(r, j) * norm);
      }
    }
    return new Factors(a, x);
  }

  private static GraphNmf solver(int iterations, double tolerance, double lambda, int k, GraphWeighting weighting) {
    return new GraphNmf(new StoppingRule(iterations, tolerance),
        GraphNmf.Options.defaults().withLambda(lambda).withNeighbours(k).withWeighting(weighting));
  }

  private static Factors randomStart(DataMatrix y, int rank, long seed) {
    return new RandomInitialization().initialize(y, rank, new Random(seed));
  }

  @ParameterizedTest
  @EnumSource(GraphWeighting.class)
  void theSparseGraphIsTheSymmetrisedNearestNeighbourGraph(GraphWeighting weighting) {
    for (int k : new int[] {1, 5, 40}) {
      DenseMatrix dense = SolverFixtures.sparseUniform(12, 30, 0.3, new Random(k));
      DenseMatrix expected = naiveWeights(dense, k, weighting);
      for (DataMatrix y : new DataMatrix[] {new DenseData(dense), SparseData.fromDense(dense)}) {
        NeighbourGraph graph = NeighbourGraph.of(y, k, weighting);
        DenseMatrix actual = new DenseMatrix(30, 30);
        int entries = 0;
        for (int j = 0; j < 30; j++) {
          int[] neighbours = graph.neighboursOf(j);
          double[] weights = graph.weightsOf(j);
          for (int e = 0; e < neighbours.length; e++) {
            assertTrue(e == 0 || neighbours[e] > neighbours[e - 1], "row " + j + " not ascending");
            actual.set(j, neighbours[e], weights[e]);
            entries++;
          }
        }
        assertArrayEquals(expected.data(), actual.data(), 1e-12, weighting + " k " + k);
        assertEquals(entries / 2, graph.edges());
        assertTrue(graph.edges() <= 30 * Math.min(k, 29), "edges " + graph.edges());
      }
    }
  }

  @Test
  void aSingleInstanceHasNoEdgesAndFewerInstancesThanNeighboursJoinAll() {
    DenseMatrix one = SolverFixtures.uniform(4, 1, new Random(1));
    assertEquals(0, NeighbourGraph.of(new DenseData(one), 5, GraphWeighting.BINARY).edges());
    DenseMatrix three = SolverFixtures.uniform(4, 3, new Random(1));
    assertEquals(3, NeighbourGraph.of(new DenseData(three), 5, GraphWeighting.BINARY).edges());
  }

  @ParameterizedTest
  @EnumSource(GraphWeighting.class)
  void reportedObjectiveMatchesTheNaiveDenseFormula(GraphWeighting weighting) {
    DenseMatrix dense = SolverFixtures.sparseUniform(20, 25, 0.3, new Random(7));
    DenseMatrix w = naiveWeights(dense, 4, weighting);
    double lambda = 3.0;
    for (DataMatrix y : new DataMatrix[] {new DenseData(dense), SparseData.fromDense(dense)}) {
      Factors start = randomStart(y, 3, 11);
      Factorization fit = solver(5, 0.0, lambda, 4, weighting).fit(y, start);
      Factors taken = unitBasisStart(start);
      double initial = naiveObjective(dense, w, lambda, taken.basis(), taken.coefficients());
      double last = naiveObjective(dense, w, lambda, fit.basis(), fit.coefficients());
      assertEquals(initial, fit.objectiveTrace()[0], 1e-9 * initial, weighting + " start objective");
      assertEquals(last, fit.finalObjective(), 1e-9 * last, weighting + " final objective");
      double graphTerm = last - SolverFixtures.naiveFrobenius(dense, fit.basis(), fit.coefficients());
      double[] trace = fit.trace(GraphNmf.GRAPH_TERM_TRACE);
      assertEquals(graphTerm, trace[trace.length - 1], 1e-9 * last, weighting + " graph term");
    }
  }

  @ParameterizedTest
  @EnumSource(GraphWeighting.class)
  void objectiveNeverIncreases(GraphWeighting weighting) {
    for (long seed = 1; seed <= 3; seed++) {
      DataMatrix y = new DenseData(SolverFixtures.uniform(30, 25, new Random(seed)));
      for (double lambda : new double[] {0.1, 100.0}) {
        Factorization fit = solver(150, 0.0, lambda, 5, weighting).fit(y, randomStart(y, 4, seed));
        double[] trace = fit.objectiveTrace();
        for (int i = 1; i < trace.length; i++) {
          assertTrue(trace[i] <= trace[i - 1] * (1 + 1e-12), weighting + " lambda " + lambda + " seed " + seed
              + ": objective rose at iteration " + i + " from " + trace[i - 1] + " to " + trace[i]);
        }
        assertTrue(trace[150] < 0.9 * trace[0], "no progress: " + trace[0] + " -> " + trace[150]);
      }
    }
  }

  /**
   * The KKT conditions of min f over A, X ≥ 0 (docs/ALGORITHM.md §8): the gradients 2(AᵀAX − AᵀY +
   * λXL) of X and 2(AXXᵀ − YXᵀ) of A are ≥ 0, and 0 where the factor is positive; measured as
   * ‖min(F, ∇F)‖ against ‖∇F‖ at the start, with the dense L. Scaling a basis column up and its row
   * of X down leaves the fit and lowers the graph term, so f has no minimiser with tr(X L Xᵀ) > 0: the
   * updates approach KKT only by moving scale into A, the graph term towards 0 and f towards plain
   * NMF's objective. The long run shows all of it.
   */
  @Test
  void theUpdatesApproachKktByMovingScaleIntoTheBasis() {
    DenseMatrix dense = SolverFixtures.uniform(15, 20, new Random(3));
    DataMatrix y = new DenseData(dense);
    double lambda = 0.5;
    DenseMatrix w = naiveWeights(dense, 5, GraphWeighting.BINARY);
    Factors start = randomStart(y, 3, 4);
    Factorization fit = solver(30_000, 0.0, lambda, 5, GraphWeighting.BINARY).fit(y, start);
    Factors taken = unitBasisStart(start);
    double startResidual = kktResidual(dense, w, lambda, taken.basis(), taken.coefficients(), false);
    double residual = kktResidual(dense, w, lambda, fit.basis(), fit.coefficients(), true);
    double[] graphTerm = fit.trace(GraphNmf.GRAPH_TERM_TRACE);
    double plainNmf = new MultiplicativeUpdateNmf(new StoppingRule(30_000, 0.0)).fit(y, taken).finalObjective();
    String summary = String.format("KKT residual %.3g (start %.3g), basis norms %s, graph term %.3g (start %.3g),"
        + " f %.6g vs plain NMF %.6g", residual, startResidual, Arrays.toString(fit.basisColumnNorms()),
        graphTerm[graphTerm.length - 1], graphTerm[0], fit.finalObjective(), plainNmf);
    System.out.println(summary);
    assertTrue(residual < 1e-3 * startResidual, summary);
    for (double norm : fit.basisColumnNorms()) {
      assertTrue(norm > 10.0, summary);
    }
    assertTrue(graphTerm[graphTerm.length - 1] < 0.02 * graphTerm[0], summary);
    assertEquals(plainNmf, fit.finalObjective(), 0.01 * plainNmf, summary);
  }

  private static double kktResidual(DenseMatrix y, DenseMatrix w, double lambda, DenseMatrix a, DenseMatrix x,
      boolean complementary) {
    int count = y.cols();
    DenseMatrix ax = SolverFixtures.naiveProduct(a, x);
    DenseMatrix gradX = new DenseMatrix(x.rows(), count);
    for (int r = 0; r < x.rows(); r++) {
      for (int j = 0; j < count; j++) {
        double g = 0.0;
        for (int i = 0; i < y.rows(); i++) {
          g += 2 * a.get(i, r) * (ax.get(i, j) - y.get(i, j));
        }
        double degree = 0.0;
        double neighbourSum = 0.0;
        for (int l = 0; l < count; l++) {
          degree += w.get(j, l);
          neighbourSum += w.get(j, l) * x.get(r, l);
        }
        gradX.set(r, j, g + 2 * lambda * (degree * x.get(r, j) - neighbourSum));
      }
    }
    DenseMatrix gradA = new DenseMatrix(a.rows(), a.cols());
    for (int i = 0; i < a.rows(); i++) {
      for (int r = 0; r < a.cols(); r++) {
        double g = 0.0;
        for (int j = 0; j < count; j++) {
          g += 2 * (ax.get(i, j) - y.get(i, j)) * x.get(r, j);
        }
        gradA.set(i, r, g);
      }
    }
    return complementarity(x, gradX, complementary) + complementarity(a, gradA, complementary);
  }

  /** ‖min(F, ∇)‖ (or ‖∇‖ when not {@code complementary}). */
  private static double complementarity(DenseMatrix factor, DenseMatrix gradient, boolean complementary) {
    double s = 0.0;
    for (int e = 0; e < factor.data().length; e++) {
      double g = gradient.data()[e];
      double v = complementary ? Math.min(factor.data()[e], g) : g;
      s += v * v;
    }
    return Math.sqrt(s);
  }

  /** Both terms grow with the square of the data, so λ needs no rescaling: c Y gives A and c X. */
  @ParameterizedTest
  @EnumSource(GraphWeighting.class)
  void scalingTheDataScalesTheCoefficientsAndLeavesTheBasis(GraphWeighting weighting) {
    DenseMatrix dense = SolverFixtures.uniform(20, 30, new Random(5));
    DenseMatrix scaled = dense.copy();
    MatrixOps.scale(scaled, 1024.0);
    Factors start = randomStart(new DenseData(dense), 3, 6);
    Factors scaledStart = new Factors(start.basis(), start.coefficients().copy());
    MatrixOps.scale(scaledStart.coefficients(), 1024.0);
    GraphNmf solver = solver(50, 0.0, 100.0, 5, weighting);
    Factorization fit = solver.fit(new DenseData(dense), start);
    Factorization scaledFit = solver.fit(new DenseData(scaled), scaledStart);
    assertArrayEquals(fit.basis().data(), scaledFit.basis().data(), 1e-9);
    DenseMatrix coefficients = fit.coefficients().copy();
    MatrixOps.scale(coefficients, 1024.0);
    assertArrayEquals(coefficients.data(), scaledFit.coefficients().data(), 1e-9 * 1024);
    assertEquals(fit.finalObjective() * 1024 * 1024, scaledFit.finalObjective(), 1e-9 * scaledFit.finalObjective());
  }

  @Test
  void sparseAndDenseDataGiveTheSameFitAndTheSameStartTheSameBits() {
    DenseMatrix dense = SolverFixtures.sparseUniform(25, 20, 0.5, new Random(3));
    Factors start = randomStart(new DenseData(dense), 3, 5);
    Factors pristine = start.copy();
    GraphNmf solver = solver(40, 0.0, 10.0, 5, GraphWeighting.HEAT);
    Factorization fromDense = solver.fit(new DenseData(dense), start);
    Factorization again = solver.fit(new DenseData(dense), start);
    Factorization fromSparse = solver.fit(SparseData.fromDense(dense), start);
    assertArrayEquals(fromDense.basis().data(), fromSparse.basis().data(), 1e-9);
    assertArrayEquals(fromDense.coefficients().data(), fromSparse.coefficients().data(), 1e-9);
    assertArrayEquals(fromDense.coefficients().data(), again.coefficients().data(), 0.0);
    assertArrayEquals(fromDense.objectiveTrace(), again.objectiveTrace(), 0.0);
    assertArrayEquals(pristine.basis().data(), start.basis().data(), 0.0);
    assertArrayEquals(pristine.coefficients().data(), start.coefficients().data(), 0.0);
  }

  /**
   * 20,000 sparse instances: an N x N matrix of them would take 3.2 GB, more than the test heap
   * (2 GB), so a fit that finishes built its graph without one (nor any m x N matrix).
   */
  @Test
  void theGraphOfManyInstancesIsBuiltWithoutAnNByNMatrix() {
    int count = 20_000;
    DataMatrix y = PlantedData.sparseBands(1000, count, 4, 5);
    GraphNmf solver = solver(3, 0.0, 100.0, 5, GraphWeighting.BINARY);
    Factorization fit = solver.fit(y, randomStart(y, 3, 1));
    assertEquals(3, fit.iterations());
    NeighbourGraph graph = solver.graphOf(y);
    assertTrue(graph.edges() >= count * 5 / 2 && graph.edges() <= count * 5, "edges " + graph.edges());
    assertTrue(fit.finalObjective() <= fit.objectiveTrace()[0], fit.objectiveTrace()[0] + " -> " + fit.finalObjective());
  }

  @Test
  void newInstancesGetNonnegativeLeastSquaresOntoTheBasis() {
    DataMatrix y = new DenseData(SolverFixtures.uniform(15, 20, new Random(8)));
    Factorization fit = solver(30, 0.0, 100.0, 5, GraphWeighting.BINARY).fit(y, randomStart(y, 3, 1));
    double[] column = new double[15];
    y.column(4, column);
    assertArrayEquals(new NonnegativeProjection(fit.basis()).coefficients(column),
        fit.outOfSampleRule().coefficients(column), 0.0);
    assertEquals(NeighbourGraph.of(y, 5, GraphWeighting.BINARY).edges(), fit.measures().get("Graph edges"), 0.0);
  }

  @Test
  void missingValuesAreRefusedNamingTheImputation() {
    DenseMatrix dense = SolverFixtures.uniform(6, 8, new Random(2));
    dense.set(1, 1, Double.NaN);
    DataMatrix y = MaskedSolversTest.masked(dense, false);
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> solver(5, 0.0, 1.0, 2, GraphWeighting.BINARY).fit(y, randomStart(new DenseData(
            SolverFixtures.uniform(6, 8, new Random(2))), 2, 1)));
    assertTrue(e.getMessage().contains("-missing mean"), e.getMessage());
  }

  @Test
  void badOptionsAreRefusedNamingTheOption() {
    GraphNmf.Options defaults = GraphNmf.Options.defaults();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> defaults.withLambda(-1)).getMessage()
        .contains("lambda"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> defaults.withLambda(Double.NaN)).getMessage()
        .contains("lambda"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> defaults.withNeighbours(0)).getMessage()
        .contains("neighbours"));
  }

  @Test
  void anInterruptStopsTheNeighbourSearchAndTheFit() throws InterruptedException {
    DataMatrix y = new DenseData(SolverFixtures.uniform(200, 3000, new Random(1)));
    GraphNmf solver = solver(100_000, 0.0, 1.0, 5, GraphWeighting.BINARY);
    InterruptedRun.of(() -> solver.fit(y, randomStart(y, 4, 1))).assertStoppedWith(FitInterruptedException.class);
  }

  /**
   * The graph's use, on two planted manifolds: instances y = A0 x + noise with x on two arcs, at radius
   * 1 from 0° to 60° and at radius 2 from 50° to 90°, A0 of disjoint supports. The argmax of NMF's X
   * splits the first arc at 45° (NMF fits these data exactly, so its X is the planted one); GNMF's X,
   * smoothed along the nearest-neighbour graph (which follows the arcs), keeps each arc whole.
   * Accuracy of the solver's X by argmax, as Cai et al. cluster X; 300 iterations at Cai et al.'s
   * λ = 100 (the default 0.01, chosen on image sets where the graph does not help, is too weak here).
   */
  @Test
  void theGraphKeepsTwoPlantedManifoldsWholeWherePlainNmfSplitsOne() {
    double gnmf = 0.0;
    double nmf = 0.0;
    int seeds = 5;
    for (long seed = 1; seed <= seeds; seed++) {
      Random random = new Random(seed);
      int m = 20;
      int per = 30;
      DenseMatrix basis = new DenseMatrix(m, 2);
      for (int i = 0; i < m; i++) {
        basis.set(i, i < m / 2 ? 0 : 1, 0.5 + random.nextDouble());
      }
      DenseMatrix x = new DenseMatrix(2, 2 * per);
      int[] labels = new int[2 * per];
      for (int j = 0; j < 2 * per; j++) {
        labels[j] = j / per;
        double t = (j % per) / (per - 1.0);
        double angle = Math.toRadians(labels[j] == 0 ? 60 * t : 50 + 40 * t);
        double radius = labels[j] == 0 ? 1.0 : 2.0;
        x.set(0, j, radius * Math.cos(angle));
        x.set(1, j, radius * Math.sin(angle));
      }
      DenseMatrix dense = MatrixOps.multiply(basis, x);
      for (int e = 0; e < dense.data().length; e++) {
        dense.data()[e] = Math.max(0.0, dense.data()[e] + 0.01 * random.nextGaussian());
      }
      DataMatrix y = new DenseData(dense);
      Factors start = new KMeansInitialization(0.2).initialize(y, 2, new Random(seed));
      Factorization graph = new GraphNmf(new StoppingRule(300, 1e-9), GraphNmf.Options.defaults().withLambda(100.0))
          .fit(y, start);
      Factorization plain = new MultiplicativeUpdateNmf(new StoppingRule(300, 1e-9)).fit(y, start);
      gnmf += SolverFixtures.accuracy(labels, graph.argmaxAssignments()) / seeds;
      nmf += SolverFixtures.accuracy(labels, plain.argmaxAssignments()) / seeds;
    }
    System.out.printf("two manifolds: mean ACC of X, GNMF %.3f, NMF %.3f%n", gnmf, nmf);
    assertTrue(gnmf >= 0.98, "GNMF " + gnmf);
    assertTrue(nmf <= 0.92, "NMF " + nmf);
  }
}
