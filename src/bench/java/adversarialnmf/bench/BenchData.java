package adversarialnmf.bench;

import adversarialnmf.weka.WekaData;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.SparseData;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The benchmark data sets: the shared ORL and BBCSport files (read with Weka, class dropped) and
 * seeded synthetic matrices of the COIL, USPS and TDT2 shapes. Each has the rank the benchmark
 * uses (the number of classes of the real set).
 */
final class BenchData {

  /** TDT2 (Cai's 30-topic version): 36,771 terms x 9,394 documents; we use 0.35 % stored entries. */
  static final double TDT2_DENSITY = 0.0035;

  final String name;
  final DataMatrix y;
  final int rank;

  private BenchData(String name, DataMatrix y, int rank) {
    this.name = name;
    this.y = y;
    this.rank = rank;
  }

  static BenchData load(String name, Path datasets) throws Exception {
    switch (name) {
      case "orl":
        return new BenchData(name, arff(datasets.resolve("ORL_32x32.arff.gz")), 40);
      case "bbcsport":
        return new BenchData(name, arff(datasets.resolve("BBCSport.arff.gz")), 5);
      case "coil":
        return new BenchData(name, new DenseData(plantedDense(1024, 1440, 20, 11L)), 20);
      case "usps":
        return new BenchData(name, new DenseData(plantedDense(256, 9298, 10, 12L)), 10);
      case "tdt2":
        return new BenchData(name, randomSparse(36771, 9394, TDT2_DENSITY, 13L), 30);
      default:
        throw new IllegalArgumentException("unknown data set '" + name
            + "'; use orl, coil, usps, bbcsport or tdt2");
    }
  }

  /** The ARFF file as Y (attributes x instances), class attribute (the last) left out. */
  private static DataMatrix arff(Path file) throws Exception {
    Instances data = DataSource.read(file.toString());
    data.setClassIndex(data.numAttributes() - 1);
    return WekaData.toMatrix(data, WekaData.featureIndices(data));
  }

  /** W H + noise with W, H uniform on [0, 1): nonnegative, of the given shape, rank r plus noise. */
  private static DenseMatrix plantedDense(int m, int count, int r, long seed) {
    Random random = new Random(seed);
    double[] w = new double[m * r];
    double[] h = new double[r * count];
    for (int i = 0; i < w.length; i++) {
      w[i] = random.nextDouble();
    }
    for (int i = 0; i < h.length; i++) {
      h[i] = random.nextDouble();
    }
    DenseMatrix y = new DenseMatrix(m, count);
    double[] yd = y.data();
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < r; p++) {
        double wip = w[i * r + p];
        for (int j = 0; j < count; j++) {
          yd[i * count + j] += wip * h[p * count + j];
        }
      }
    }
    for (int i = 0; i < yd.length; i++) {
      yd[i] += 0.1 * random.nextDouble();
    }
    return y;
  }

  /**
   * Term counts of a TDT2-shaped corpus: each document holds round(density m) distinct terms drawn
   * from a Zipf-like popularity (term i with weight 1/(i+10)), with counts 1..5.
   */
  private static SparseData randomSparse(int m, int count, double density, long seed) {
    Random random = new Random(seed);
    int perColumn = (int) Math.round(density * m);
    double[] cumulative = new double[m];
    double total = 0.0;
    for (int i = 0; i < m; i++) {
      total += 1.0 / (i + 10.0);
      cumulative[i] = total;
    }
    int[] start = new int[count + 1];
    int[] index = new int[perColumn * count];
    double[] values = new double[perColumn * count];
    boolean[] taken = new boolean[m];
    int[] column = new int[perColumn];
    int e = 0;
    for (int j = 0; j < count; j++) {
      int filled = 0;
      while (filled < perColumn) {
        int pos = Arrays.binarySearch(cumulative, random.nextDouble() * total);
        int term = Math.min(m - 1, pos >= 0 ? pos : -pos - 1);
        if (!taken[term]) {
          taken[term] = true;
          column[filled++] = term;
        }
      }
      Arrays.sort(column);
      for (int term : column) {
        taken[term] = false;
        index[e] = term;
        values[e++] = 1 + random.nextInt(5);
      }
      start[j + 1] = e;
    }
    return new SparseData(m, count, start, index, values);
  }

  /**
   * Writes Y for the scikit-learn script: NAME.meta (kind rows cols stored rank) and little-endian
   * arrays, dense row-major values or the compressed columns (starts, rows, values).
   */
  void export(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (PrintWriter meta = new PrintWriter(Files.newBufferedWriter(dir.resolve(name + ".meta")))) {
      meta.println((y.isSparse() ? "sparse " : "dense ") + y.rows() + " " + y.cols() + " "
          + y.storedEntries() + " " + rank);
    }
    if (y.isSparse()) {
      SparseData s = (SparseData) y;
      writeInts(dir.resolve(name + ".colstart.i32"), s.columnStarts());
      writeInts(dir.resolve(name + ".rowindex.i32"), s.rowIndices());
      writeDoubles(dir.resolve(name + ".values.f64"), s.storedValues());
    } else {
      writeDoubles(dir.resolve(name + ".values.f64"), ((DenseData) y).matrix().data());
    }
  }

  /**
   * Y as the Weka instances a clusterer is given: one numeric attribute per row of Y, one instance
   * per column, no class (for ORL the class was dropped on loading).
   */
  Instances instances() {
    DenseMatrix dense = y.toDense();
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    for (int i = 0; i < dense.rows(); i++) {
      attributes.add(new Attribute("a" + i));
    }
    Instances data = new Instances(name, attributes, dense.cols());
    for (int j = 0; j < dense.cols(); j++) {
      data.add(new DenseInstance(1.0, dense.column(j)));
    }
    return data;
  }

  /** Little-endian doubles, as NumPy's {@code fromfile(dtype="<f8")} reads them. */
  static void writeDoubles(Path file, double[] values) throws IOException {
    try (DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(new FileOutputStream(file.toFile())))) {
      for (double v : values) {
        out.writeLong(Long.reverseBytes(Double.doubleToLongBits(v)));
      }
    }
  }

  private static void writeInts(Path file, int[] values) throws IOException {
    try (DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(new FileOutputStream(file.toFile())))) {
      for (int v : values) {
        out.writeInt(Integer.reverseBytes(v));
      }
    }
  }
}
