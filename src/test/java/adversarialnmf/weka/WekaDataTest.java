package adversarialnmf.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.MissingEntries;
import adversarialnmf.linalg.MissingValues;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SparseInstance;

/** Instances become Y = attributes x instances; the class is left out; sparse stays sparse. */
class WekaDataTest {

  private static Instances withClass(boolean sparse) {
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    attributes.add(new Attribute("a"));
    attributes.add(new Attribute("class", Arrays.asList("x", "y")));
    attributes.add(new Attribute("b"));
    Instances data = new Instances("t", attributes, 3);
    double[][] rows = {{1, 0, 0}, {0, 1, 2}, {3, 0, 4}};
    for (double[] row : rows) {
      DenseInstance instance = new DenseInstance(1.0, row);
      data.add(sparse ? new SparseInstance(instance) : instance);
    }
    data.setClassIndex(1);
    return data;
  }

  @Test
  void classIsLeftOutAndInstancesBecomeColumns() {
    for (boolean sparse : new boolean[] {false, true}) {
      Instances data = withClass(sparse);
      int[] features = WekaData.featureIndices(data);
      assertArrayEquals(new int[] {0, 2}, features);
      DataMatrix y = WekaData.toMatrix(data, features);
      assertTrue(y.isSparse() == sparse);
      assertArrayEquals(new double[] {1, 0, 3, 0, 2, 4}, y.toDense().data(), 0.0);
    }
  }

  @Test
  void missingValuesBecomeTheMaskAndSparseDataStaySparse() {
    for (boolean sparse : new boolean[] {false, true}) {
      Instances data = withClass(sparse);
      // instance 2: a missing, b stored as 2; instance 1: b absent in the sparse form (an observed 0)
      data.instance(1).setMissing(0);
      if (sparse) {
        // a stored zero stays an observed entry: instance 3 keeps b = 4, instance 1 stores a = 1
        assertTrue(data.instance(0).numValues() < 3, "instance 1 is sparse");
      }
      DataMatrix y = WekaData.toMatrix(data, new int[] {0, 2});
      assertTrue(y.isSparse() == sparse);
      MissingEntries missing = y.missing();
      assertTrue(missing.count() == 1 && missing.isMissing(0, 1), "sparse=" + sparse);
      assertFalse(missing.isMissing(1, 0), "an absent sparse value is an observed 0");
      assertArrayEquals(new double[] {1, 0, 3, 0, 2, 4}, y.toDense().data(), 0.0);
      DataMatrix imputed = MissingValues.imputeAttributeMeans(y);
      assertTrue(imputed.missing().isEmpty() && imputed.isSparse() == sparse);
      assertArrayEquals(new double[] {1, 2, 3, 0, 2, 4}, imputed.toDense().data(), 0.0);
      WekaData.requireNonnegative(data, new int[] {0, 2}, "X", 0, true);
      Exception e = assertThrows(IllegalArgumentException.class,
          () -> WekaData.requireNonnegative(data, new int[] {0, 2}, "X"));
      assertTrue(e.getMessage().startsWith("X: missing value in attribute 'a' of instance 2"), e.getMessage());
    }
  }

  @Test
  void sparseMatrixStoresOnlyNonzeros() {
    DataMatrix y = WekaData.toMatrix(withClass(true), new int[] {0, 2});
    assertTrue(y.storedEntries() == 4, "stored " + y.storedEntries());
  }

  @Test
  void negativeValuesNameAttributeAndInstance() {
    Instances data = withClass(false);
    data.instance(2).setValue(2, -4);
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> WekaData.requireNonnegative(data, new int[] {0, 2}, "X"));
    assertTrue(e.getMessage().startsWith("X: negative value -4.0 in attribute 'b' (index 3) of instance 3"),
        e.getMessage());
  }

  @Test
  void nominalFeatureIsRefusedButTheClassIsNot() {
    Instances data = withClass(false);
    WekaData.requireNonnegative(data, WekaData.featureIndices(data), "X");
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> WekaData.requireNonnegative(data, new int[] {0, 1}, "X"));
    assertTrue(e.getMessage().contains("'class'") && e.getMessage().contains("nominal"), e.getMessage());
    assertFalse(e.getMessage().contains("negative value"));
  }
}
