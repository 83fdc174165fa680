package weka.filters.unsupervised.attribute;

import adversarialnmf.RandomStreams;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.anmf.AttackerTarget;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.ShiftTarget;
import adversarialnmf.weka.WekaData;
import java.util.Arrays;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.RevisionUtils;
import weka.core.SparseInstance;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;
import weka.filters.UnsupervisedFilter;

/**
 * Z = Y + t·1: one constant t added to every value of the numeric non-class attributes, ANMF's
 * shift target (Remark 1a of Luo, Zhang and Huang) as a filter of its own. A negative t draws t
 * from the first batch as ANMF does (uniform in [0, 5σ]); every batch gets the same t.
 */
public class ConstantShift extends AbstractPassThroughFilter
    implements UnsupervisedFilter, Randomizable, WeightedInstancesHandler, ShiftTarget {

  private static final long serialVersionUID = 6209174935011386518L;

  /** The value of the shift option that draws t from the first batch. */
  public static final double DRAWN = -1;

  protected double m_Shift = DRAWN;
  protected int m_Seed = 1;

  /** The t of the first batch, given or drawn; NaN until then. */
  private double m_AppliedShift = Double.NaN;
  private int[] m_Shifted;

  public ConstantShift() {
  }

  /** A shift of {@code t} (negative: drawn from the first batch). */
  public ConstantShift(double t) {
    setShift(t);
  }

  @Override
  public String globalInfo() {
    return "Adds one constant t to every value of the numeric non-class attributes, Z = Y + t (ANMF's"
        + " shift target, Remark 1a of Luo, Zhang and Huang, ICML 2020). With a negative shift t is drawn"
        + " uniformly from [0, 5 sigma] (sigma: the standard deviation of all those values in the first"
        + " batch), from the seed's attacker-target stream, the same t as ANMF with that seed draws on"
        + " data in [0, 1]. Every batch gets the first batch's t; missing values stay missing, other"
        + " attributes (nominal, string, date) and the class pass through. As ANMF's attacker target (property attackerTarget)"
        + " it is the shift target itself: t in the data's units, a negative one drawn with this filter's seed.";
  }

  @OptionMetadata(displayName = "shift t", displayOrder = 10,
      description = "The constant t added to every numeric non-class value, in the data's units; negative"
      + " (the default -1) draws t uniformly from [0, 5 sigma] with the seed, as the ANMF paper (sigma: the"
      + " standard deviation of all those values in the first batch).")
  @CommandLineOption(value = "shift", synopsis = "-shift <t>")
  @Override
  public double getShift() {
    return m_Shift;
  }

  public void setShift(double t) {
    m_Shift = AttackerTarget.checkedShift(t);
  }

  @OptionMetadata(displayName = "seed", displayOrder = 90,
      description = "Seed of a drawn t (negative shift): the attacker-target stream of ANMF's seed, so that"
      + " ANMF -S s and this filter -S s draw the same t on data in [0, 1]. As ANMF's attacker target it"
      + " draws ANMF's t from this seed's stream (ANMF's seed is the one shown until it is changed).")
  @CommandLineOption("S")
  @Override
  public int getSeed() {
    return m_Seed;
  }

  @Override
  public void setSeed(int seed) {
    m_Seed = seed;
  }

  /** The t the batches get: the given one, or the one drawn from the first batch; NaN before it. */
  public double appliedShift() {
    return m_Shift >= 0 ? m_Shift : m_AppliedShift;
  }

  @Override
  protected Instances determineOutputFormat(Instances inputFormat) {
    // numeric in the narrow sense: a date is numeric to Weka, but a shifted date is no shift of the data
    m_Shifted = Arrays.stream(WekaData.featureIndices(inputFormat))
        .filter(a -> inputFormat.attribute(a).type() == Attribute.NUMERIC).toArray();
    m_AppliedShift = Double.NaN;
    return new Instances(inputFormat, 0);
  }

  @Override
  protected Instances process(Instances instances) {
    if (!isFirstBatchDone()) {
      m_AppliedShift = m_Shift >= 0 || m_Shifted.length == 0 || instances.numInstances() == 0 ? Math.max(m_Shift, 0)
          : drawnShift(instances);
    }
    double t = m_AppliedShift;
    Instances result = new Instances(instances, instances.numInstances());
    for (int row = 0; row < instances.numInstances(); row++) {
      Instance instance = instances.instance(row);
      double[] values = instance.toDoubleArray();
      for (int a : m_Shifted) {
        if (!Utils.isMissingValue(values[a])) {
          requireFinite(values[a] + t, values[a], instances, a, row);
          values[a] += t;
        }
      }
      // a sparse instance built from the full array keeps every shifted zero as a value
      result.add(instance instanceof SparseInstance
          ? new SparseInstance(instance.weight(), values)
          : new DenseInstance(instance.weight(), values));
    }
    return result;
  }

  /**
   * ANMF's draw ({@link AttackerTarget#randomShift}) from the seed's target stream, with σ over the
   * first batch's observed values in ANMF's order (attribute by attribute), so that on data in [0, 1]
   * without missing values the t is ANMF's to the bit.
   */
  private double drawnShift(Instances firstBatch) {
    double[] observed = new double[m_Shifted.length * firstBatch.numInstances()];
    int count = 0;
    for (int a : m_Shifted) {
      for (int row = 0; row < firstBatch.numInstances(); row++) {
        double value = firstBatch.instance(row).value(a);
        if (!Utils.isMissingValue(value)) {
          requireFinite(value, value, firstBatch, a, row);
          observed[count++] = value;
        }
      }
    }
    if (count == 0) {
      return 0.0;
    }
    DenseData values = new DenseData(new DenseMatrix(1, count, Arrays.copyOf(observed, count)));
    return AttackerTarget.randomShift(values, new RandomStreams(m_Seed).target()).newInstanceShift();
  }

  /** Refuses an infinite value, or a shifted one beyond double precision, naming attribute and row. */
  private void requireFinite(double shifted, double value, Instances instances, int attribute, int row) {
    if (!Double.isFinite(shifted)) {
      throw new IllegalArgumentException(getClass().getName() + ": attribute '" + instances.attribute(attribute).name()
          + "' of instance " + (rowsBeforeThisCall() + row + 1) + " is " + value + (Double.isFinite(value)
          ? ", and shifted by " + m_AppliedShift + " it is beyond double precision; give a smaller -shift"
          : "; the shift needs finite values (replace it, or mark it missing)"));
    }
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runFilter(new ConstantShift(), args);
  }
}
