package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.solver.FitInterruptedException;
import adversarialnmf.testing.InterruptedRun;
import adversarialnmf.testing.PlantedData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.trees.J48;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;

/**
 * A refused batch or instance leaves nothing behind in our filters' buffers: the next batch, the
 * clean training data included, is judged on its own (Weka's SimpleBatchFilter keeps the refused
 * rows, and every later call failed with the old message).
 */
class AtomicBatchFilterTest {

  private static final PlantedData PLANTED = PlantedData.generate(12, 20, 3, 0.02, 7);

  private static NonnegativeFactorization factorization() throws Exception {
    NonnegativeFactorization filter = new NonnegativeFactorization();
    filter.setOptions(Utils.splitOptions("-W weka.clusterers.NMF -- -N 3 -I 50 -S 3"));
    return filter;
  }

  private static Instances withNegative(Instances data, int row) {
    Instances bad = new Instances(data);
    bad.instance(row).setValue(2, -1.0);
    return bad;
  }

  @Test
  void aRefusedFirstBatchDoesNotPoisonTheNextOne() throws Exception {
    Instances clean = PLANTED.instances();
    NonnegativeFactorization filter = factorization();
    filter.setInputFormat(clean);
    Exception refused = assertThrows(IllegalArgumentException.class,
        () -> Filter.useFilter(withNegative(clean, 4), filter));
    assertTrue(refused.getMessage().contains("negative value"), refused.getMessage());

    Instances output = Filter.useFilter(clean, filter);
    NonnegativeFactorization fresh = factorization();
    fresh.setInputFormat(clean);
    Instances expected = Filter.useFilter(clean, fresh);
    assertEquals(expected.numInstances(), output.numInstances());
    for (int j = 0; j < output.numInstances(); j++) {
      assertArrayEquals(expected.instance(j).toDoubleArray(), output.instance(j).toDoubleArray(), 0.0);
    }
  }

  @Test
  void aRefusedLaterInstanceDoesNotPoisonTheNextAndRowsAreCountedOverTheBatch() throws Exception {
    Instances clean = PLANTED.instances();
    NonnegativeFactorization filter = factorization();
    filter.setInputFormat(clean);
    Filter.useFilter(clean, filter);
    Instances bad = withNegative(clean, 6);
    for (int j = 0; j < 6; j++) {
      assertTrue(filter.input(bad.instance(j)));
      filter.output();
    }
    Exception refused = assertThrows(IllegalArgumentException.class, () -> filter.input(bad.instance(6)));
    assertTrue(refused.getMessage().contains("instance 7"), refused.getMessage());
    assertTrue(filter.input(clean.instance(7)));
    Instance mapped = filter.output();
    NonnegativeFactorization fresh = factorization();
    fresh.setInputFormat(clean);
    Filter.useFilter(clean, fresh);
    fresh.input(clean.instance(7));
    assertArrayEquals(fresh.output().toDoubleArray(), mapped.toDoubleArray(), 0.0);
    filter.batchFinished();
  }

  /** A later batch with another header got Weka's "Src and Dest differ in # of attributes". */
  @Test
  void aLaterBatchWithAnotherHeaderIsNamedAndRefused() throws Exception {
    Instances clean = PLANTED.instances();
    GaussianNoise noise = new GaussianNoise();
    noise.setOptions(Utils.splitOptions("-width 4 -height 3"));
    for (AbstractAtomicBatchFilter filter : new AbstractAtomicBatchFilter[] {factorization(), noise}) {
      filter.setInputFormat(clean);
      Filter.useFilter(clean, filter);
      Instances other = new Instances(clean);
      other.insertAttributeAt(new Attribute("extra"), 0);
      Exception e = assertThrows(IllegalArgumentException.class, () -> Filter.useFilter(other, filter));
      assertTrue(e.getMessage().startsWith(filter.getClass().getName() + ": the instances do not match the format"),
          e.getMessage());
      Instances nominal = new Instances(clean, 0);
      nominal.deleteAttributeAt(2);
      nominal.insertAttributeAt(new Attribute("a2", Arrays.asList("low", "high")), 2);
      Instance row = new DenseInstance(1.0, clean.instance(0).toDoubleArray());
      row.setDataset(nominal);
      e = assertThrows(IllegalArgumentException.class, () -> filter.input(row));
      assertTrue(e.getMessage().contains("a2"), e.getMessage());
      assertEquals(clean.numInstances(), Filter.useFilter(clean, filter).numInstances());
    }
  }

  @Test
  void aFilteredClassifierSurvivesOneBadInstance() throws Exception {
    Instances data = PLANTED.instances();
    data.insertAttributeAt(new Attribute("cluster", Arrays.asList("c0", "c1", "c2")), data.numAttributes());
    int[] labels = PLANTED.labels();
    for (int j = 0; j < data.numInstances(); j++) {
      data.instance(j).setValue(data.numAttributes() - 1, labels[j]);
    }
    data.setClassIndex(data.numAttributes() - 1);
    FilteredClassifier classifier = new FilteredClassifier();
    classifier.setFilter(factorization());
    classifier.setClassifier(new J48());
    classifier.buildClassifier(data);
    double before = classifier.classifyInstance(data.instance(3));
    Instance bad = new DenseInstance(data.instance(3));
    bad.setDataset(data);
    bad.setValue(0, -5.0);
    assertThrows(IllegalArgumentException.class, () -> classifier.classifyInstance(bad));
    assertEquals(before, classifier.classifyInstance(data.instance(3)), 0.0);
  }

  @Test
  void anInterruptedFitEndsAtOnceAndTheFilterFitsAgain() throws Exception {
    Instances large = PlantedData.generate(200, 300, 4, 0.05, 21).instances();
    NonnegativeFactorization filter = new NonnegativeFactorization();
    filter.setOptions(Utils.splitOptions("-W weka.clusterers.ANMF -- -N 4 -I 100000 -E 0"));
    filter.setInputFormat(large);
    InterruptedException stopped = InterruptedRun.of(() -> Filter.useFilter(large, filter))
        .assertStoppedWith(InterruptedException.class);
    assertTrue(stopped.getCause() instanceof FitInterruptedException, "" + stopped.getCause());

    Instances clean = PLANTED.instances();
    NonnegativeFactorization reused = factorization();
    reused.setInputFormat(large);
    assertThrows(InterruptedException.class, () -> {
      Thread.currentThread().interrupt();
      Filter.useFilter(large, reused);
    });
    reused.setInputFormat(clean);
    NonnegativeFactorization fresh = factorization();
    fresh.setInputFormat(clean);
    Instances expected = Filter.useFilter(clean, fresh);
    Instances output = Filter.useFilter(clean, reused);
    for (int j = 0; j < output.numInstances(); j++) {
      assertArrayEquals(expected.instance(j).toDoubleArray(), output.instance(j).toDoubleArray(), 0.0);
    }
  }
}
