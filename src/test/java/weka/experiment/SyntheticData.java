package weka.experiment;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.converters.ArffSaver;

/** Small labelled data sets for the evaluation tests. */
final class SyntheticData {

  private SyntheticData() {}

  /**
   * Well separated nonnegative Gaussian blobs, one per class, the nominal class last: blob c is
   * centred at 10·(c+1) on attribute c mod width and at 1 elsewhere.
   */
  static Instances blobs(int classes, int perClass, int width, double spread, long seed) {
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    for (int a = 0; a < width; a++) {
      attributes.add(new Attribute("a" + a));
    }
    ArrayList<String> classNames = new ArrayList<String>();
    for (int c = 0; c < classes; c++) {
      classNames.add("c" + c);
    }
    attributes.add(new Attribute("class", classNames));
    Instances data = new Instances("blobs" + classes, attributes, classes * perClass);
    data.setClassIndex(width);
    Random random = new Random(seed);
    for (int c = 0; c < classes; c++) {
      for (int i = 0; i < perClass; i++) {
        double[] values = new double[width + 1];
        for (int a = 0; a < width; a++) {
          double centre = a == c % width ? 10.0 * (c + 1) : 1.0;
          values[a] = Math.max(0.0, centre + spread * random.nextGaussian());
        }
        values[width] = c;
        data.add(new DenseInstance(1.0, values));
      }
    }
    return data;
  }

  static File save(Instances data, File folder) throws IOException {
    File file = new File(folder, data.relationName() + ".arff");
    ArffSaver saver = new ArffSaver();
    saver.setInstances(data);
    saver.setFile(file);
    saver.writeBatch();
    return file;
  }
}
