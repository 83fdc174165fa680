package adversarialnmf.weka;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MissingEntries;
import adversarialnmf.linalg.SparseData;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SparseInstance;

/**
 * The one place where Weka data become the math core's Y (m attributes x N instances): the
 * input checks every NMF method shares, and the conversion (sparse instances stay sparse).
 */
public final class WekaData {

  private WekaData() {
  }

  /** Indices of every attribute except the class (if one is set). */
  public static int[] featureIndices(Instances data) {
    int classIndex = data.classIndex();
    int count = data.numAttributes() - (classIndex >= 0 ? 1 : 0);
    int[] out = new int[count];
    int p = 0;
    for (int a = 0; a < data.numAttributes(); a++) {
      if (a != classIndex) {
        out[p++] = a;
      }
    }
    return out;
  }

  /** True if any chosen attribute of any instance is missing. */
  public static boolean hasMissing(Instances data, int[] attributes) {
    for (int j = 0; j < data.numInstances(); j++) {
      Instance instance = data.instance(j);
      for (int a : attributes) {
        if (instance.isMissing(a)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Checks that the chosen attributes are numeric, nonnegative and not missing, with a message that
   * names the attribute and the instance. {@code who} starts the message (e.g. "ANMF").
   */
  public static void requireNonnegative(Instances data, int[] attributes, String who) {
    requireNonnegative(data, attributes, who, 0, false);
  }

  /**
   * As {@link #requireNonnegative(Instances, int[], String)}, for rows that follow {@code rowsBefore}
   * earlier rows of the same batch (a filter handed one instance at a time), so messages name the
   * row of the whole batch; missing values pass when {@code missingAllowed} (they become the mask
   * of {@link #toMatrix}).
   */
  public static void requireNonnegative(Instances data, int[] attributes, String who, int rowsBefore,
      boolean missingAllowed) {
    for (int a : attributes) {
      Attribute attribute = data.attribute(a);
      if (!attribute.isNumeric()) {
        throw new IllegalArgumentException(who + ": attribute '" + attribute.name() + "' (index "
            + (a + 1) + ") is " + Attribute.typeToString(attribute)
            + "; nonnegative matrix factorization needs numeric attributes only"
            + " (remove it, e.g. with weka.filters.unsupervised.attribute.Remove, or set it as the class)");
      }
    }
    int[] row = rowOfAttribute(data, attributes);
    for (int j = 0; j < data.numInstances(); j++) {
      Instance instance = data.instance(j);
      for (int p = 0; p < instance.numValues(); p++) {
        int a = instance.index(p);
        if (row[a] < 0) {
          continue;
        }
        double v = instance.valueSparse(p);
        if (Double.isNaN(v) || instance.isMissingSparse(p)) {
          if (missingAllowed) {
            continue;
          }
          throw new IllegalArgumentException(who + ": missing value in attribute '"
              + data.attribute(a).name() + "' of instance " + (rowsBefore + j + 1)
              + "; fit around it (-missing mask), impute attribute means (-missing mean), or replace missing"
              + " values first, e.g. with weka.filters.unsupervised.attribute.ReplaceMissingValues");
        }
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException(who + ": infinite value in attribute '"
              + data.attribute(a).name() + "' of instance " + (rowsBefore + j + 1));
        }
        if (v < 0.0) {
          throw new IllegalArgumentException(who + ": negative value " + v + " in attribute '"
              + data.attribute(a).name() + "' (index " + (a + 1) + ") of instance " + (rowsBefore + j + 1)
              + "; nonnegative matrix factorization needs data >= 0: shift or rescale the attribute first,"
              + " e.g. with weka.filters.unsupervised.attribute.Normalize");
        }
      }
    }
  }

  /**
   * The one check of instances that a fitted model (clusterer or filter) maps, batch or single
   * instance: as many attributes as the training header, then types and values as in {@link
   * #requireNonnegative(Instances, int[], String, int, boolean)}.
   */
  public static void requireCompatible(Instances header, Instances data, int[] attributes, String who,
      int rowsBefore, boolean missingAllowed) {
    requireAttributeCount(header, data.numAttributes(), who);
    requireNonnegative(data, attributes, who, rowsBefore, missingAllowed);
  }

  /**
   * The same check for one instance, judged under its own header (so that a nominal attribute is
   * seen as one, not its value index read as a number), or under {@code header} when it has none.
   */
  public static void requireCompatible(Instances header, Instance instance, int[] attributes, String who,
      boolean missingAllowed) {
    requireAttributeCount(header, instance.numAttributes(), who);
    Instances batch = new Instances(instance.dataset() != null ? instance.dataset() : header, 1);
    batch.add(instance);
    requireNonnegative(batch, attributes, who, 0, missingAllowed);
  }

  private static void requireAttributeCount(Instances header, int count, String who) {
    if (count != header.numAttributes()) {
      throw new IllegalArgumentException(who + ": the instances have " + count + " attributes, the model was"
          + " trained on " + header.numAttributes() + " ('" + header.relationName() + "'); give instances with"
          + " the training data's attributes, in the same order");
    }
  }

  /**
   * Y with one column per instance and one row per chosen attribute; sparse when most instances
   * are. A missing value ({@code ?}) becomes a missing entry of Y ({@link DataMatrix#missing()},
   * stored as 0); in a sparse instance an absent value is an observed 0, as in Weka.
   */
  public static DataMatrix toMatrix(Instances data, int[] attributes) {
    int sparseCount = 0;
    for (int j = 0; j < data.numInstances(); j++) {
      if (data.instance(j) instanceof SparseInstance) {
        sparseCount++;
      }
    }
    return 2 * sparseCount > data.numInstances() ? toSparse(data, attributes) : toDense(data, attributes);
  }

  private static int[] rowOfAttribute(Instances data, int[] attributes) {
    int[] row = new int[data.numAttributes()];
    java.util.Arrays.fill(row, -1);
    for (int r = 0; r < attributes.length; r++) {
      row[attributes[r]] = r;
    }
    return row;
  }

  private static DataMatrix toDense(Instances data, int[] attributes) {
    int m = attributes.length;
    int count = data.numInstances();
    int[] row = rowOfAttribute(data, attributes);
    DenseMatrix y = new DenseMatrix(m, count);
    double[] yd = y.data();
    MissingCollector missing = new MissingCollector(m, count);
    for (int j = 0; j < count; j++) {
      Instance instance = data.instance(j);
      for (int p = 0; p < instance.numValues(); p++) {
        int r = row[instance.index(p)];
        if (r < 0) {
          continue;
        }
        if (instance.isMissingSparse(p)) {
          missing.add(r);
        } else {
          yd[r * count + j] = instance.valueSparse(p);
        }
      }
      missing.endColumn();
    }
    return new DenseData(y, missing.build());
  }

  private static DataMatrix toSparse(Instances data, int[] attributes) {
    int count = data.numInstances();
    int[] row = rowOfAttribute(data, attributes);
    int[] start = new int[count + 1];
    for (int j = 0; j < count; j++) {
      Instance instance = data.instance(j);
      int stored = 0;
      for (int p = 0; p < instance.numValues(); p++) {
        if (row[instance.index(p)] >= 0 && !instance.isMissingSparse(p) && instance.valueSparse(p) != 0.0) {
          stored++;
        }
      }
      start[j + 1] = start[j] + stored;
    }
    int[] index = new int[start[count]];
    double[] values = new double[start[count]];
    MissingCollector missing = new MissingCollector(attributes.length, count);
    for (int j = 0; j < count; j++) {
      Instance instance = data.instance(j);
      int q = start[j];
      for (int p = 0; p < instance.numValues(); p++) {
        int r = row[instance.index(p)];
        if (r < 0) {
          continue;
        }
        if (instance.isMissingSparse(p)) {
          missing.add(r);
          continue;
        }
        double v = instance.valueSparse(p);
        if (v != 0.0) {
          index[q] = r;
          values[q++] = v;
        }
      }
      missing.endColumn();
    }
    return new SparseData(attributes.length, count, start, index, values, missing.build());
  }

  /** Gathers the missing entries column by column (rows in any order within a column). */
  private static final class MissingCollector {
    private final int rows;
    private final int cols;
    private final int[] colStart;
    private int[] rowIndex = new int[16];
    private int size;
    private int column;

    MissingCollector(int rows, int cols) {
      this.rows = rows;
      this.cols = cols;
      this.colStart = new int[cols + 1];
    }

    void add(int row) {
      if (size == rowIndex.length) {
        rowIndex = java.util.Arrays.copyOf(rowIndex, 2 * size);
      }
      rowIndex[size++] = row;
    }

    void endColumn() {
      java.util.Arrays.sort(rowIndex, colStart[column], size);
      colStart[++column] = size;
    }

    MissingEntries build() {
      return MissingEntries.ofColumns(rows, cols, colStart, java.util.Arrays.copyOf(rowIndex, size));
    }
  }

  /** The chosen attribute values of one instance, in attribute order (missing values read as NaN). */
  public static double[] values(Instance instance, int[] attributes) {
    double[] out = new double[attributes.length];
    for (int r = 0; r < attributes.length; r++) {
      out[r] = instance.value(attributes[r]);
    }
    return out;
  }
}
