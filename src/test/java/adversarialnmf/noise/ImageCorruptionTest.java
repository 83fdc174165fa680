package adversarialnmf.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageCorruptionTest {

  private static final int WIDTH = 32;
  private static final int HEIGHT = 24;
  private static final int PIXELS = WIDTH * HEIGHT;
  private static final ValueRange RANGE = new ValueRange(0, 255);

  /** An image with every value strictly inside (50, 200), so any corruption changes it. */
  private static double[] interiorImage(Random random) {
    double[] image = new double[PIXELS];
    for (int i = 0; i < PIXELS; i++) {
      image[i] = 50.5 + 149 * random.nextDouble();
    }
    return image;
  }

  private static boolean[] changed(double[] before, double[] after) {
    boolean[] changed = new boolean[before.length];
    for (int i = 0; i < before.length; i++) {
      changed[i] = before[i] != after[i];
    }
    return changed;
  }

  private static int count(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) {
      n += f ? 1 : 0;
    }
    return n;
  }

  /**
   * Over many images, each image has exactly round(p m) changed pixels, and every position is
   * changed with frequency p within five binomial standard deviations (uniform selection).
   */
  private static void assertChangesFractionUniformly(ImageCorruption corruption, double p) {
    int images = 1000;
    Random data = new Random(11);
    Random noise = new Random(12);
    int[] perPosition = new int[PIXELS];
    long total = 0;
    for (int k = 0; k < images; k++) {
      double[] before = interiorImage(data);
      double[] after = before.clone();
      corruption.corrupt(after, WIDTH, HEIGHT, RANGE, noise);
      boolean[] changed = changed(before, after);
      assertEquals(Math.round(p * PIXELS), count(changed), "changed pixels in image " + k);
      for (int i = 0; i < PIXELS; i++) {
        perPosition[i] += changed[i] ? 1 : 0;
      }
      total += count(changed);
    }
    assertEquals(p, (double) total / ((long) images * PIXELS), 0.5 / PIXELS);
    double tolerance = 5 * Math.sqrt(p * (1 - p) / images);
    for (int i = 0; i < PIXELS; i++) {
      assertEquals(p, perPosition[i] / (double) images, tolerance, "position " + i);
    }
  }

  @Test
  void pixelCorruptionsChangeFractionPUniformly() {
    assertChangesFractionUniformly(new SaltAndPepper(0.1), 0.1);
    assertChangesFractionUniformly(new CorruptedPixels(0.2), 0.2);
    assertChangesFractionUniformly(new CorruptedPixels(0.05), 0.05);
    assertChangesFractionUniformly(new AdditiveNoise(0.3, 5, NoiseDistribution.GAUSSIAN), 0.3);
    assertChangesFractionUniformly(new AdditiveNoise(0.3, 5, NoiseDistribution.LAPLACE), 0.3);
  }

  @Test
  void saltAndPepperWritesOnlyTheExtremesHalfEach() {
    Random random = new Random(3);
    ValueRange extremes = new ValueRange(7, 91);
    long salt = 0;
    long pepper = 0;
    for (int k = 0; k < 200; k++) {
      double[] before = interiorImage(random);
      double[] after = before.clone();
      new SaltAndPepper(0.25).corrupt(after, WIDTH, HEIGHT, extremes, random);
      for (int i = 0; i < PIXELS; i++) {
        if (after[i] != before[i]) {
          assertTrue(after[i] == 7 || after[i] == 91, "value " + after[i]);
          salt += after[i] == 91 ? 1 : 0;
          pepper += after[i] == 7 ? 1 : 0;
        }
      }
    }
    long n = salt + pepper;
    assertEquals(0.5, salt / (double) n, 5 * Math.sqrt(0.25 / n));
  }

  @Test
  void corruptedPixelsAreUniformInTheRange() {
    Random random = new Random(4);
    ValueRange range = new ValueRange(10, 20);
    double sum = 0;
    int n = 0;
    for (int k = 0; k < 100; k++) {
      double[] image = new double[PIXELS];
      Arrays.fill(image, -1);
      new CorruptedPixels(0.5).corrupt(image, WIDTH, HEIGHT, range, random);
      for (double v : image) {
        if (v != -1) {
          assertTrue(v >= 10 && v < 20, "value " + v);
          sum += v;
          n++;
        }
      }
    }
    // mean of U(10, 20) is 15 with standard deviation 10 / sqrt(12 n)
    assertEquals(15, sum / n, 5 * 10 / Math.sqrt(12.0 * n));
  }

  private static double[] addedNoise(NoiseDistribution distribution, double sigma, int samples) {
    double[] image = new double[samples];
    Arrays.fill(image, 1000);
    new AdditiveNoise(1, sigma, distribution).corrupt(image, samples, 1, RANGE, new Random(5));
    for (int i = 0; i < samples; i++) {
      image[i] -= 1000;
    }
    return image;
  }

  @Test
  void additiveNoiseHasTheRequestedStandardDeviationAndShape() {
    int n = 50_000;
    for (NoiseDistribution distribution : NoiseDistribution.values()) {
      double[] noise = addedNoise(distribution, 4, n);
      double mean = Arrays.stream(noise).average().orElseThrow();
      double variance = Arrays.stream(noise).map(x -> (x - mean) * (x - mean)).sum() / n;
      assertEquals(0, mean, 5 * 4 / Math.sqrt(n), distribution.name());
      assertEquals(4, Math.sqrt(variance), 0.1, distribution.name());
      // E|x| / sigma is sqrt(2/pi) = 0.798 for Gaussian and 1/sqrt(2) = 0.707 for Laplace
      double meanAbs = Arrays.stream(noise).map(Math::abs).average().orElseThrow() / 4;
      double expected = distribution == NoiseDistribution.GAUSSIAN
          ? Math.sqrt(2 / Math.PI) : 1 / Math.sqrt(2);
      assertEquals(expected, meanAbs, 0.02, distribution.name());
    }
  }

  @Test
  void additiveNoiseIsClippedAtZero() {
    double[] image = new double[PIXELS];
    new AdditiveNoise(1, 10, NoiseDistribution.GAUSSIAN).corrupt(image, WIDTH, HEIGHT, RANGE,
        new Random(6));
    int zeros = 0;
    for (double v : image) {
      assertTrue(v >= 0);
      zeros += v == 0 ? 1 : 0;
    }
    // half of the draws are negative and clip to zero
    assertEquals(0.5, zeros / (double) PIXELS, 5 * Math.sqrt(0.25 / PIXELS));
  }

  /** Checks the changed pixels form one filled rectangle; returns {left, top, width, height}. */
  private static int[] changedRectangle(boolean[] changed, int width, int height) {
    int left = width;
    int right = -1;
    int top = height;
    int bottom = -1;
    for (int i = 0; i < changed.length; i++) {
      if (changed[i]) {
        left = Math.min(left, i % width);
        right = Math.max(right, i % width);
        top = Math.min(top, i / width);
        bottom = Math.max(bottom, i / width);
      }
    }
    int w = right - left + 1;
    int h = bottom - top + 1;
    assertEquals(w * h, count(changed), "changed pixels fill their bounding box");
    return new int[] {left, top, w, h};
  }

  @Test
  void regularPatchIsOneRectangleOfTheRightArea() {
    Random random = new Random(7);
    for (double p : new double[] {0.05, 0.25, 0.5, 0.73, 1.0}) {
      for (PatchShape shape : PatchShape.values()) {
        for (int k = 0; k < 20; k++) {
          double[] before = interiorImage(random);
          double[] after = before.clone();
          new RegularPatch(p, shape, PatchFill.random()).corrupt(after, WIDTH, HEIGHT, RANGE,
              random);
          int[] box = changedRectangle(changed(before, after), WIDTH, HEIGHT);
          double area = box[2] * box[3];
          assertEquals(p * PIXELS, area, Math.max(box[2], box[3]),
              "area within one row/column of p m, " + shape + " p=" + p);
          if (shape == PatchShape.SQUARE && Math.sqrt(p * PIXELS) <= HEIGHT) {
            assertEquals(box[2], box[3], "square patch " + p);
          }
        }
      }
    }
  }

  @Test
  void squarePatchTooLargeForTheShortSideSpansIt() {
    // 40 x 10 image, half the area: a square of side 14 cannot fit, so 20 x 10
    double[] before = new double[400];
    Arrays.fill(before, 3);
    double[] after = before.clone();
    new RegularPatch(0.5, PatchShape.SQUARE, PatchFill.constant(9)).corrupt(after, 40, 10, RANGE,
        new Random(1));
    int[] box = changedRectangle(changed(before, after), 40, 10);
    assertArrayEquals(new int[] {20, 10}, new int[] {box[2], box[3]});
    for (int i = 0; i < after.length; i++) {
      assertTrue(after[i] == 3 || after[i] == 9);
    }
  }

  @Test
  void regularPatchPositionCoversEveryPlacement() {
    Random random = new Random(8);
    int[] leftCount = new int[WIDTH];
    int[] topCount = new int[HEIGHT];
    // 25% of 32 x 24 is 192 pixels: a 14 x 14 square, 19 x 11 placements
    for (int k = 0; k < 2000; k++) {
      double[] before = interiorImage(random);
      double[] after = before.clone();
      new RegularPatch(0.25, PatchShape.SQUARE, PatchFill.random()).corrupt(after, WIDTH, HEIGHT,
          RANGE, random);
      int[] box = changedRectangle(changed(before, after), WIDTH, HEIGHT);
      assertEquals(14, box[2]);
      leftCount[box[0]]++;
      topCount[box[1]]++;
    }
    for (int x = 0; x < WIDTH; x++) {
      assertEquals(x <= WIDTH - 14, leftCount[x] > 0, "left " + x);
    }
    for (int y = 0; y < HEIGHT; y++) {
      assertEquals(y <= HEIGHT - 14, topCount[y] > 0, "top " + y);
    }
  }

  /** Size of the connected component of changed pixels containing {@code start}. */
  private static int componentSize(boolean[] changed, int start, Connectivity connectivity) {
    boolean[] seen = new boolean[changed.length];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    seen[start] = true;
    int size = 0;
    while (!queue.isEmpty()) {
      int p = queue.poll();
      size++;
      for (int dr = -1; dr <= 1; dr++) {
        for (int dc = -1; dc <= 1; dc++) {
          boolean edge = Math.abs(dr) + Math.abs(dc) == 1;
          boolean corner = Math.abs(dr) + Math.abs(dc) == 2;
          if (!edge && !(corner && connectivity == Connectivity.EIGHT)) {
            continue;
          }
          int r = p / WIDTH + dr;
          int c = p % WIDTH + dc;
          if (r >= 0 && r < HEIGHT && c >= 0 && c < WIDTH && changed[r * WIDTH + c]
              && !seen[r * WIDTH + c]) {
            seen[r * WIDTH + c] = true;
            queue.add(r * WIDTH + c);
          }
        }
      }
    }
    return size;
  }

  @Test
  void irregularPatchIsOneConnectedRegionOfExactSize() {
    Random random = new Random(9);
    for (Connectivity connectivity : Connectivity.values()) {
      for (double p : new double[] {0.01, 0.1, 0.25, 0.5, 1.0}) {
        for (int k = 0; k < 20; k++) {
          double[] before = interiorImage(random);
          double[] after = before.clone();
          new IrregularPatch(p, connectivity, PatchFill.random()).corrupt(after, WIDTH, HEIGHT,
              RANGE, random);
          boolean[] changed = changed(before, after);
          int size = count(changed);
          assertEquals(Math.round(p * PIXELS), size, connectivity + " p=" + p);
          int first = 0;
          while (!changed[first]) {
            first++;
          }
          assertEquals(size, componentSize(changed, first, connectivity),
              "one " + connectivity + "-connected region, p=" + p);
        }
      }
    }
  }

  @Test
  void irregularPatchIsNotARectangle() {
    // a blob of 100 random boundary steps almost never fills its bounding box
    double[] before = interiorImage(new Random(10));
    double[] after = before.clone();
    new IrregularPatch(0.25, Connectivity.FOUR, PatchFill.constant(0)).corrupt(after, WIDTH,
        HEIGHT, RANGE, new Random(10));
    boolean[] changed = changed(before, after);
    int left = WIDTH;
    int right = -1;
    int top = HEIGHT;
    int bottom = -1;
    for (int i = 0; i < PIXELS; i++) {
      if (changed[i]) {
        assertEquals(0, after[i]);
        left = Math.min(left, i % WIDTH);
        right = Math.max(right, i % WIDTH);
        top = Math.min(top, i / WIDTH);
        bottom = Math.max(bottom, i / WIDTH);
      }
    }
    assertTrue((right - left + 1) * (bottom - top + 1) > count(changed));
  }

  @Test
  void sameSeedSameCorruptionDifferentSeedDifferent() {
    ImageCorruption[] corruptions = {
      new SaltAndPepper(0.1), new CorruptedPixels(0.1),
      new RegularPatch(0.2, PatchShape.SQUARE, PatchFill.random()),
      new IrregularPatch(0.2, Connectivity.EIGHT, PatchFill.random()),
      new AdditiveNoise(1, 3, NoiseDistribution.GAUSSIAN),
      new AdditiveNoise(1, 3, NoiseDistribution.LAPLACE),
    };
    double[] image = interiorImage(new Random(1));
    for (ImageCorruption corruption : corruptions) {
      double[] a = image.clone();
      double[] b = image.clone();
      double[] c = image.clone();
      corruption.corrupt(a, WIDTH, HEIGHT, RANGE, new Random(42));
      corruption.corrupt(b, WIDTH, HEIGHT, RANGE, new Random(42));
      corruption.corrupt(c, WIDTH, HEIGHT, RANGE, new Random(43));
      assertArrayEquals(a, b, corruption.describe());
      assertFalse(Arrays.equals(a, c), corruption.describe());
    }
  }

  @Test
  void zeroFractionChangesNothing() {
    double[] image = interiorImage(new Random(2));
    double[] copy = image.clone();
    new SaltAndPepper(0).corrupt(copy, WIDTH, HEIGHT, RANGE, new Random(1));
    new IrregularPatch(0, Connectivity.FOUR, PatchFill.random()).corrupt(copy, WIDTH, HEIGHT,
        RANGE, new Random(1));
    new RegularPatch(0, PatchShape.SQUARE, PatchFill.random()).corrupt(copy, WIDTH, HEIGHT,
        RANGE, new Random(1));
    assertArrayEquals(image, copy);
  }

  @Test
  void badArgumentsAreRejectedWithTheirValues() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SaltAndPepper(1.5));
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CorruptedPixels(0.1).corrupt(new double[10], 4, 3, RANGE, new Random(1)));
    assertTrue(e.getMessage().contains("4x3") && e.getMessage().contains("10"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ValueRange(5, 1));
    assertTrue(e.getMessage().contains("5.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new AdditiveNoise(0.5, -1, NoiseDistribution.GAUSSIAN));
    assertThrows(IllegalArgumentException.class, () -> PatchFill.constant(Double.NaN));
  }
}
