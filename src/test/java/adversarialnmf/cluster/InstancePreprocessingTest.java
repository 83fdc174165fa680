package adversarialnmf.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MissingEntries;
import adversarialnmf.linalg.SparseData;
import adversarialnmf.testing.PlantedData;
import org.junit.jupiter.api.Test;

class InstancePreprocessingTest {

  /** Three terms (rows) x four documents (columns); term 2 occurs in every document, term 0 in one. */
  private static DenseMatrix counts() {
    return new DenseMatrix(3, 4, new double[] {
        2, 0, 0, 0,
        1, 3, 0, 1,
        1, 1, 4, 2});
  }

  @Test
  void tfidfWeightsAreTheSmoothedInverseDocumentFrequencies() {
    InstancePreprocessing p = InstancePreprocessing.fit(new DenseData(counts()), TermWeighting.TFIDF,
        InstanceNormalisation.NONE);
    // N = 4; df = 1, 3, 4: ln(5/2) + 1, ln(5/4) + 1, ln(5/5) + 1
    assertArrayEquals(new double[] {Math.log(2.5) + 1, Math.log(1.25) + 1, 1.0}, p.attributeWeights(), 1e-15);
    DenseMatrix out = p.apply(new DenseData(counts()), 1.0).toDense();
    assertEquals(2 * (Math.log(2.5) + 1), out.get(0, 0), 1e-15);
    assertEquals(3 * (Math.log(1.25) + 1), out.get(1, 1), 1e-15);
    assertEquals(4.0, out.get(2, 2), 0.0);
    assertEquals(0.0, out.get(0, 1), 0.0);
  }

  @Test
  void l2AndL1GiveEveryNonzeroInstanceUnitLengthAndLeaveAZeroInstanceZero() {
    DenseMatrix y = new DenseMatrix(2, 3, new double[] {3, 0, 1, 4, 0, 1});
    DenseMatrix l2 = InstancePreprocessing.fit(new DenseData(y), TermWeighting.NONE, InstanceNormalisation.L2)
        .apply(new DenseData(y), 1.0).toDense();
    assertArrayEquals(new double[] {0.6, 0.0, 1 / Math.sqrt(2), 0.8, 0.0, 1 / Math.sqrt(2)}, l2.data(), 1e-15);
    DenseMatrix l1 = InstancePreprocessing.fit(new DenseData(y), TermWeighting.NONE, InstanceNormalisation.L1)
        .apply(new DenseData(y), 2.0).toDense();
    assertArrayEquals(new double[] {2 * 3 / 7.0, 0.0, 1.0, 2 * 4 / 7.0, 0.0, 1.0}, l1.data(), 1e-15);
  }

  @Test
  void tfidfThenL2IsTheUnitVectorOfTheWeightedCounts() {
    DenseMatrix y = counts();
    InstancePreprocessing p = InstancePreprocessing.fit(new DenseData(y), TermWeighting.TFIDF,
        InstanceNormalisation.L2);
    double[] w = p.attributeWeights();
    DenseMatrix out = p.apply(new DenseData(y), 1.0).toDense();
    for (int j = 0; j < 4; j++) {
      double norm = 0.0;
      for (int i = 0; i < 3; i++) {
        norm += Math.pow(y.get(i, j) * w[i], 2);
      }
      for (int i = 0; i < 3; i++) {
        assertEquals(y.get(i, j) * w[i] / Math.sqrt(norm), out.get(i, j), 1e-15, "entry " + i + ", " + j);
      }
    }
  }

  @Test
  void anInstanceAloneGetsTheBitsItGetsInsideTheMatrixDenseAndSparse() {
    PlantedData planted = PlantedData.generate(20, 6, 3, 0.05, 4);
    SparseData sparse = PlantedData.sparseBands(40, 30, 5, 9);
    for (DataMatrix y : new DataMatrix[] {planted.data(), sparse}) {
      for (TermWeighting weighting : TermWeighting.values()) {
        for (InstanceNormalisation normalisation : InstanceNormalisation.values()) {
          InstancePreprocessing p = InstancePreprocessing.fit(y, weighting, normalisation);
          DataMatrix all = p.apply(y, 0.37);
          assertEquals(y.isSparse(), all.isSparse(), "sparse data stay sparse");
          assertEquals(y.storedEntries(), all.storedEntries());
          double[] raw = new double[y.rows()];
          double[] inMatrix = new double[y.rows()];
          for (int j = 0; j < y.cols(); j++) {
            y.column(j, raw);
            all.column(j, inMatrix);
            assertArrayEquals(inMatrix, p.apply(raw, 0.37), 0.0, weighting + "/" + normalisation + " column " + j);
          }
        }
      }
    }
  }

  @Test
  void aMissingValueOfANewInstanceCountsAsTheZeroAMaskedMatrixStores() {
    DenseMatrix y = new DenseMatrix(3, 2, new double[] {1, 2, Double.NaN, 2, 4, 2});
    DenseData masked = new DenseData(y.copy(), MissingEntries.ofNaN(y));
    InstancePreprocessing p = InstancePreprocessing.fit(masked, TermWeighting.NONE, InstanceNormalisation.L2);
    double[] alone = p.apply(new double[] {1, Double.NaN, 4}, 1.0);
    DenseMatrix inMatrix = p.apply(masked, 1.0).toDense();
    assertEquals(inMatrix.get(0, 0), alone[0], 0.0);
    assertTrue(Double.isNaN(alone[1]));
    assertEquals(inMatrix.get(2, 0), alone[2], 0.0);
    assertEquals(1 / Math.sqrt(17), alone[0], 1e-15);
    assertTrue(p.apply(masked, 1.0).missing().isMissing(1, 0), "the missing entry stays missing");
  }

  @Test
  void restoreUnitsUndoesTheWeightsAndTheLength() {
    InstancePreprocessing p = InstancePreprocessing.fit(new DenseData(counts()), TermWeighting.TFIDF,
        InstanceNormalisation.L2);
    double[] raw = {1, 3, 1};
    double[] values = p.apply(raw, 1.0);
    p.restoreUnits(raw, values);
    assertArrayEquals(raw, values, 1e-14);
  }

  @Test
  void lengthsOfHugeAndTinyInstancesAreFinite() {
    DenseMatrix y = new DenseMatrix(2, 2, new double[] {3e300, 3e-300, 4e300, 4e-300});
    DenseMatrix out = InstancePreprocessing.fit(new DenseData(y), TermWeighting.NONE, InstanceNormalisation.L2)
        .apply(new DenseData(y), 1.0).toDense();
    assertArrayEquals(new double[] {0.6, 0.6, 0.8, 0.8}, out.data(), 1e-15);
  }

  @Test
  void anL1LengthPastTheLargestDoubleIsRefusedWithTheFix() {
    DenseMatrix y = new DenseMatrix(2, 1, new double[] {1.5e308, 1.5e308});
    InstancePreprocessing p = InstancePreprocessing.fit(new DenseData(y), TermWeighting.NONE, InstanceNormalisation.L1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.apply(new DenseData(y), 1.0));
    assertTrue(e.getMessage().contains("l1") && e.getMessage().contains("MathExpression"), e.getMessage());
  }

  @Test
  void theIdentityLeavesTheDataAsTheyAre() {
    DenseData y = new DenseData(counts());
    InstancePreprocessing p = InstancePreprocessing.fit(y, TermWeighting.NONE, InstanceNormalisation.NONE);
    assertSame(InstancePreprocessing.NONE, p);
    assertSame(y, p.apply(y, 1.0));
    assertNull(p.attributeWeights());
    assertArrayEquals(y.scaled(0.5).toDense().data(), p.apply(y, 0.5).toDense().data(), 0.0);
  }

  @Test
  void documentFrequenciesCountedInPartsGiveTheWholeMatrixWeights() {
    SparseData y = PlantedData.sparseBands(30, 20, 4, 2);
    int[] whole = InstancePreprocessing.documentFrequencies(y);
    DenseMatrix dense = y.toDense();
    int[] first = InstancePreprocessing.documentFrequencies(new DenseData(columns(dense, 0, 7)));
    int[] second = InstancePreprocessing.documentFrequencies(new DenseData(columns(dense, 7, 20)));
    for (int i = 0; i < whole.length; i++) {
      assertEquals(whole[i], first[i] + second[i]);
    }
    int[] summed = whole.clone();
    assertArrayEquals(InstancePreprocessing.fit(y, TermWeighting.TFIDF, InstanceNormalisation.L2).attributeWeights(),
        InstancePreprocessing.of(TermWeighting.TFIDF, InstanceNormalisation.L2, true, summed, 20).attributeWeights(), 0.0);
  }

  private static DenseMatrix columns(DenseMatrix y, int from, int to) {
    DenseMatrix out = new DenseMatrix(y.rows(), to - from);
    for (int i = 0; i < y.rows(); i++) {
      for (int j = from; j < to; j++) {
        out.set(i, j - from, y.get(i, j));
      }
    }
    return out;
  }

  @Test
  void autoIsTfidfAndUnitLengthForSparseDataAndNothingForDenseData() {
    SparseData sparse = PlantedData.sparseBands(100, 20, 4, 2); // 4 % nonzero
    InstancePreprocessing text = InstancePreprocessing.fit(sparse, TermWeighting.AUTO, InstanceNormalisation.AUTO);
    assertEquals(TermWeighting.TFIDF, text.weighting());
    assertEquals(InstanceNormalisation.L2, text.normalisation());
    assertArrayEquals(InstancePreprocessing.fit(sparse, TermWeighting.TFIDF, InstanceNormalisation.L2)
        .apply(sparse, 1.0).toDense().data(), text.apply(sparse, 1.0).toDense().data(), 0.0);
    DenseData images = PlantedData.generate(20, 6, 3, 0.05, 4).data();
    assertSame(InstancePreprocessing.NONE,
        InstancePreprocessing.fit(images, TermWeighting.AUTO, InstanceNormalisation.AUTO));
  }

  @Test
  void dataAreSparseByTheirShareOfNonzeroValuesNotByTheirStorage() {
    SparseData tenPercent = PlantedData.sparseBands(40, 30, 4, 3); // 4 of 40 per column: exactly 10 %
    assertEquals(120, InstancePreprocessing.nonzeros(tenPercent));
    assertEquals(120, InstancePreprocessing.nonzeros(new DenseData(tenPercent.toDense())));
    assertTrue(!InstancePreprocessing.isSparseData(120, 1200), "10 % is not below 10 %");
    assertTrue(InstancePreprocessing.isSparseData(119, 1200));
    assertSame(InstancePreprocessing.NONE,
        InstancePreprocessing.fit(tenPercent, TermWeighting.AUTO, InstanceNormalisation.AUTO));
  }
}
