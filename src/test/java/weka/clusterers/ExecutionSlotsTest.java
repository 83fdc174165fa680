package weka.clusterers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.Parallelism;
import adversarialnmf.testing.PackageClusterers;
import adversarialnmf.testing.PlantedData;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.NonnegativeFactorization;

/**
 * The number of execution slots changes only how many threads run, never the result: every
 * kernel splits its output, not its sums (on a native BLAS the slots do not reach the BLAS, whose
 * result does not depend on them either).
 */
class ExecutionSlotsTest {

  private static Instances data() {
    // large enough that a product splits into tasks (m N n = 180000, over Parallelism.MIN_WORK_PER_TASK)
    Instances data = PlantedData.generate(200, 100, 3, 0.05, 9L).instances();
    data.setClassIndex(-1);
    return data;
  }

  private static double[] coefficientsWith(AbstractNMFClusterer clusterer, int slots) throws Exception {
    clusterer.setNumClusters(3);
    clusterer.setMaxIterations(25);
    clusterer.setNumExecutionSlots(slots);
    clusterer.buildClusterer(data());
    return clusterer.getModel().factorization().coefficients().data();
  }

  @Test
  void everyClustererGivesTheSameModelOnOneSlotAndOnAll() throws Exception {
    for (Class<? extends AbstractNMFClusterer> type : PackageClusterers.classes()) {
      AbstractNMFClusterer clusterer = PackageClusterers.fresh(type);
      double[] one = coefficientsWith((AbstractNMFClusterer) AbstractClusterer.makeCopy(clusterer), 1);
      double[] all = coefficientsWith((AbstractNMFClusterer) AbstractClusterer.makeCopy(clusterer), 0);
      double[] three = coefficientsWith((AbstractNMFClusterer) AbstractClusterer.makeCopy(clusterer), 3);
      assertArrayEquals(one, all, 0.0, clusterer.getClass().getSimpleName() + ": 1 slot vs all");
      assertArrayEquals(one, three, 0.0, clusterer.getClass().getSimpleName() + ": 1 slot vs 3");
    }
  }

  @Test
  void theFiltersClustererSlotsGiveTheSameOutput() throws Exception {
    double[][] outputs = new double[2][];
    for (int slots = 0; slots <= 1; slots++) {
      NonnegativeFactorization filter = new NonnegativeFactorization();
      NMF nmf = new NMF();
      nmf.setNumClusters(3);
      nmf.setMaxIterations(20);
      nmf.setNumExecutionSlots(slots);
      filter.setClusterer(nmf);
      filter.setInputFormat(data());
      Instances out = Filter.useFilter(data(), filter);
      assertEquals(slots, filter.getClusterer().getNumExecutionSlots());
      outputs[slots] = out.attributeToDoubleArray(0);
    }
    assertArrayEquals(outputs[0], outputs[1], 0.0);
  }

  @Test
  void theOptionRoundTripsOnTheClustererAndTheFilterHasNoneOfItsOwn() throws Exception {
    NMF nmf = new NMF();
    nmf.setOptions(new String[] {"-num-slots", "3"});
    assertEquals(3, nmf.getNumExecutionSlots());
    assertTrue(weka.core.Utils.joinOptions(nmf.getOptions()).contains("-num-slots 3"));
    NonnegativeFactorization filter = new NonnegativeFactorization();
    filter.setOptions(weka.core.Utils.splitOptions("-W weka.clusterers.NMF -- -num-slots 1"));
    assertEquals(1, filter.getClusterer().getNumExecutionSlots());
    assertFalse(weka.core.Utils.joinOptions(filter.getOptions()).startsWith("-num-slots"),
        "one -num-slots, the clusterer's: " + weka.core.Utils.joinOptions(filter.getOptions()));
    NonnegativeFactorization copy = new NonnegativeFactorization();
    copy.setOptions(filter.getOptions());
    assertEquals(1, copy.getClusterer().getNumExecutionSlots());
  }

  @Test
  void aNegativeNumberOfSlotsIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NMF().setNumExecutionSlots(-1));
    assertTrue(e.getMessage().contains("-num-slots -1"), e.getMessage());
    assertEquals(Parallelism.allProcessors(), Parallelism.executionSlots(0));
    assertEquals(Parallelism.SEQUENTIAL, Parallelism.executionSlots(1));
  }

  @Test
  void theSlotsReachTheKernelsForTheFitOnly() {
    assertEquals(Parallelism.allProcessors(), Parallelism.current());
    int inside = Parallelism.threads(3).within(() -> Parallelism.current().threads());
    assertEquals(3, inside);
    assertEquals(Parallelism.allProcessors(), Parallelism.current());
  }
}
