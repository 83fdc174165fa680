package adversarialnmf.weka;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.anmf.AttackerTarget;
import java.util.Arrays;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;

/**
 * ANMF's attacker target Z made by a Weka filter from a block of instances, for a fit on column
 * blocks (the Spark job): the block's columns of Y become instances of the training header (in the
 * data's units), a fresh copy of the filter turns them into Z_b, which is scaled as Y was. A filter
 * that treats each instance on its own (AllFilter, ConstantShift, a deterministic transform) gives
 * the Z of the single-machine fit; one that draws per row or looks at the whole batch gives each
 * block its own draw.
 */
public final class FilterColumns implements AttackerTarget.ColumnMap {

  private static final long serialVersionUID = 4904180771393567802L;

  private final Instances header;
  private final int[] features;
  private final Filter filter;
  private final double dataScale;
  private final String spec;

  /**
   * @param header the training data's header (its factorized attributes formed Y's rows)
   * @param dataScale the factor the data were multiplied by before the fit
   */
  public FilterColumns(Instances header, int[] features, Filter filter, double dataScale, String spec) {
    this.header = new Instances(header, 0);
    this.features = features.clone();
    this.filter = filter;
    this.dataScale = dataScale;
    this.spec = spec;
  }

  @Override
  public DenseMatrix apply(DataMatrix columns) {
    int m = features.length;
    int count = columns.cols();
    Instances batch = new Instances(header, count);
    double[] column = new double[m];
    for (int j = 0; j < count; j++) {
      columns.column(j, column);
      double[] values = new double[header.numAttributes()];
      Arrays.fill(values, Utils.missingValue());
      for (int i = 0; i < m; i++) {
        values[features[i]] = column[i] / dataScale;
      }
      batch.add(new DenseInstance(1.0, values));
    }
    Instances target;
    try {
      Filter copy = Filter.makeCopy(filter);
      copy.setInputFormat(batch);
      target = Filter.useFilter(batch, copy);
    } catch (Exception e) {
      throw new IllegalArgumentException("ANMF target filter '" + spec + "' on a block of " + count + " instances: "
          + e.getMessage(), e);
    }
    if (target.numInstances() != count || target.numAttributes() != header.numAttributes()) {
      throw new IllegalArgumentException("ANMF target filter '" + spec + "' turned a block of " + count + " x "
          + header.numAttributes() + " into " + target.numInstances() + " x " + target.numAttributes()
          + "; the attacker target Z must keep the data's shape");
    }
    DenseMatrix z = new DenseMatrix(m, count);
    for (int j = 0; j < count; j++) {
      for (int i = 0; i < m; i++) {
        double value = target.instance(j).value(features[i]);
        if (!(value >= 0.0) || Double.isInfinite(value)) {
          throw new IllegalArgumentException("ANMF target filter '" + spec + "' gave attribute "
              + header.attribute(features[i]).name() + " the value " + value + "; Z must be finite and nonnegative");
        }
        z.set(i, j, value * dataScale);
      }
    }
    return z;
  }

  @Override
  public String describe() {
    return "Z = the filter " + spec + " applied to each column block";
  }
}
