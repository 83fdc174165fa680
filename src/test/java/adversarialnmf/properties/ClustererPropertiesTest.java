package adversarialnmf.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import adversarialnmf.testing.PackageClusterers;
import java.util.ArrayList;
import java.util.List;
import weka.clusterers.AbstractNMFClusterer;
import weka.core.Instances;

/**
 * Every clusterer on random shapes (1 x 1, more clusters than attributes, as many clusters as
 * instances), scales from 1e-300 to 1e300, sparsity, special cells and option values: either a
 * finite, valid result (assignments in range, memberships that sum to 1) or a Weka-style error
 * that names what is wrong.
 */
class ClustererPropertiesTest {

  /** Every clusterer of the package (discovered), then the other solvers of NMF and ANMF. */
  static final List<String> CLUSTERERS = clusterers("NMF -solver hals", "NMF -solver kl", "ANMF -solver gradient");

  private static List<String> clusterers(String... variants) {
    List<String> specs = new ArrayList<>(PackageClusterers.names());
    specs.addAll(java.util.Arrays.asList(variants));
    return specs;
  }

  @Provide
  Arbitrary<String> method() {
    return Arbitraries.of(CLUSTERERS);
  }

  @Provide
  Arbitrary<DataCase> data() {
    return Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 12),
        Arbitraries.integers().between(-300, 300), Arbitraries.integers().between(0, 100).edgeCases(
            e -> e.add(0, 100)), Arbitraries.of(true, false), Arbitraries.of(DataCase.Special.class),
        Arbitraries.longs().between(0, 1000))
        .as(DataCase::new);
  }

  @Property(tries = 600, edgeCases = EdgeCasesMode.MIXIN)
  void aFitIsValidOrRefusedClearly(@ForAll("data") DataCase data, @ForAll("method") String method,
      @ForAll @IntRange(min = 1, max = 6) int clusters, @ForAll @IntRange(min = 1, max = 25) int iterations,
      @ForAll("initialisation") String init, @ForAll("scaling") String scaling, @ForAll("assignment") String assign)
      throws Exception {
    String spec = method + " -N " + clusters + " -I " + iterations + " -init " + init + " -scaling "
        + scaling + " -assign " + assign;
    Instances instances = data.instances();
    AbstractNMFClusterer clusterer = clusterer(spec);
    try {
      clusterer.buildClusterer(instances);
    } catch (Exception refused) {
      WekaErrorRule.assertClear(refused, clusterer.getClass().getName());
      return;
    }
    int[] labels = clusterer.getTrainingAssignments();
    assertEquals(instances.numInstances(), labels.length);
    for (int j = 0; j < labels.length; j++) {
      assertTrue(labels[j] >= 0 && labels[j] < clusters, spec + ": label " + labels[j]);
      double[] membership;
      try {
        membership = clusterer.distributionForInstance(instances.instance(j));
      } catch (Exception refused) { // a special cell may be refused in prediction as in the fit
        WekaErrorRule.assertClear(refused, clusterer.getClass().getName());
        continue;
      }
      double sum = 0;
      for (double p : membership) {
        assertTrue(p >= 0 && Double.isFinite(p), spec + ": membership " + java.util.Arrays.toString(membership));
        sum += p;
      }
      assertEquals(1.0, sum, 1e-9, spec);
    }
    assertTrue(clusterer.toString().contains("Clustered instances"), spec);
  }

  /**
   * A sample the first property found: one attribute near 1e14, unscaled, two clusters. XXᵀ has rank
   * 1 and ANMF's λ is below its rounding, so λI + XXᵀ is numerically singular and the best response
   * Ã*(X) of ANMF's diagnostics may not be defined: the fit must not fail on it (it used to, in
   * Cholesky), and the gap is NaN where the factorization fails or a finite number where the rounding
   * of the linear-algebra path lets it through (our kernels do, OpenBLAS does not).
   */
  @Example
  void aNumericallySingularBestResponseDoesNotFailTheFit() throws Exception {
    AbstractNMFClusterer clusterer = clusterer("ANMF -solver gradient -N 2 -I 19 -init random -scaling none");
    clusterer.buildClusterer(new DataCase(1, 2, 14, 0, false, DataCase.Special.NONE, 0).instances());
    java.util.Map<String, Double> measures = clusterer.getFactorization().measures();
    double gap = measures.get(adversarialnmf.solver.anmf.AbstractAnmfSolver.BEST_RESPONSE_GAP);
    assertTrue(Double.isNaN(gap) || (Double.isFinite(gap) && gap >= 0), measures.toString());
  }

  /** One instance and a batch are judged by one check: the same membership or the same refusal. */
  @Property(tries = 100, edgeCases = EdgeCasesMode.MIXIN)
  void aSingleInstanceIsPredictedAsInABatch(@ForAll("data") DataCase training, @ForAll("data") DataCase query,
      @ForAll("method") String method) throws Exception {
    DataCase clean = new DataCase(training.attributes, Math.max(2, training.instances), training.exponent,
        Math.min(training.zeroPercent, 50), training.sparse, DataCase.Special.NONE, training.valueSeed);
    AbstractNMFClusterer clusterer = clusterer(method + " -N 2 -I 10");
    try {
      clusterer.buildClusterer(clean.instances());
    } catch (Exception refused) {
      WekaErrorRule.assertClear(refused, clusterer.getClass().getName());
      return;
    }
    Instances batch = query.instances();
    double[][] batchMembership;
    try {
      batchMembership = clusterer.distributionsForInstances(batch);
    } catch (Exception refused) {
      WekaErrorRule.assertClear(refused, clusterer.getClass().getName());
      batchMembership = null;
    }
    for (int j = 0; j < batch.numInstances(); j++) {
      try {
        double[] single = clusterer.distributionForInstance(batch.instance(j));
        if (batchMembership != null) {
          org.junit.jupiter.api.Assertions.assertArrayEquals(batchMembership[j], single, 1e-9);
        }
      } catch (Exception refused) {
        WekaErrorRule.assertClear(refused, clusterer.getClass().getName());
        assertTrue(batchMembership == null, "the batch passed what one instance refused: " + refused);
      }
    }
  }

  static AbstractNMFClusterer clusterer(String spec) throws Exception {
    return PackageClusterers.fromSpec(spec);
  }

  @Provide
  Arbitrary<String> initialisation() {
    return Arbitraries.of("kmeans", "nndsvd", "random");
  }

  @Provide
  Arbitrary<String> scaling() {
    return Arbitraries.of("max", "none");
  }

  @Provide
  Arbitrary<String> assignment() {
    return Arbitraries.of("argmax", "kmeans");
  }
}
