package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.weka.WekaData;
import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.NonnegativeProjection;
import adversarialnmf.solver.Residuals;
import adversarialnmf.testing.PlantedData;
import java.io.FileInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import weka.classifiers.Evaluation;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.trees.J48;
import weka.clusterers.ANMF;
import weka.clusterers.AbstractNMFClusterer;
import weka.clusterers.NMF;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SparseInstance;
import weka.core.Utils;
import weka.core.converters.ArffLoader;
import weka.filters.Filter;

class NonnegativeFactorizationTest {

  /** A fit run to (near) convergence, so that its X is close to the NNLS solution for its own A. */
  private static final String CONVERGED_NMF = "-W weka.clusterers.NMF -- -N 3 -I 3000 -E 1e-13 -S 3";

  private static final PlantedData PLANTED = PlantedData.generate(12, 20, 3, 0.02, 7);

  /** The planted data with the planted cluster as a nominal class attribute (last). */
  private static Instances labelled() {
    Instances data = PLANTED.instances();
    data.insertAttributeAt(new Attribute("cluster", Arrays.asList("c0", "c1", "c2")), data.numAttributes());
    int[] labels = PLANTED.labels();
    for (int j = 0; j < data.numInstances(); j++) {
      data.instance(j).setValue(data.numAttributes() - 1, labels[j]);
    }
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  private static NonnegativeFactorization filter(String options) throws Exception {
    NonnegativeFactorization filter = new NonnegativeFactorization();
    filter.setOptions(Utils.splitOptions(options));
    return filter;
  }

  private static Instances firstBatch(NonnegativeFactorization filter, Instances data) throws Exception {
    filter.setInputFormat(data);
    return Filter.useFilter(data, filter);
  }

  /** Column j of the first {@code n} attributes of the output, i.e. the coefficients of instance j. */
  private static double[] coefficientsOf(Instances output, int j, int n) {
    double[] x = new double[n];
    for (int r = 0; r < n; r++) {
      x[r] = output.instance(j).value(r);
    }
    return x;
  }

  private static DenseMatrix scaledData(Instances data, double scale) {
    DenseMatrix y = WekaData.toMatrix(data, WekaData.featureIndices(data)).toDense();
    MatrixOps.scale(y, scale);
    return y;
  }

  @Test
  void coefficientsOfTheFirstBatchAreTheClusterersX() throws Exception {
    Instances data = labelled();
    NonnegativeFactorization filter = filter(CONVERGED_NMF);
    Instances output = firstBatch(filter, data);

    NMF clusterer = new NMF();
    clusterer.setOptions(Utils.splitOptions("-N 3 -I 3000 -E 1e-13 -S 3"));
    Instances withoutClass = new Instances(data);
    withoutClass.setClassIndex(-1);
    withoutClass.deleteAttributeAt(data.classIndex());
    clusterer.buildClusterer(withoutClass);
    double[][] x = clusterer.getCoefficients();

    assertEquals(4, output.numAttributes());
    assertEquals("basis0", output.attribute(0).name());
    assertEquals("basis2", output.attribute(2).name());
    for (int j = 0; j < data.numInstances(); j++) {
      for (int r = 0; r < 3; r++) {
        assertEquals(x[r][j], output.instance(j).value(r), 0.0, "X[" + r + "][" + j + "]");
      }
    }
    assertEquals(3, output.classIndex());
    assertTrue(output.classAttribute().equals(data.classAttribute()));
    for (int j = 0; j < data.numInstances(); j++) {
      assertEquals(data.instance(j).classValue(), output.instance(j).classValue(), 0.0);
      assertEquals(data.instance(j).weight(), output.instance(j).weight(), 0.0);
    }
  }

  @Test
  void reconstructionErrorOfTheFirstBatchIsTheModelsObjective() throws Exception {
    Instances data = labelled();
    NonnegativeFactorization filter = filter("-mode reconstruction " + CONVERGED_NMF);
    Instances output = firstBatch(filter, data);
    NmfClustering model = filter.getModel();
    Factorization fit = model.factorization();

    assertEquals(data.numAttributes(), output.numAttributes());
    assertEquals(data.classIndex(), output.classIndex());
    double squaredError = 0.0;
    for (int j = 0; j < data.numInstances(); j++) {
      for (int a = 0; a < data.numAttributes() - 1; a++) {
        double d = data.instance(j).value(a) - output.instance(j).value(a);
        squaredError += d * d;
      }
    }
    // the model lives in scaled units: ||sY - AX||^2 = s^2 ||Y - AX/s||^2
    double s = model.dataScale();
    assertTrue(s != 1.0, "the default max scaling must be exercised");
    double modelError = Residuals.squaredResidual(new DenseData(scaledData(data, s)), fit.basis(),
        fit.coefficients());
    assertEquals(modelError, s * s * squaredError, 1e-9 * modelError);
    assertEquals(fit.finalObjective(), s * s * squaredError, 1e-9 * modelError);
  }

  /**
   * The second batch holds the training rows again. It must be projected by NNLS onto the learned A (the
   * model object is unchanged), and the projection must agree with the fitted X as closely as the fit's
   * own optimality allows: for f(x) = ½‖y − Ax‖² (μ-strongly convex, ∇f L-Lipschitz, μ and L the extreme
   * eigenvalues of AᵀA) and the natural residual r(x) = x − max(0, x − ∇f(x)), ‖x − x*‖ ≤ (1 + L) / μ ‖r(x)‖.
   * A solver's X is the NNLS solution only at convergence, so this per-instance bound, not a fixed number,
   * is the tolerance; the test also checks the bound is small, so the comparison means something.
   */
  @Test
  void laterBatchesAreProjectedOntoTheLearnedBasisNotRefitted() throws Exception {
    Instances data = labelled();
    NonnegativeFactorization filter = filter(CONVERGED_NMF);
    Instances fitted = firstBatch(filter, data);
    NmfClustering model = filter.getModel();
    Instances projected = Filter.useFilter(data, filter);
    assertSame(model, filter.getModel(), "the second batch must not refit");

    Factorization fit = model.factorization();
    DenseMatrix a = fit.basis();
    DenseMatrix gram = MatrixOps.gramOfColumns(a);
    double[] eigenvalues = new EigenDecomposition(new Array2DRowRealMatrix(gram.toArray())).getRealEigenvalues();
    double largest = Arrays.stream(eigenvalues).max().getAsDouble();
    double smallest = Arrays.stream(eigenvalues).min().getAsDouble();
    assertTrue(smallest > 0.0, "planted basis must have full column rank");
    DenseMatrix cross = MatrixOps.multiplyTransposeA(a, scaledData(data, model.dataScale())); // n x N: Aᵀ y_j

    double largestBound = 0.0;
    double largestCoefficient = 0.0;
    for (int j = 0; j < data.numInstances(); j++) {
      double[] x = coefficientsOf(fitted, j, 3);
      double[] p = coefficientsOf(projected, j, 3);
      double residual2 = 0.0;
      for (int r = 0; r < 3; r++) {
        double gradient = -cross.get(r, j);
        for (int c = 0; c < 3; c++) {
          gradient += gram.get(r, c) * x[c];
        }
        double natural = x[r] - Math.max(0.0, x[r] - gradient);
        residual2 += natural * natural;
        largestCoefficient = Math.max(largestCoefficient, x[r]);
      }
      double bound = (1.0 + largest) / smallest * Math.sqrt(residual2);
      largestBound = Math.max(largestBound, bound);
      double distance = 0.0;
      for (int r = 0; r < 3; r++) {
        distance += (p[r] - x[r]) * (p[r] - x[r]);
      }
      assertTrue(Math.sqrt(distance) <= bound + 1e-9, "instance " + j + ": projection " + Arrays.toString(p)
          + " is " + Math.sqrt(distance) + " from the fitted " + Arrays.toString(x) + ", bound " + bound);
    }
    assertTrue(largestBound < 1e-4 * largestCoefficient, "fit not converged enough for a meaningful"
        + " comparison: bound " + largestBound);

    // the projection is the shared NNLS of the fitted model, instance by instance too
    DenseMatrix direct = model.coefficientsOf(WekaData.toMatrix(data, WekaData.featureIndices(data)));
    for (int j = 0; j < data.numInstances(); j++) {
      filter.input(data.instance(j));
      filter.batchFinished();
      Instance single = filter.output();
      for (int r = 0; r < 3; r++) {
        assertEquals(direct.get(r, j), projected.instance(j).value(r), 1e-12);
        assertEquals(direct.get(r, j), single.value(r), 1e-12);
      }
    }
    assertSame(model, filter.getModel());
  }

  @Test
  void residualIsTheInputMinusTheReconstructionOnEveryBatch() throws Exception {
    Instances data = labelled();
    NonnegativeFactorization reconstruction = filter("-mode reconstruction " + CONVERGED_NMF);
    NonnegativeFactorization residual = filter("-mode residual " + CONVERGED_NMF);
    Instances[] batches = {firstBatch(reconstruction, data), firstBatch(residual, data),
        Filter.useFilter(data, reconstruction), Filter.useFilter(data, residual)};
    for (int b = 0; b < 4; b += 2) {
      for (int j = 0; j < data.numInstances(); j++) {
        for (int a = 0; a < data.numAttributes() - 1; a++) {
          double y = data.instance(j).value(a);
          assertEquals(y, batches[b].instance(j).value(a) + batches[b + 1].instance(j).value(a), 1e-12 * (1 + y));
        }
        assertEquals(data.instance(j).classValue(), batches[b + 1].instance(j).classValue(), 0.0);
      }
    }
  }

  @Test
  void sparseInputGivesSparseCoefficientsWithTheDenseValues() throws Exception {
    Instances dense = labelled();
    Random random = new Random(5);
    for (Instance instance : dense) {
      for (int a = 0; a < dense.numAttributes() - 1; a++) {
        if (random.nextDouble() < 0.6) {
          instance.setValue(a, 0.0);
        }
      }
    }
    Instances sparse = new Instances(dense, dense.numInstances());
    for (Instance instance : dense) {
      sparse.add(new SparseInstance(instance));
    }
    // the preprocessing and start spelled out (under auto, data under 10 % nonzero are text: tf-idf, unit length, NNDSVD)
    String options = "-W weka.clusterers.NMF -- -N 3 -I 300 -S 3 -term-weighting tfidf -normalize l2 -init kmeans";
    NonnegativeFactorization onDense = filter(options);
    NonnegativeFactorization onSparse = filter(options);
    Instances fromDense = firstBatch(onDense, dense);
    Instances fromSparse = firstBatch(onSparse, sparse);
    Instances projectedDense = Filter.useFilter(dense, onDense);
    Instances projectedSparse = Filter.useFilter(sparse, onSparse);
    int zeros = 0;
    for (int j = 0; j < dense.numInstances(); j++) {
      assertTrue(fromSparse.instance(j) instanceof SparseInstance);
      assertTrue(projectedSparse.instance(j) instanceof SparseInstance);
      assertFalse(projectedDense.instance(j) instanceof SparseInstance);
      for (int a = 0; a < fromDense.numAttributes(); a++) {
        assertEquals(fromDense.instance(j).value(a), fromSparse.instance(j).value(a), 1e-8);
        assertEquals(projectedDense.instance(j).value(a), projectedSparse.instance(j).value(a), 1e-8);
      }
      zeros += projectedSparse.instance(j).numAttributes() - projectedSparse.instance(j).numValues();
    }
    assertTrue(zeros > 0, "NNLS coefficients of sparse data should contain exact zeros, stored implicitly");
  }

  @Test
  void nonNumericAttributesAreAnErrorUnlessPassedThrough() throws Exception {
    Instances data = labelled();
    data.insertAttributeAt(new Attribute("site", Arrays.asList("north", "south")), 2);
    for (int j = 0; j < data.numInstances(); j++) {
      data.instance(j).setValue(2, j % 2);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> filter(CONVERGED_NMF).setInputFormat(data));
    assertTrue(e.getMessage().contains("'site'") && e.getMessage().contains("-pass-nonnumeric"), e.getMessage());

    NonnegativeFactorization passing = filter("-pass-nonnumeric " + CONVERGED_NMF);
    Instances output = firstBatch(passing, data);
    assertEquals(5, output.numAttributes()); // basis0..2, site, cluster
    assertEquals("site", output.attribute(3).name());
    assertEquals(4, output.classIndex());
    for (int j = 0; j < data.numInstances(); j++) {
      assertEquals(j % 2, output.instance(j).value(3), 0.0);
    }
    // the nominal attribute is not part of Y: the coefficients match the fit without it
    Instances output2 = firstBatch(filter(CONVERGED_NMF), labelled());
    for (int j = 0; j < data.numInstances(); j++) {
      for (int r = 0; r < 3; r++) {
        assertEquals(output2.instance(j).value(r), output.instance(j).value(r), 0.0);
      }
    }

    Instances withString = labelled();
    withString.insertAttributeAt(new Attribute("note", (List<String>) null), 0);
    e = assertThrows(IllegalArgumentException.class,
        () -> filter("-pass-nonnumeric " + CONVERGED_NMF).setInputFormat(withString));
    assertTrue(e.getMessage().contains("'note'") && e.getMessage().contains("string"), e.getMessage());
  }

  @Test
  void negativeOrMissingValuesInALaterBatchAreNamed() throws Exception {
    Instances data = labelled();
    NonnegativeFactorization filter = filter(CONVERGED_NMF);
    firstBatch(filter, data);
    Instances bad = new Instances(data, 0);
    Instance instance = (Instance) data.instance(0).copy();
    instance.setValue(4, -1.0);
    bad.add(instance);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Filter.useFilter(bad, filter));
    assertTrue(e.getMessage().contains("'a4'") && e.getMessage().contains("negative"), e.getMessage());
  }

  @Test
  void adversarialBasisIsUsedForProjectionAndReconstruction() throws Exception {
    Instances data = labelled();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> firstBatch(filter("-basis adversarial " + CONVERGED_NMF), data));
    assertTrue(e.getMessage().contains("ANMF"), e.getMessage());

    String anmf = "-W weka.clusterers.ANMF -- -N 3 -I 40 -S 3";
    NonnegativeFactorization coefficients = filter("-basis adversarial " + anmf);
    NonnegativeFactorization reconstruction = filter("-basis adversarial -mode reconstruction " + anmf);
    firstBatch(coefficients, data);
    firstBatch(reconstruction, data);
    Instances x = Filter.useFilter(data, coefficients);
    Instances rebuilt = Filter.useFilter(data, reconstruction);

    NmfClustering model = coefficients.getModel();
    DenseMatrix adversarial = model.factorization().adversarialBasis();
    assertNotNull(adversarial);
    double s = model.dataScale();
    NonnegativeProjection onAdversarial = new NonnegativeProjection(adversarial);
    DenseMatrix onA = model.coefficientsOf(WekaData.toMatrix(data, WekaData.featureIndices(data)));
    double differenceFromA = 0.0;
    for (int j = 0; j < data.numInstances(); j++) {
      double[] y = WekaData.values(data.instance(j), WekaData.featureIndices(data));
      double[] expected = onAdversarial.coefficients(y);
      for (int r = 0; r < 3; r++) {
        expected[r] *= s;
        assertEquals(expected[r], x.instance(j).value(r), 1e-9 * (1 + expected[r]));
        differenceFromA += Math.abs(expected[r] - onA.get(r, j));
      }
      for (int i = 0; i < y.length; i++) {
        double value = 0.0;
        for (int r = 0; r < 3; r++) {
          value += adversarial.get(i, r) * expected[r];
        }
        assertEquals(value / s, rebuilt.instance(j).value(i), 1e-9 * (1 + y[i]));
      }
    }
    assertTrue(differenceFromA > 1e-6, "A and the adversarial basis gave the same coefficients");
  }

  @Test
  void optionsRoundTripWithTheClustererAfterTheSeparator() throws Exception {
    NonnegativeFactorization filter = filter("-mode residual -basis adversarial -pass-nonnumeric -project-training"
        + " -W weka.clusterers.NMF -- -N 7 -I 55");
    String[] options = filter.getOptions();
    NonnegativeFactorization copy = filter(Utils.joinOptions(options));
    assertEquals(Utils.joinOptions(options), Utils.joinOptions(copy.getOptions()));
    AbstractNMFClusterer clusterer = copy.getClusterer();
    assertTrue(clusterer instanceof NMF);
    assertEquals(7, clusterer.getNumClusters());
    assertEquals(55, clusterer.getMaxIterations());
    assertEquals("residual", copy.getOutputMode().getSelectedTag().getIDStr());
    e(() -> copy.setOutputMode(new weka.core.SelectedTag(0, NonnegativeFactorization.TAGS_BASIS)), "-mode");
    assertTrue(copy.getPassNonNumeric() && copy.getProjectTraining());

    assertTrue(new NonnegativeFactorization().getClusterer() instanceof ANMF, "ANMF is the default");
    e(() -> filter("-W weka.clusterers.SimpleKMeans"), "AbstractNMFClusterer");
    e(() -> filter("-mode features"), "coefficients");
  }

  private static void e(org.junit.jupiter.api.function.Executable action, String expected) {
    Exception e = assertThrows(Exception.class, action);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void projectTrainingMapsTheFirstBatchLikeLaterOnes() throws Exception {
    Instances data = labelled();
    NonnegativeFactorization filter = filter("-project-training -W weka.clusterers.NMF -- -N 3 -I 20 -S 3");
    Instances first = firstBatch(filter, data);
    Instances second = Filter.useFilter(data, filter);
    double[][] x = filter.getModel().factorization().coefficients().toArray();
    double differenceFromX = 0.0;
    for (int j = 0; j < data.numInstances(); j++) {
      for (int r = 0; r < 3; r++) {
        assertEquals(second.instance(j).value(r), first.instance(j).value(r), 0.0);
        differenceFromX += Math.abs(first.instance(j).value(r) - x[r][j]);
      }
    }
    // 20 iterations leave X away from the NNLS solution: the option must make a difference
    assertTrue(differenceFromX > 1e-6, "projected training coefficients equal the unconverged X");
  }

  /**
   * FilteredClassifier(this filter with 10 NMF coefficients, J48) on MNIST-150 (10 digits, 15 each) by
   * Weka's 10-fold cross-validation. J48 rather than Logistic: default Logistic (ridge 1e-8) needs tens of
   * seconds on these near-separable features. Recorded in docs/FEATURES.md.
   */
  @Test
  void filteredClassifierOnMnist150FarAboveChance() throws Exception {
    ArffLoader loader = new ArffLoader();
    loader.setSource(new GZIPInputStream(new FileInputStream("test-data/MNIST_test_bal150.arff.gz")));
    Instances data = loader.getDataSet();
    data.setClassIndex(data.numAttributes() - 1);
    FilteredClassifier classifier = new FilteredClassifier();
    classifier.setFilter(filter("-W weka.clusterers.NMF -- -N 10 -S 1"));
    classifier.setClassifier(new J48());
    Evaluation evaluation = new Evaluation(data);
    evaluation.crossValidateModel(classifier, data, 10, new Random(1));
    System.out.printf("MNIST-150, FilteredClassifier(NonnegativeFactorization NMF n=10, J48), 10-fold CV:"
        + " accuracy %.2f%%%n", evaluation.pctCorrect());
    assertEquals(150, (int) evaluation.numInstances());
    assertTrue(evaluation.pctCorrect() > 30.0, "accuracy " + evaluation.pctCorrect() + "% (chance: 10%)");
  }

  @Test
  void underTheClusterersNormalisationANewInstanceIsProjectedAsItsUnitVectorAndRebuiltInItsOwnUnits()
      throws Exception {
    Instances data = PLANTED.instances();
    NonnegativeFactorization coefficients = filter(CONVERGED_NMF + " -normalize l2");
    firstBatch(coefficients, data);
    NonnegativeFactorization reconstruction = filter("-mode reconstruction " + CONVERGED_NMF + " -normalize l2");
    firstBatch(reconstruction, data);
    Instances later = new Instances(data, 2);
    later.add((Instance) data.instance(4).copy());
    Instance longer = (Instance) data.instance(4).copy();
    for (int a = 0; a < longer.numAttributes(); a++) {
      longer.setValue(a, longer.value(a) * 8.0);
    }
    later.add(longer);
    Instances mapped = Filter.useFilter(later, coefficients);
    assertArrayEquals(coefficientsOf(mapped, 0, 3), coefficientsOf(mapped, 1, 3), 0.0,
        "8 times an instance has the instance's unit vector, so its coefficients");
    Instances rebuilt = Filter.useFilter(later, reconstruction);
    double error = 0.0;
    double norm = 0.0;
    for (int a = 0; a < longer.numAttributes(); a++) {
      error += Math.pow(rebuilt.instance(1).value(a) - longer.value(a), 2);
      norm += Math.pow(longer.value(a), 2);
      assertEquals(8.0 * rebuilt.instance(0).value(a), rebuilt.instance(1).value(a),
          1e-12 * Math.abs(rebuilt.instance(1).value(a)), "the reconstruction is in the instance's own units");
    }
    assertTrue(Math.sqrt(error / norm) < 0.1, "planted rank-3 data are rebuilt closely in raw units: relative error "
        + Math.sqrt(error / norm));
  }
}
