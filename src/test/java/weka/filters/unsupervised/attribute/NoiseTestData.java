package weka.filters.unsupervised.attribute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SparseInstance;

/** Small image data sets for the noise filter tests. */
final class NoiseTestData {

  private NoiseTestData() {
  }

  /**
   * {@code n} images of {@code width x height} pixels (attributes p0.., values integers in
   * [50, 200], so every corruption changes what it touches), followed by a string attribute
   * "name", a nominal attribute "tag" and the nominal class; relation {@code images_w<W>_h<H>}.
   *
   * @param missing whether some pixels and class values are missing
   */
  static Instances images(int n, int width, int height, long seed, boolean missing) {
    int pixels = width * height;
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int p = 0; p < pixels; p++) {
      attributes.add(new Attribute("p" + p));
    }
    attributes.add(new Attribute("name", (ArrayList<String>) null));
    attributes.add(new Attribute("tag", new ArrayList<>(Arrays.asList("left", "right"))));
    attributes.add(new Attribute("class", new ArrayList<>(Arrays.asList("c1", "c2", "c3"))));
    Instances data = new Instances("images_w" + width + "_h" + height, attributes, n);
    data.setClassIndex(data.numAttributes() - 1);
    Random random = new Random(seed);
    for (int i = 0; i < n; i++) {
      double[] values = new double[data.numAttributes()];
      for (int p = 0; p < pixels; p++) {
        values[p] = 50 + random.nextInt(151);
      }
      values[pixels] = data.attribute(pixels).addStringValue("image-" + i);
      values[pixels + 1] = i % 2;
      values[pixels + 2] = i % 3;
      if (missing && i % 5 == 1) {
        values[random.nextInt(pixels)] = Double.NaN;
        values[pixels + 2] = Double.NaN;
      }
      data.add(new DenseInstance(1 + i % 2, values));
    }
    return data;
  }

  /**
   * Sparse images: {@code n} images whose pixels are zero except about one in ten, with a nominal
   * class last; relation {@code sparse_w<W>_h<H>}.
   */
  static Instances sparseImages(int n, int width, int height, long seed) {
    int pixels = width * height;
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int p = 0; p < pixels; p++) {
      attributes.add(new Attribute("p" + p));
    }
    attributes.add(new Attribute("class", new ArrayList<>(Arrays.asList("c1", "c2"))));
    Instances data = new Instances("sparse_w" + width + "_h" + height, attributes, n);
    data.setClassIndex(pixels);
    Random random = new Random(seed);
    for (int i = 0; i < n; i++) {
      double[] values = new double[pixels + 1];
      for (int p = 0; p < pixels; p++) {
        values[p] = random.nextInt(10) == 0 ? 1 + random.nextInt(255) : 0;
      }
      values[pixels] = i % 2;
      data.add(new SparseInstance(1, values));
    }
    return data;
  }

  /** Dense copy of a data set (same header, same values). */
  static Instances densified(Instances data) {
    Instances dense = new Instances(data, data.numInstances());
    for (Instance instance : data) {
      dense.add(new DenseInstance(instance.weight(), instance.toDoubleArray()));
    }
    return dense;
  }
}
