package adversarialnmf.weka;

import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.MissingValues;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.Restarts;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import weka.core.Instance;
import weka.core.Instances;

/**
 * What a Weka face of this package keeps after a fit, and how the fit was made: the fitted
 * clustering (factors, traces, scale, rules), the training header and the attributes that formed
 * Y's rows, the option string and seed in force, the start, the solver (and for ANMF the target)
 * as described at fit time, the restarts, the missing values met and the fit's time. Immutable;
 * made once, after the fit succeeded, so that a failed fit leaves the previous model in place.
 */
public final class FittedModel implements Serializable {

  private static final long serialVersionUID = 4212608937521830001L;

  private final NmfClustering clustering;
  private final Instances header;
  private final int[] featureIndices;
  private final String options;
  private final int seed;
  private final String initialisation;
  private final List<String> recipe;
  private final Restarts runs;
  private final int missingCount;
  private final MissingValues missingPolicy;
  private final double seconds;

  /** @param recipe lines that say how the fit was made beyond the start (solver, attacker target) */
  public FittedModel(NmfClustering clustering, Instances trainingData, int[] featureIndices, String options,
      int seed, String initialisation, List<String> recipe, Restarts runs, int missingCount,
      MissingValues missingPolicy, double seconds) {
    this.clustering = clustering;
    this.header = new Instances(trainingData, 0);
    this.featureIndices = featureIndices.clone();
    this.options = options;
    this.seed = seed;
    this.initialisation = initialisation;
    this.recipe = Collections.unmodifiableList(new ArrayList<>(recipe));
    this.runs = runs;
    this.missingCount = missingCount;
    this.missingPolicy = missingPolicy;
    this.seconds = seconds;
  }

  public NmfClustering clustering() {
    return clustering;
  }

  public Factorization factorization() {
    return clustering.factorization();
  }

  /** The training header (no rows), copy. */
  public Instances header() {
    return new Instances(header, 0);
  }

  public int numAttributes() {
    return header.numAttributes();
  }

  /** Attributes (of the training header) that formed Y's rows, copy. */
  public int[] featureIndices() {
    return featureIndices.clone();
  }

  /** The clusterer's options when it was fitted. */
  public String options() {
    return options;
  }

  public int seed() {
    return seed;
  }

  public String initialisation() {
    return initialisation;
  }

  public List<String> recipe() {
    return recipe;
  }

  public Restarts runs() {
    return runs;
  }

  public int missingCount() {
    return missingCount;
  }

  public MissingValues missingPolicy() {
    return missingPolicy;
  }

  /** True if new instances may hold missing values (the model was not fitted with -missing refuse). */
  public boolean projectsMissingValues() {
    return missingPolicy != MissingValues.REFUSE;
  }

  /** The instance's values of Y's attributes, after the checks any mapped instance gets. */
  public double[] checkedValues(Instance instance, String who) {
    int[] features = featuresFor(instance.numAttributes());
    WekaData.requireCompatible(headerFor(instance.numAttributes()), instance, features, who,
        projectsMissingValues());
    return WekaData.values(instance, features);
  }

  /** The instances as columns of Y's attributes, after the checks any mapped batch gets. */
  public DataMatrix checkedMatrix(Instances instances, String who) {
    int[] features = featuresFor(instances.numAttributes());
    WekaData.requireCompatible(headerFor(instances.numAttributes()), instances, features, who, 0,
        projectsMissingValues());
    return WekaData.toMatrix(instances, features);
  }

  /**
   * True if instances of {@code numAttributes} attributes are the training header's without its
   * class: Weka's ClusterEvaluation removes the class before it asks a clusterer trained with one
   * (e.g. in the Knowledge Flow) for clusters.
   */
  private boolean comesWithoutClass(int numAttributes) {
    return header.classIndex() >= 0 && numAttributes == header.numAttributes() - 1;
  }

  /** The header that instances of {@code numAttributes} attributes are checked against. */
  private Instances headerFor(int numAttributes) {
    if (!comesWithoutClass(numAttributes)) {
      return header;
    }
    Instances withoutClass = new Instances(header, 0);
    withoutClass.setClassIndex(-1);
    withoutClass.deleteAttributeAt(header.classIndex());
    return withoutClass;
  }

  /** Where the factorized attributes sit in instances of {@code numAttributes} attributes. */
  private int[] featuresFor(int numAttributes) {
    if (!comesWithoutClass(numAttributes)) {
      return featureIndices;
    }
    int classIndex = header.classIndex();
    return Arrays.stream(featureIndices).map(a -> a > classIndex ? a - 1 : a).toArray();
  }

  /** Wall-clock seconds of the fit (start, solver, assignment). */
  public double seconds() {
    return seconds;
  }
}
