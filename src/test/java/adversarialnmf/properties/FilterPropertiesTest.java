package adversarialnmf.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.NonnegativeFactorization;

/**
 * The factorization filter and the noise filters on random inputs and options: finite output
 * where the input was finite, or a clear refusal that leaves the filter usable for the next batch.
 */
class FilterPropertiesTest {

  @Provide
  Arbitrary<DataCase> data() {
    return Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 12),
        Arbitraries.integers().between(-300, 300), Arbitraries.integers().between(0, 100),
        Arbitraries.of(true, false), Arbitraries.of(DataCase.Special.class), Arbitraries.longs().between(0, 1000))
        .as(DataCase::new);
  }

  /** Every clusterer of the package (discovered) and the other solvers of NMF and ANMF. */
  @Provide
  Arbitrary<String> clusterers() {
    return Arbitraries.of(ClustererPropertiesTest.CLUSTERERS);
  }

  @Property(tries = 150, edgeCases = EdgeCasesMode.MIXIN)
  void theFactorizationFilterMapsOrRefusesAndIsNotPoisoned(@ForAll("data") DataCase data,
      @ForAll @IntRange(min = 1, max = 4) int clusters, @ForAll("modes") String mode,
      @ForAll("clusterers") String method) throws Exception {
    String who = NonnegativeFactorization.class.getName();
    NonnegativeFactorization filter = new NonnegativeFactorization();
    String[] clusterer = method.split(" ", 2);
    filter.setOptions(Utils.splitOptions("-mode " + mode + " -W weka.clusterers." + clusterer[0] + " -- -N " + clusters
        + " -I 15" + (clusterer.length > 1 ? " " + clusterer[1] : "")));
    Instances instances = data.instances();
    filter.setInputFormat(instances);
    try {
      Instances output = Filter.useFilter(instances, filter);
      assertEquals(instances.numInstances(), output.numInstances());
      for (Instance row : output) {
        for (double v : row.toDoubleArray()) { // a residual of a missing value stays missing
          assertTrue(Double.isFinite(v) || Double.isNaN(v) && data.special == DataCase.Special.MISSING,
              data + ": " + row);
        }
      }
    } catch (Exception refused) {
      WekaErrorRule.assertClear(refused, who);
    }
    // whatever happened, a clean batch of the same shape goes through as on a fresh filter
    DataCase clean = new DataCase(data.attributes, Math.max(data.instances, clusters), 0, 0, false,
        DataCase.Special.NONE, 7);
    Instances cleanInstances = clean.instances();
    NonnegativeFactorization fresh = new NonnegativeFactorization();
    fresh.setOptions(filter.getOptions());
    fresh.setInputFormat(cleanInstances);
    filter.setInputFormat(cleanInstances);
    Instances expected = Filter.useFilter(cleanInstances, fresh);
    Instances again = Filter.useFilter(cleanInstances, filter);
    for (int j = 0; j < expected.numInstances(); j++) {
      assertArrayEquals(expected.instance(j).toDoubleArray(), again.instance(j).toDoubleArray(), 0.0);
    }
  }

  @Provide
  Arbitrary<String> modes() {
    return Arbitraries.of("coefficients", "reconstruction", "residual");
  }

  static final String[] NOISE = {"GaussianNoise", "LaplaceNoise", "SaltAndPepperNoise", "CorruptedPixelNoise",
      "RegularPatchNoise", "IrregularPatchNoise"};

  /** Images of side x side pixels at scale 10^exponent, one pixel possibly special. */
  private static Instances images(int side, int count, int exponent, DataCase.Special special, long seed) {
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    for (int p = 0; p < side * side; p++) {
      attributes.add(new Attribute("p" + p));
    }
    Instances data = new Instances("images_w" + side + "_h" + side, attributes, count);
    Random random = new Random(seed);
    for (int j = 0; j < count; j++) {
      double[] values = new double[side * side];
      for (int p = 0; p < values.length; p++) {
        values[p] = Math.pow(10, exponent) * random.nextDouble();
      }
      if (j == 0 && special != DataCase.Special.NONE) {
        values[0] = special == DataCase.Special.MISSING ? Utils.missingValue()
            : special == DataCase.Special.NEGATIVE ? -Math.pow(10, exponent) : Double.POSITIVE_INFINITY;
      }
      data.add(new DenseInstance(1.0, values));
    }
    return data;
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
  void noiseFiltersWriteFiniteImagesOrRefuseClearly(@ForAll @IntRange(min = 0, max = 5) int filterIndex,
      @ForAll @IntRange(min = 1, max = 5) int side, @ForAll @IntRange(min = 1, max = 6) int count,
      @ForAll @IntRange(min = -300, max = 300) int exponent, @ForAll DataCase.Special special,
      @ForAll @IntRange(min = 0, max = 100) int percent, @ForAll @IntRange(min = -3, max = 310) int sigmaExponent)
      throws Exception {
    String name = NOISE[filterIndex];
    String options = "-P " + percent + " -S 3" + (filterIndex < 2 ? " -sigma 1e" + sigmaExponent : "");
    Instances data = images(side, count, exponent, special, 11);
    try {
      Filter filter = (Filter) Utils.forName(Filter.class, "weka.filters.unsupervised.attribute." + name,
          Utils.splitOptions(options));
      filter.setInputFormat(data);
      Instances output = Filter.useFilter(data, filter);
      for (int j = 0; j < data.numInstances(); j++) {
        for (int p = 0; p < data.numAttributes(); p++) {
          double before = data.instance(j).value(p);
          double after = output.instance(j).value(p);
          assertTrue(!Double.isFinite(before) || Double.isFinite(after),
              name + " " + options + ": pixel " + p + " of instance " + (j + 1) + ": " + before + " -> " + after);
        }
      }
    } catch (Exception refused) {
      WekaErrorRule.assertClear(refused, refused.getMessage().startsWith("weka.filters") ? "weka.filters" : "");
    }
  }
}
