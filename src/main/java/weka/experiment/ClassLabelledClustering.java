package weka.experiment;

import adversarialnmf.metrics.ContingencyTable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import weka.clusterers.Clusterer;
import weka.clusterers.NumberOfClustersRequestable;
import weka.clusterers.SingleClustererEnhancer;
import weka.core.Randomizable;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;

/**
 * Weka glue for scoring a clustering against the class attribute: hides the class from the
 * clusterer, collects the cluster of every row and tabulates clusters against classes. Shared by
 * {@link ClustererSplitEvaluator} and {@link RobustnessBenchmark}.
 */
final class ClassLabelledClustering {

  private ClassLabelledClustering() {}

  /** Checks that {@code data} has a nominal class to score against; {@code who} names the caller. */
  static void requireNominalClass(Instances data, String who) {
    if (data.classIndex() < 0) {
      throw new IllegalArgumentException(who + ": data set '" + data.relationName()
          + "' has no class attribute to score the clusters against");
    }
    if (!data.classAttribute().isNominal()) {
      throw new IllegalArgumentException(who + ": the class attribute '" + data.classAttribute().name()
          + "' of '" + data.relationName() + "' is not nominal; clusters can only be scored against classes");
    }
  }

  /** A copy of {@code data} without its class attribute (and without a class index). */
  static Instances withoutClass(Instances data) throws Exception {
    Remove remove = new Remove();
    remove.setAttributeIndicesArray(new int[] {data.classIndex()});
    remove.setInputFormat(data);
    Instances stripped = Filter.useFilter(data, remove);
    stripped.setClassIndex(-1);
    return stripped;
  }

  private static boolean hasClusterCountSetter(Clusterer clusterer) {
    try {
      clusterer.getClass().getMethod("setNumClusters", int.class);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /**
   * Seeds a clusterer for one run: itself if it is {@link Randomizable}, else the clusterer a
   * wrapper (FilteredClusterer) holds, so that every seed of a study is a different run.
   */
  static void seed(Clusterer clusterer, int seed) {
    if (clusterer instanceof Randomizable) {
      ((Randomizable) clusterer).setSeed(seed);
    } else if (clusterer instanceof SingleClustererEnhancer) {
      seed(((SingleClustererEnhancer) clusterer).getClusterer(), seed);
    }
  }

  /**
   * Sets the number of clusters of an unbuilt clusterer: through {@link
   * NumberOfClustersRequestable}, or else a public {@code setNumClusters(int)} (FarthestFirst,
   * HierarchicalClusterer and others have one without declaring the interface), or else that of
   * the clusterer a wrapper (FilteredClusterer, MakeDensityBasedClusterer) holds.
   *
   * @throws IllegalArgumentException if the clusterer offers neither
   */
  static void requestClusters(Clusterer clusterer, int clusters, String who) throws Exception {
    if (!(clusterer instanceof NumberOfClustersRequestable) && clusterer instanceof SingleClustererEnhancer
        && !hasClusterCountSetter(clusterer)) {
      requestClusters(((SingleClustererEnhancer) clusterer).getClusterer(), clusters, who);
      return;
    }
    if (clusterer instanceof NumberOfClustersRequestable) {
      ((NumberOfClustersRequestable) clusterer).setNumClusters(clusters);
      return;
    }
    Method setter;
    try {
      setter = clusterer.getClass().getMethod("setNumClusters", int.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(who + ": cannot set the number of clusters of "
          + clusterer.getClass().getName() + " (it has no setNumClusters(int))");
    }
    try {
      setter.invoke(clusterer, clusters);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
    }
  }

  /**
   * The clusters of a built clusterer's own training rows as it fitted them, if it offers them
   * through a public {@code int[] getTrainingAssignments()} (this package's NMF clusterers do);
   * otherwise null. Read by reflection so any clusterer with that method qualifies.
   */
  static int[] fittedTrainingAssignments(Clusterer built) throws Exception {
    Method getter;
    try {
      getter = built.getClass().getMethod("getTrainingAssignments");
    } catch (NoSuchMethodException e) {
      return null;
    }
    if (getter.getReturnType() != int[].class) {
      return null;
    }
    return (int[]) getter.invoke(built);
  }

  /**
   * The cluster of each row of {@code rows}. When {@code rows} are exactly the rows the clusterer
   * was built on and it offers its fitted assignments, those are used (an NMF clusterer's fitted
   * coefficients X, not a re-projection); otherwise {@code clusterInstance} per row.
   */
  static int[] clustersOf(Clusterer built, Instances rows, boolean rowsAreTrainingData) throws Exception {
    if (rowsAreTrainingData) {
      int[] fitted = fittedTrainingAssignments(built);
      if (fitted != null) {
        if (fitted.length != rows.numInstances()) {
          throw new IllegalStateException(built.getClass().getName() + " reports " + fitted.length
              + " training assignments for " + rows.numInstances() + " training rows");
        }
        return fitted.clone();
      }
    }
    int[] clusters = new int[rows.numInstances()];
    for (int i = 0; i < clusters.length; i++) {
      clusters[i] = built.clusterInstance(rows.instance(i));
    }
    return clusters;
  }

  /**
   * Tabulates the clusters of the rows of {@code labelled} (the same rows, with their class)
   * against the class; rows whose class is missing are left out.
   */
  static ContingencyTable tabulate(Instances labelled, int[] clusters, int clusterCount) {
    int scored = 0;
    for (int i = 0; i < labelled.numInstances(); i++) {
      if (!labelled.instance(i).classIsMissing()) {
        scored++;
      }
    }
    int[] classOfRow = new int[scored];
    int[] clusterOfRow = new int[scored];
    int next = 0;
    for (int i = 0; i < labelled.numInstances(); i++) {
      if (!labelled.instance(i).classIsMissing()) {
        classOfRow[next] = (int) labelled.instance(i).classValue();
        clusterOfRow[next] = clusters[i];
        next++;
      }
    }
    return ContingencyTable.of(classOfRow, labelled.numClasses(), clusterOfRow, clusterCount);
  }
}
