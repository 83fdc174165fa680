package adversarialnmf.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class CholeskyTest {

  private static DenseMatrix randomSpd(int n, Random random) {
    DenseMatrix g = new DenseMatrix(n + 2, n);
    for (int i = 0; i < g.data().length; i++) {
      g.data()[i] = random.nextGaussian();
    }
    DenseMatrix k = MatrixOps.gramOfColumns(g);
    MatrixOps.addToDiagonal(k, 0.1);
    return k;
  }

  @Test
  void solvesAgreeWithLuOnBothSides() {
    Random random = new Random(1);
    DenseMatrix k = randomSpd(6, random);
    DenseMatrix b = new DenseMatrix(6, 4);
    for (int i = 0; i < b.data().length; i++) {
      b.data()[i] = random.nextGaussian();
    }
    RealMatrix inverse = new LUDecomposition(MatrixUtils.createRealMatrix(k.toArray())).getSolver().getInverse();
    RealMatrix rb = MatrixUtils.createRealMatrix(b.toArray());
    Cholesky chol = Cholesky.of(k);

    DenseMatrix left = b.copy();
    chol.solveInPlace(left);
    assertClose(inverse.multiply(rb).getData(), left);

    DenseMatrix right = b.transpose();
    chol.solveRowsInPlace(right);
    assertClose(rb.transpose().multiply(inverse).getData(), right);
  }

  @Test
  void refactoringReusesTheWorkspace() {
    Random random = new Random(2);
    Cholesky chol = new Cholesky(3);
    for (int round = 0; round < 3; round++) {
      DenseMatrix k = randomSpd(3, random);
      chol.factor(k);
      DenseMatrix x = DenseMatrix.identity(3);
      chol.solveInPlace(x);
      DenseMatrix product = MatrixOps.multiply(k, x);
      assertClose(DenseMatrix.identity(3).toArray(), product);
    }
  }

  @Test
  void indefiniteMatrixIsRejected() {
    DenseMatrix k = DenseMatrix.fromRows(new double[][] {{1, 2}, {2, 1}});
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> Cholesky.of(k));
    assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Cholesky(2).factor(new DenseMatrix(3, 3)));
  }

  private static void assertClose(double[][] expected, DenseMatrix actual) {
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(expected[i][j], actual.get(i, j), 1e-10 * (1 + Math.abs(expected[i][j])));
      }
    }
  }
}
