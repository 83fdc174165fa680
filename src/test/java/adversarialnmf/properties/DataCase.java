package adversarialnmf.properties;

import java.util.ArrayList;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SparseInstance;
import weka.core.Utils;

/**
 * One generated input for the property tests: an m x N nonnegative table at scale 10^exponent with
 * a share of zeros, optionally stored sparse, and at most one special cell (missing, negative,
 * infinite). Small fields, so jqwik shrinks a failure to a readable case.
 */
final class DataCase {

  enum Special { NONE, MISSING, NEGATIVE, INFINITE }

  final int attributes;
  final int instances;
  final int exponent;
  final int zeroPercent;
  final boolean sparse;
  final Special special;
  final long valueSeed;

  DataCase(int attributes, int instances, int exponent, int zeroPercent, boolean sparse, Special special,
      long valueSeed) {
    this.attributes = attributes;
    this.instances = instances;
    this.exponent = exponent;
    this.zeroPercent = zeroPercent;
    this.sparse = sparse;
    this.special = special;
    this.valueSeed = valueSeed;
  }

  /** The table as Weka instances, attributes named a0, a1, ... */
  Instances instances() {
    Random random = new Random(valueSeed);
    ArrayList<Attribute> names = new ArrayList<Attribute>();
    for (int a = 0; a < attributes; a++) {
      names.add(new Attribute("a" + a));
    }
    Instances data = new Instances("case", names, instances);
    double scale = Math.pow(10, exponent);
    for (int j = 0; j < instances; j++) {
      double[] values = new double[attributes];
      for (int a = 0; a < attributes; a++) {
        values[a] = random.nextInt(100) < zeroPercent ? 0.0 : scale * (0.1 + random.nextDouble());
      }
      if (j == instances - 1 && special != Special.NONE) {
        values[attributes - 1] = special == Special.MISSING ? Utils.missingValue()
            : special == Special.NEGATIVE ? -scale : Double.POSITIVE_INFINITY;
      }
      data.add(sparse ? new SparseInstance(1.0, values) : new DenseInstance(1.0, values));
    }
    return data;
  }

  @Override
  public String toString() {
    return attributes + "x" + instances + " at 1e" + exponent + ", " + zeroPercent + "% zeros"
        + (sparse ? ", sparse" : "") + ", special " + special + ", seed " + valueSeed;
  }
}
