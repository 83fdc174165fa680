package adversarialnmf.experiments;

import adversarialnmf.weka.WekaData;
import adversarialnmf.features.NmfFeatures;
import adversarialnmf.features.NmfFeatures.ProjectionBasis;
import adversarialnmf.linalg.DenseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.trees.J48;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.NonnegativeFactorization;
import weka.filters.unsupervised.attribute.PrincipalComponents;

/**
 * The measurements behind docs/FEATURES.md (a runnable study, not a unit test).
 *
 * <pre>
 * classify &lt;data.arff[.gz]&gt; &lt;first fold&gt; &lt;last fold&gt; &lt;config&gt;...
 *     10-fold cross-validation (Weka's stratified folds, seed 1) of J48 on the representation each
 *     config names, over folds first..last (1-based); prints the accuracy of every fold and their pooled
 *     accuracy. Configs: raw | pca:K | nmf:K | nmf-proj:K | anmf:K | anmf-proj:K (K: components;
 *     "c" = number of classes, "2c" = twice that; -proj: -project-training). anmf reports two results
 *     from one fit per fold: test instances projected onto A (the filter's default) and onto the
 *     adversarial basis; training features are the fitted X for both (anmf) or the training rows
 *     projected onto the same basis as the test rows (anmf-proj).
 * denoise &lt;data.arff[.gz]&gt; &lt;percent&gt; &lt;config&gt;...
 *     salt-and-pepper noise on the first half (fit) and second half (held out) of the data; prints
 *     ||noisy - clean|| / ||clean|| and ||B x - clean|| / ||clean|| of the reconstruction filter
 *     (fitted half: fitted X; held-out half: projection), configs nmf:K | anmf:K (anmf: both bases
 *     from one fit).
 * </pre>
 */
public final class FeatureStudy {

  private static final int FOLDS = 10;
  private static final long SEED = 1;

  private FeatureStudy() {
  }

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    if (args.length < 4) {
      System.err.println("usage: classify <data> <first fold> <last fold> <config>... | denoise <data> <percent> <config>...");
      System.exit(2);
    }
    Instances data = DataSource.read(args[1]);
    data.setClassIndex(data.numAttributes() - 1);
    if (args[0].equals("classify")) {
      int first = Integer.parseInt(args[2]);
      int last = Integer.parseInt(args[3]);
      for (String config : Arrays.copyOfRange(args, 4, args.length)) {
        classify(data, first, last, config);
      }
    } else if (args[0].equals("denoise")) {
      double percent = Double.parseDouble(args[2]);
      for (String config : Arrays.copyOfRange(args, 3, args.length)) {
        denoise(data, percent, config);
      }
    } else {
      throw new IllegalArgumentException("unknown study '" + args[0] + "'; use classify or denoise");
    }
  }

  /** Components named by a config suffix: a number, "c" (classes) or "2c". */
  private static int components(Instances data, String spec) {
    if (spec.equals("c")) {
      return data.numClasses();
    }
    if (spec.equals("2c")) {
      return 2 * data.numClasses();
    }
    return Integer.parseInt(spec);
  }

  /** The filter a config names (null for raw data). */
  static Filter representation(Instances data, String config, String mode) throws Exception {
    String[] parts = config.split(":");
    if (parts[0].equals("raw")) {
      return null;
    }
    int k = components(data, parts[1]);
    if (parts[0].equals("pca")) {
      PrincipalComponents pca = new PrincipalComponents();
      // centred covariance PCA: pixels share one unit, so no standardisation; exactly k components
      pca.setOptions(Utils.splitOptions("-C -R 1.0 -M " + k));
      return pca;
    }
    NonnegativeFactorization filter = new NonnegativeFactorization();
    String clusterer;
    String extra = "";
    switch (parts[0]) {
      case "nmf":
        clusterer = "weka.clusterers.NMF";
        break;
      case "nmf-proj":
        clusterer = "weka.clusterers.NMF";
        extra = " -project-training";
        break;
      case "anmf":
        clusterer = "weka.clusterers.ANMF";
        break;
      case "anmf-proj":
        clusterer = "weka.clusterers.ANMF";
        extra = " -project-training";
        break;
      default:
        throw new IllegalArgumentException("unknown config '" + config + "'");
    }
    filter.setOptions(Utils.splitOptions("-mode " + mode + extra + " -W " + clusterer + " -- -N " + k));
    return filter;
  }

  private static void classify(Instances data, int first, int last, String config) throws Exception {
    Instances randomized = new Instances(data);
    Random random = new Random(SEED);
    randomized.randomize(random);
    randomized.stratify(FOLDS);
    boolean adversarialToo = config.startsWith("anmf");
    boolean projectTraining = config.startsWith("anmf-proj");
    Evaluation pooled = new Evaluation(randomized);
    Evaluation pooledAdversarial = new Evaluation(randomized);
    List<String> perFold = new ArrayList<String>();
    List<String> perFoldAdversarial = new ArrayList<String>();
    long started = System.nanoTime();
    for (int fold = first - 1; fold < last; fold++) {
      Instances train = randomized.trainCV(FOLDS, fold, random);
      Instances test = randomized.testCV(FOLDS, fold);
      Classifier classifier = classifier(representation(data, config, "coefficients"));
      classifier.buildClassifier(train);
      Evaluation foldEvaluation = new Evaluation(train);
      foldEvaluation.evaluateModel(classifier, test);
      pooled.evaluateModel(classifier, test);
      perFold.add(String.format("%.1f", foldEvaluation.pctCorrect()));
      if (adversarialToo) {
        FilteredClassifier filtered = (FilteredClassifier) classifier;
        NonnegativeFactorization trained = (NonnegativeFactorization) filtered.getFilter();
        Instances onAdversarial = adversarialCoefficients(trained, test);
        Classifier tree = filtered.getClassifier();
        if (projectTraining) {
          // the same fit, with the training rows also projected onto the adversarial basis
          tree = new J48();
          tree.buildClassifier(adversarialCoefficients(trained, train));
        }
        Evaluation adversarialFold = new Evaluation(train);
        adversarialFold.evaluateModel(tree, onAdversarial);
        // the class attribute of the coefficient data is a copy of the original: predictions line up
        for (int j = 0; j < test.numInstances(); j++) {
          pooledAdversarial.evaluateModelOnce(tree.distributionForInstance(onAdversarial.instance(j)),
              test.instance(j));
        }
        perFoldAdversarial.add(String.format("%.1f", adversarialFold.pctCorrect()));
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("classify %s %s%s folds %d-%d of %d: accuracy %.2f%% (per fold %s) %.0f s%n",
        data.relationName(), config, adversarialToo ? " basis A" : "", first, last, FOLDS, pooled.pctCorrect(),
        perFold, seconds);
    if (adversarialToo) {
      System.out.printf("classify %s %s basis adversarial folds %d-%d of %d: accuracy %.2f%% (per fold %s)%n",
          data.relationName(), config, first, last, FOLDS, pooledAdversarial.pctCorrect(), perFoldAdversarial);
    }
  }

  /** The coefficient instances of {@code test} projected onto the fitted adversarial basis. */
  private static Instances adversarialCoefficients(NonnegativeFactorization trained, Instances test) {
    NmfFeatures features = NmfFeatures.of(trained.getModel(), ProjectionBasis.ADVERSARIAL);
    int[] columns = WekaData.featureIndices(test);
    DenseMatrix x = features.coefficients(WekaData.toMatrix(test, columns));
    Instances out = new Instances(trained.getOutputFormat(), test.numInstances());
    for (int j = 0; j < test.numInstances(); j++) {
      double[] values = new double[out.numAttributes()];
      for (int r = 0; r < x.rows(); r++) {
        values[r] = x.get(r, j);
      }
      values[out.classIndex()] = test.instance(j).classValue();
      out.add(new DenseInstance(1.0, values));
    }
    return out;
  }

  private static Classifier classifier(Filter filter) throws Exception {
    J48 tree = new J48();
    if (filter == null) {
      return tree;
    }
    FilteredClassifier filtered = new FilteredClassifier();
    filtered.setFilter(filter);
    filtered.setClassifier(AbstractClassifier.makeCopy(tree));
    return filtered;
  }

  private static void denoise(Instances data, double percent, String config) throws Exception {
    Instances shuffled = new Instances(data);
    shuffled.randomize(new Random(SEED));
    int half = shuffled.numInstances() / 2;
    Instances cleanFit = new Instances(shuffled, 0, half);
    Instances cleanHeld = new Instances(shuffled, half, shuffled.numInstances() - half);
    Instances noisyFit = corrupt(cleanFit, percent, 1);
    Instances noisyHeld = corrupt(cleanHeld, percent, 2);
    NonnegativeFactorization filter = (NonnegativeFactorization) representation(data, config, "reconstruction");
    long started = System.nanoTime();
    filter.setInputFormat(noisyFit);
    Instances denoisedFit = Filter.useFilter(noisyFit, filter);
    Instances denoisedHeld = Filter.useFilter(noisyHeld, filter);
    double seconds = (System.nanoTime() - started) / 1e9;
    String format = "denoise %s %s basis %s salt&pepper %.0f%%: fitted half noisy %.4f denoised %.4f;"
        + " held-out half noisy %.4f denoised %.4f (relative Frobenius error vs clean) %.0f s%n";
    System.out.printf(format, data.relationName(), config, "A", percent, relativeError(noisyFit, cleanFit),
        relativeError(denoisedFit, cleanFit), relativeError(noisyHeld, cleanHeld),
        relativeError(denoisedHeld, cleanHeld), seconds);
    if (filter.getModel().factorization().hasAdversarialBasis()) {
      NmfFeatures adversarial = NmfFeatures.of(filter.getModel(), ProjectionBasis.ADVERSARIAL);
      Instances fitOnAdversarial = reconstruct(noisyFit, adversarial, adversarial.trainingCoefficients());
      int[] columns = WekaData.featureIndices(noisyHeld);
      Instances heldOnAdversarial = reconstruct(noisyHeld, adversarial,
          adversarial.coefficients(WekaData.toMatrix(noisyHeld, columns)));
      System.out.printf(format, data.relationName(), config, "adversarial", percent,
          relativeError(noisyFit, cleanFit), relativeError(fitOnAdversarial, cleanFit),
          relativeError(noisyHeld, cleanHeld), relativeError(heldOnAdversarial, cleanHeld), seconds);
    }
  }

  /** The instances with their pixels replaced by B x for the given coefficients (n x N). */
  private static Instances reconstruct(Instances noisy, NmfFeatures features, DenseMatrix coefficients) {
    int[] columns = WekaData.featureIndices(noisy);
    Instances out = new Instances(noisy);
    double[] x = new double[coefficients.rows()];
    double[] rebuilt = new double[columns.length];
    for (int j = 0; j < out.numInstances(); j++) {
      for (int r = 0; r < x.length; r++) {
        x[r] = coefficients.get(r, j);
      }
      features.reconstruct(WekaData.values(noisy.instance(j), columns), x, rebuilt);
      for (int p = 0; p < columns.length; p++) {
        out.instance(j).setValue(columns[p], rebuilt[p]);
      }
    }
    return out;
  }

  private static Instances corrupt(Instances clean, double percent, int seed) throws Exception {
    Filter noise = (Filter) Utils.forName(Filter.class, "weka.filters.unsupervised.attribute.SaltAndPepperNoise",
        Utils.splitOptions("-P " + percent + " -S " + seed));
    noise.setInputFormat(clean);
    return Filter.useFilter(clean, noise);
  }

  /** ||a - b||_F / ||b||_F over the non-class attributes. */
  private static double relativeError(Instances a, Instances b) {
    double difference = 0.0;
    double norm = 0.0;
    for (int j = 0; j < b.numInstances(); j++) {
      for (int i = 0; i < b.numAttributes(); i++) {
        if (i == b.classIndex()) {
          continue;
        }
        double d = a.instance(j).value(i) - b.instance(j).value(i);
        difference += d * d;
        norm += b.instance(j).value(i) * b.instance(j).value(i);
      }
    }
    return Math.sqrt(difference / norm);
  }
}
