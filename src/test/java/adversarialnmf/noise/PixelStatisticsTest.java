package adversarialnmf.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PixelStatisticsTest {

  @Test
  void rangeAndPopulationStandardDeviationSkippingMissing() {
    PixelStatistics s = new PixelStatistics();
    for (double v : new double[] {2, 4, Double.NaN, 4, 4, 5, 5, 7, 9}) {
      s.add(v);
    }
    // the textbook example: mean 5, population standard deviation 2
    assertEquals(8, s.count());
    assertEquals(2, s.range().min());
    assertEquals(9, s.range().max());
    assertEquals(2.0, s.standardDeviation(), 1e-12);
  }

  @Test
  void largeOffsetsLoseNoPrecision() {
    PixelStatistics s = new PixelStatistics();
    for (int i = 0; i < 1000; i++) {
      s.add(1e9 + (i % 2));
    }
    assertEquals(0.5, s.standardDeviation(), 1e-6);
  }

  @Test
  void noValuesGiveAnEmptyRange() {
    PixelStatistics s = new PixelStatistics();
    s.add(Double.NaN);
    assertEquals(0, s.range().min());
    assertEquals(0, s.range().max());
    assertEquals(0, s.standardDeviation());
  }
}
