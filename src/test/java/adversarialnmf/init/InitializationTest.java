package adversarialnmf.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.SparseData;
import adversarialnmf.solver.Factors;
import adversarialnmf.testing.PlantedData;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/** The three starts: shapes, nonnegativity, determinism, and what each promises. */
class InitializationTest {

  private final PlantedData planted = PlantedData.generate(24, 10, 3, 0.01, 5);

  @Test
  void kmeansStartIsCentroidsAndOffsetIndicator() {
    Factors start = new KMeansInitialization(0.2).initialize(planted.data(), 3, new Random(1));
    DenseMatrix x = start.coefficients();
    int[] labels = new int[x.cols()];
    for (int j = 0; j < x.cols(); j++) {
      int ones = 0;
      for (int r = 0; r < 3; r++) {
        double v = x.get(r, j);
        assertTrue(v == 0.2 || v == 1.2, "X0 entry " + v);
        if (v == 1.2) {
          ones++;
          labels[j] = r;
        }
      }
      assertEquals(1, ones);
    }
    assertTrue(planted.matchesUpToPermutation(labels), "k-means finds the planted clusters");
    // each column of A0 is the mean of its cluster
    DenseMatrix y = planted.y();
    for (int r = 0; r < 3; r++) {
      double[] mean = new double[y.rows()];
      int size = 0;
      for (int j = 0; j < y.cols(); j++) {
        if (labels[j] == r) {
          size++;
          for (int i = 0; i < y.rows(); i++) {
            mean[i] += y.get(i, j);
          }
        }
      }
      for (int i = 0; i < mean.length; i++) {
        assertEquals(mean[i] / size, start.basis().get(i, r), 1e-12);
      }
    }
  }

  @Test
  void nndsvdLeadingPairIsTheExactSingularPair() {
    Factors nndsvd = new NndsvdInitialization().initialize(planted.data(), 3, new Random(2));
    for (double v : nndsvd.basis().data()) {
      assertTrue(v > 0.0);
    }
    for (double v : nndsvd.coefficients().data()) {
      assertTrue(v > 0.0);
    }
    // The randomized range finder must reproduce the exact leading pair: A[:,0] = sqrt(s1)|u1|, X[0,:] = sqrt(s1)|v1|.
    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(planted.y().toArray()));
    double root = Math.sqrt(svd.getSingularValues()[0]);
    double[] u = svd.getU().getColumn(0);
    double[] v = svd.getV().getColumn(0);
    for (int i = 0; i < u.length; i++) {
      assertEquals(root * Math.abs(u[i]), nndsvd.basis().get(i, 0), 1e-8);
    }
    for (int j = 0; j < v.length; j++) {
      assertEquals(root * Math.abs(v[j]), nndsvd.coefficients().get(0, j), 1e-8);
    }
  }

  @Test
  void randomStartMatchesTheDataMean() {
    Factors start = new RandomInitialization().initialize(planted.data(), 3, new Random(3));
    DenseMatrix product = adversarialnmf.linalg.MatrixOps.multiply(start.basis(), start.coefficients());
    double meanProduct = 0.0;
    for (double v : product.data()) {
      meanProduct += v;
    }
    meanProduct /= product.data().length;
    double meanData = planted.data().sum() / (planted.y().rows() * (double) planted.y().cols());
    // E|N(0,1)|² n · mean/n = (2/π) mean: the start has the data's order of magnitude
    assertEquals(2.0 / Math.PI * meanData, meanProduct, 0.25 * meanData);
  }

  @Test
  void startsAreDeterministicAndSparseEqualsDense() {
    for (Initialization init : new Initialization[] {new KMeansInitialization(0.2), new NndsvdInitialization(),
        new RandomInitialization()}) {
      Factors a = init.initialize(planted.data(), 3, new Random(9));
      Factors b = init.initialize(SparseData.fromDense(planted.y()), 3, new Random(9));
      assertArrayEquals(a.basis().data(), b.basis().data(), 1e-9, init.describe());
      assertArrayEquals(a.coefficients().data(), b.coefficients().data(), 1e-9, init.describe());
    }
  }

  @Test
  void kmeansNeedsEnoughInstances() {
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> new KMeans(50, 10).fit(planted.data(), new Random(1)));
    assertTrue(e.getMessage().contains("50"), e.getMessage());
  }

  @Test
  void theRangeFindersBasisIsOrthonormalSpansItsColumnsAndDropsDependentOnes() {
    Random random = new Random(3);
    int rows = 500;
    DenseMatrix b = new DenseMatrix(rows, 4);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < 3; j++) {
        b.set(i, j, random.nextGaussian());
      }
      b.set(i, 3, 2.0 * b.get(i, 0) - b.get(i, 2)); // in the span of columns 0 and 2
    }
    DenseMatrix q = NndsvdInitialization.orthonormalColumns(b);
    for (int j = 0; j < 4; j++) {
      for (int k = 0; k < 4; k++) {
        double dot = 0.0;
        for (int i = 0; i < rows; i++) {
          dot += q.get(i, j) * q.get(i, k);
        }
        assertEquals(j == k && j < 3 ? 1.0 : 0.0, dot, 1e-12, "q_" + j + " . q_" + k);
      }
    }
    for (int j = 0; j < 4; j++) { // b_j = Q Q^T b_j
      double[] coefficients = new double[4];
      for (int k = 0; k < 4; k++) {
        for (int i = 0; i < rows; i++) {
          coefficients[k] += q.get(i, k) * b.get(i, j);
        }
      }
      for (int i = 0; i < rows; i++) {
        double rebuilt = 0.0;
        for (int k = 0; k < 4; k++) {
          rebuilt += q.get(i, k) * coefficients[k];
        }
        assertEquals(b.get(i, j), rebuilt, 1e-10);
      }
    }
  }

  @Test
  void nndsvdOfAWideSparseCorpusNeedsNoTermsByTermsMatrix() {
    // 40,000 terms: a terms x terms matrix would take 12.8 GB, beyond the test heap
    SparseData corpus = PlantedData.sparseBands(40_000, 300, 20, 5);
    Factors start = new NndsvdInitialization().initialize(corpus, 5, new Random(1));
    assertEquals(40_000, start.basis().rows());
    assertEquals(300, start.coefficients().cols());
  }
}
