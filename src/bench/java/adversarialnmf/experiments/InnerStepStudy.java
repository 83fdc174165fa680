package adversarialnmf.experiments;

import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.NmiNormalization;
import java.util.Locale;
import weka.clusterers.ANMF;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Time to objective and time to labels of ANMF's ADMM by the cap on the inner steps of its
 * nonnegative U solve (-inner; 20, the exact solve's cap, is the reference): the Weka face at its
 * defaults otherwise, a fit per (data set, seed, cap, iteration budget) with tolerance 0, so each
 * budget's fit is the prefix of the longer ones. Prints CSV: seconds (the face's fit time), the
 * fixed-scale-free objective (9) the face reports, ACC and NMI against the classes, and the share
 * of instances whose cluster agrees (up to a renumbering) with the reference (cap 20, largest
 * budget). Not a unit test. Run from the repository root:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat classpath) adversarialnmf.experiments.InnerStepStudy \
 *   [datasets-dir] [sets] [seeds] [caps] [budgets]
 * </pre>
 * defaults: ../shared/datasets, ORL_32x32,Yale_32x32,MNIST_test_bal150, 3, 20,5,2,1, 50,100,200,400.
 */
public final class InnerStepStudy {

  private InnerStepStudy() {
  }

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    String dir = args.length > 0 ? args[0] : "../shared/datasets";
    String[] sets = (args.length > 1 ? args[1] : "ORL_32x32,Yale_32x32,MNIST_test_bal150").split(",");
    int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int[] caps = ints(args.length > 3 ? args[3] : "20,5,2,1");
    int[] budgets = ints(args.length > 4 ? args[4] : "50,100,200,400");
    System.out.println("data,seed,inner,iterations,seconds,objective,accuracy,nmi,agreement_with_reference");
    for (String set : sets) {
      Instances data = DataSource.read(dir + "/" + set + ".arff.gz");
      data.setClassIndex(data.numAttributes() - 1);
      int[] classes = new int[data.numInstances()];
      for (int i = 0; i < classes.length; i++) {
        classes[i] = (int) data.instance(i).classValue();
      }
      int clusters = data.classAttribute().numValues();
      Instances features = new Instances(data);
      features.setClassIndex(-1);
      features.deleteAttributeAt(features.numAttributes() - 1);
      for (int seed = 1; seed <= seeds; seed++) {
        int[] reference = fit(features, clusters, seed, 20, budgets[budgets.length - 1]).labels;
        for (int cap : caps) {
          for (int budget : budgets) {
            Run run = fit(features, clusters, seed, cap, budget);
            ContingencyTable table = ContingencyTable.ofLabels(classes, run.labels);
            System.out.printf("%s,%d,%d,%d,%.3f,%.6g,%.4f,%.4f,%.4f%n", set, seed, cap, budget, run.seconds,
                run.objective, ClusteringScores.accuracy(table),
                ClusteringScores.normalizedMutualInformation(table, NmiNormalization.MAX),
                ClusteringScores.accuracy(ContingencyTable.ofLabels(reference, run.labels)));
          }
        }
      }
    }
  }

  private static final class Run {
    int[] labels;
    double seconds;
    double objective;
  }

  private static Run fit(Instances features, int clusters, int seed, int cap, int budget) throws Exception {
    ANMF anmf = new ANMF();
    anmf.setNumClusters(clusters);
    anmf.setSeed(seed);
    anmf.setUInnerIterations(cap);
    anmf.setMaxIterations(budget);
    anmf.setTolerance(0.0);
    anmf.buildClusterer(features);
    Run run = new Run();
    run.labels = new int[features.numInstances()];
    for (int i = 0; i < run.labels.length; i++) {
      run.labels[i] = anmf.clusterInstance(features.instance(i));
    }
    run.seconds = anmf.getMeasure("measureFitSeconds");
    run.objective = anmf.getMeasure("measureFinalObjective");
    return run;
  }

  private static int[] ints(String list) {
    return java.util.Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
  }
}
