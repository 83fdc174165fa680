package weka.filters.unsupervised.attribute;

import adversarialnmf.cluster.InstanceNormalisation;
import adversarialnmf.cluster.InstancePreprocessing;
import adversarialnmf.cluster.TermWeighting;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.EnumTags;
import adversarialnmf.weka.WekaData;
import java.util.Arrays;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.SparseInstance;
import weka.core.Tag;
import weka.core.WeightedInstancesHandler;
import weka.filters.UnsupervisedFilter;

/**
 * The clusterers' instance preprocessing as a filter of its own: tf-idf weights for term counts
 * (document frequencies from the first batch) and unit L2 or L1 length per instance, over the
 * numeric non-class attributes, so that any Weka scheme (SimpleKMeans in FilteredClusterer, say)
 * sees the data as the package's clusterers fit them. Later batches get the first batch's weights.
 */
public class InstanceNormalization extends AbstractPassThroughFilter
    implements UnsupervisedFilter, WeightedInstancesHandler {

  private static final long serialVersionUID = -1942667215630483307L;

  public static final Tag[] TAGS_NORMALISATION = EnumTags.of(InstanceNormalisation.class);
  public static final Tag[] TAGS_TERM_WEIGHTING = EnumTags.of(TermWeighting.class);

  protected InstanceNormalisation m_Normalisation = InstanceNormalisation.L2;
  protected TermWeighting m_Weighting = TermWeighting.NONE;

  private int[] m_Features;
  /** Fitted on the first batch; null before it. */
  private InstancePreprocessing m_Preprocessing;

  @Override
  public String globalInfo() {
    return "Rescales each instance over its numeric non-class attributes as the package's NMF clusterers do"
        + " with -term-weighting and -normalize: optionally tf-idf weights for term counts (each attribute"
        + " times ln((1+N)/(1+df))+1, df the first batch's instances in which it is nonzero), then each"
        + " instance divided by its Euclidean length (l2) or the sum of its absolute values (l1). Later"
        + " batches get the first batch's weights. Zeros stay zeros (sparse instances stay sparse),"
        + " missing values stay missing and count as 0 in the length; an all-zero instance stays zero;"
        + " other attributes and the class pass through. Weka 3.8 has no instance normalisation and no"
        + " tf-idf for numeric counts (StringToWordVector's works on strings).";
  }

  public void setNormalisation(SelectedTag value) {
    m_Normalisation = EnumTags.value(value, InstanceNormalisation.class, "instance normalisation (-normalize)");
  }

  @OptionMetadata(displayName = "instance normalisation", displayOrder = 10,
      description = "How each instance is rescaled: l2 (unit Euclidean length, the default), l1 (unit sum of"
      + " absolute values) or none (tf-idf weights only).")
  @CommandLineOption("normalize")
  public SelectedTag getNormalisation() {
    return EnumTags.selected(m_Normalisation, TAGS_NORMALISATION);
  }

  public void setTermWeighting(SelectedTag value) {
    m_Weighting = EnumTags.value(value, TermWeighting.class, "term weighting (-term-weighting)");
  }

  @OptionMetadata(displayName = "term weighting", displayOrder = 20,
      description = "How attributes are weighted before the normalisation: none, or tfidf for term counts"
      + " (document frequencies from the first batch).")
  @CommandLineOption("term-weighting")
  public SelectedTag getTermWeighting() {
    return EnumTags.selected(m_Weighting, TAGS_TERM_WEIGHTING);
  }

  /** The preprocessing fitted on the first batch, or null before it. */
  public InstancePreprocessing getPreprocessing() {
    return m_Preprocessing;
  }

  @Override
  protected Instances determineOutputFormat(Instances inputFormat) {
    m_Features = Arrays.stream(WekaData.featureIndices(inputFormat))
        .filter(a -> inputFormat.attribute(a).type() == Attribute.NUMERIC).toArray();
    m_Preprocessing = null;
    return new Instances(inputFormat, 0);
  }

  @Override
  protected Instances process(Instances instances) {
    if (!isFirstBatchDone()) {
      m_Preprocessing = InstancePreprocessing.fit(WekaData.toMatrix(instances, m_Features), m_Weighting,
          m_Normalisation);
    }
    Instances result = new Instances(instances, instances.numInstances());
    for (int row = 0; row < instances.numInstances(); row++) {
      Instance instance = instances.instance(row);
      double[] mapped;
      try {
        mapped = m_Preprocessing.apply(WekaData.values(instance, m_Features), 1.0);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(getClass().getName() + ": instance " + (rowsBeforeThisCall() + row + 1)
            + ": " + e.getMessage(), e);
      }
      double[] values = instance.toDoubleArray();
      for (int p = 0; p < m_Features.length; p++) {
        values[m_Features[p]] = mapped[p];
      }
      result.add(instance instanceof SparseInstance
          ? new SparseInstance(instance.weight(), values)
          : new DenseInstance(instance.weight(), values));
    }
    return result;
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runFilter(new InstanceNormalization(), args);
  }
}
