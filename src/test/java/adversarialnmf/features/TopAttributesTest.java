package adversarialnmf.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import adversarialnmf.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

class TopAttributesTest {

  @Test
  void largestEntriesOfAColumnFirstTiesByRow() {
    DenseMatrix basis = DenseMatrix.fromRows(new double[][] {
        {0.1, 3.0}, {0.7, 1.0}, {0.0, 3.0}, {0.7, 2.0}, {0.2, 0.0}});
    assertArrayEquals(new int[] {1, 3, 4}, TopAttributes.ofColumn(basis, 0, 3));
    assertArrayEquals(new int[] {0, 2, 3, 1, 4}, TopAttributes.ofColumn(basis, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> TopAttributes.ofColumn(basis, 2, 1));
  }
}
