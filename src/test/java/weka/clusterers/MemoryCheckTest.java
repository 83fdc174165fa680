package weka.clusterers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.solver.WorkingSet;
import adversarialnmf.testing.PlantedData;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.core.SparseInstance;

/**
 * A fit whose working set exceeds the heap is refused at once, with the estimate, the heap and the
 * cheaper way, instead of an OutOfMemoryError after minutes (ANMF's ADMM on a text corpus: each
 * attributes x instances auxiliary alone was 2.8 GB).
 */
class MemoryCheckTest {

  /** A sparse "corpus" whose attributes x instances product is far beyond any test heap. */
  private static Instances corpus(int terms, int documents) {
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    for (int t = 0; t < terms; t++) {
      attributes.add(new Attribute("t" + t));
    }
    Instances data = new Instances("corpus", attributes, documents);
    Random random = new Random(1);
    for (int d = 0; d < documents; d++) {
      int topic = d % 3;
      int[] indices = new int[6];
      double[] values = new double[6];
      for (int k = 0; k < 6; k++) {
        indices[k] = topic * (terms / 3) + k * 7 + random.nextInt(5);
        values[k] = 1 + random.nextInt(3);
      }
      java.util.Arrays.sort(indices);
      data.add(new SparseInstance(1.0, values, indices, terms));
    }
    return data;
  }

  @Test
  void anAdmmTooLargeForTheHeapIsRefusedAtOnceAndTheGradientSolverFits() throws Exception {
    long heap = Runtime.getRuntime().maxMemory();
    // the ADMM keeps 10 m x N auxiliaries of 8 bytes: 2.5 times the heap
    int terms = 30_000;
    int documents = (int) Math.min(200_000, heap / (8L * terms) / 4);
    Instances data = corpus(terms, documents);
    ANMF admm = new ANMF();
    admm.setNumClusters(3);
    admm.setSolver(new SelectedTag(adversarialnmf.solver.anmf.AnmfSolver.ADMM.ordinal(), ANMF.TAGS_SOLVER));
    long started = System.nanoTime();
    Exception e = assertThrows(IllegalStateException.class, () -> admm.buildClusterer(data));
    assertTrue((System.nanoTime() - started) / 1e9 < 30, "refused at once, not after allocating");
    String message = e.getMessage();
    assertTrue(message.contains("the fit would need about") && message.contains("heap is free")
        && message.contains("-solver gradient") && message.contains("-Xmx"), message);

    ANMF gradient = new ANMF();
    gradient.setNumClusters(3);
    gradient.setMaxIterations(3);
    gradient.setSolver(new SelectedTag(adversarialnmf.solver.anmf.AnmfSolver.GRADIENT.ordinal(), ANMF.TAGS_SOLVER));
    gradient.buildClusterer(data);
    assertEquals(documents, gradient.getTrainingAssignments().length);
  }

  /** The default, -solver auto, takes the gradient solver where the ADMM would not fit, and says why. */
  @Test
  void autoTakesTheGradientSolverWhereTheAdmmWouldNotFit() throws Exception {
    long heap = Runtime.getRuntime().maxMemory();
    int terms = 30_000;
    Instances data = corpus(terms, (int) Math.min(200_000, heap / (8L * terms) / 4));
    ANMF auto = new ANMF();
    auto.setNumClusters(3);
    auto.setMaxIterations(3);
    auto.buildClusterer(data);
    String text = auto.toString();
    assertTrue(text.contains("Solver choice: -solver auto chose the gradient solver: the ADMM would need about ")
        && text.contains("free heap"), text);
    assertTrue(auto.getFactorization().trace(adversarialnmf.solver.anmf.AnmfGradientSolver.X_STEP) != null);
  }

  /** -unit-norm-bases has only an ADMM form: auto takes the ADMM (the same bits as -solver admm), whatever the size. */
  @Test
  void autoWithUnitNormBasesIsTheAdmm() throws Exception {
    Instances data = PlantedData.generate(30, 40, 3, 0.05, 7).instances();
    ANMF auto = new ANMF();
    auto.setOptions(new String[] {"-N", "3", "-I", "20", "-unit-norm-bases", "-S", "4"});
    auto.buildClusterer(data);
    assertTrue(auto.toString().contains("Solver choice: -solver auto chose the ADMM: -unit-norm-bases has no "
        + "gradient-solver form"), auto.toString());
    ANMF admm = new ANMF();
    admm.setOptions(new String[] {"-N", "3", "-I", "20", "-unit-norm-bases", "-S", "4", "-solver", "admm"});
    admm.buildClusterer(data);
    assertEquals(admm.getFactorization().finalObjective(), auto.getFactorization().finalObjective(), 0.0);
    assertTrue(java.util.Arrays.equals(admm.getTrainingAssignments(), auto.getTrainingAssignments()));

    long heap = Runtime.getRuntime().maxMemory();
    int terms = 30_000;
    Instances corpus = corpus(terms, (int) Math.min(200_000, heap / (8L * terms) / 4));
    ANMF tooLarge = new ANMF();
    tooLarge.setOptions(new String[] {"-N", "3", "-I", "3", "-unit-norm-bases"});
    Exception e = assertThrows(IllegalStateException.class, () -> tooLarge.buildClusterer(corpus));
    assertTrue(e.getMessage().contains("drop -unit-norm-bases and use -solver gradient"), e.getMessage());
  }

  @Test
  void anAbsurdIterationCapIsRefusedByTheSizeOfItsTraces() throws Exception {
    NMF nmf = new NMF();
    nmf.setNumClusters(2);
    nmf.setMaxIterations(Integer.MAX_VALUE);
    Exception e = assertThrows(IllegalStateException.class,
        () -> nmf.buildClusterer(PlantedData.generate(10, 5, 2, 0.05, 1).instances()));
    assertTrue(e.getMessage().contains("iteration cap (-I)"), e.getMessage());
  }

  @Test
  void bytesReadForPeople() {
    assertEquals("512 bytes", WorkingSet.readable(512));
    assertEquals("2.8 GB", WorkingSet.readable(2_763_000_000L));
    assertEquals("310 MB", WorkingSet.readable(310_000_000L));
  }
}
