package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;

/** What the noise filters refuse instead of writing a surprising or non-finite image. */
class NoiseRefusalsTest {

  /** One negative pixel made its value the "pepper" of 5% of the output, without a word. */
  @Test
  void aNegativePixelIsRefusedUnlessTheRangeIsGiven() throws Exception {
    Instances data = NoiseTestData.images(10, 4, 4, 3, false);
    data.instance(2).setValue(5, -7.0);
    SaltAndPepperNoise noise = new SaltAndPepperNoise();
    noise.setOptions(Utils.splitOptions("-P 20 -S 1"));
    noise.setInputFormat(data);
    Exception e = assertThrows(IllegalArgumentException.class, () -> Filter.useFilter(data, noise));
    assertTrue(e.getMessage().contains("negative (-7.0)") && e.getMessage().contains("-min"), e.getMessage());

    SaltAndPepperNoise ranged = new SaltAndPepperNoise();
    ranged.setOptions(Utils.splitOptions("-P 20 -S 1 -min 0"));
    ranged.setInputFormat(data);
    Instances output = Filter.useFilter(data, ranged);
    int negatives = 0;
    for (Instance instance : output) {
      for (int p = 0; p < 16; p++) {
        negatives += instance.value(p) < 0 ? 1 : 0;
      }
    }
    assertTrue(negatives <= 1, negatives + " negative pixels: only the original one may stay");
  }

  /**
   * Shrunk by FilterPropertiesTest: a 1 x 1 image whose pixel is infinite, any noise filter, got
   * "Value range bounds must be finite, got [Infinity, Infinity]" (no filter, pixel or row named).
   */
  @Test
  void anInfinitePixelIsNamed() throws Exception {
    Instances data = NoiseTestData.images(3, 1, 1, 3, false);
    data.instance(1).setValue(0, Double.POSITIVE_INFINITY);
    for (Filter filter : new Filter[] {new GaussianNoise(), new SaltAndPepperNoise()}) {
      filter.setInputFormat(data);
      Exception e = assertThrows(IllegalArgumentException.class, () -> Filter.useFilter(data, filter));
      assertTrue(e.getMessage().startsWith(filter.getClass().getName() + ": pixel 'p0' of instance 2 is Infinity"),
          e.getMessage());
    }
  }

  /** A huge sigma wrote Infinity into the output. */
  @Test
  void noiseBeyondDoublePrecisionIsRefusedNamingTheOption() throws Exception {
    Instances data = NoiseTestData.images(10, 4, 4, 3, false);
    GaussianNoise noise = new GaussianNoise();
    noise.setOptions(Utils.splitOptions("-P 50 -sigma 1.7e308 -absolute -S 1"));
    noise.setInputFormat(data);
    Exception e = assertThrows(IllegalArgumentException.class, () -> Filter.useFilter(data, noise));
    assertTrue(e.getMessage().contains("beyond double precision") && e.getMessage().contains("-sigma"),
        e.getMessage());
    assertTrue(e.getMessage().matches(".*pixel 'p\\d+' of instance \\d+.*"), e.getMessage());

    GaussianNoise relative = new GaussianNoise();
    relative.setOptions(Utils.splitOptions("-P 50 -sigma 1e307 -S 1"));
    relative.setInputFormat(data);
    e = assertThrows(IllegalArgumentException.class, () -> Filter.useFilter(data, relative));
    assertTrue(e.getMessage().contains("-sigma 1.0E307 times the pixels' standard deviation"), e.getMessage());
  }
}
