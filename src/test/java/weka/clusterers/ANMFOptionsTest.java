package weka.clusterers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.solver.anmf.AdmmSettings;
import adversarialnmf.solver.anmf.AnmfModel;
import adversarialnmf.solver.anmf.GradientSettings;
import adversarialnmf.testing.PlantedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.core.Capabilities;
import weka.core.Instances;
import weka.core.WeightedInstancesHandler;
import weka.filters.SimpleBatchFilter;

/** ANMF's own options: every one reaches the core solver, the target variants, and their errors. */
class ANMFOptionsTest {

  private static ANMF anmf(String... options) throws Exception {
    ANMF c = new ANMF();
    c.setOptions(options);
    return c;
  }

  @Test
  void everyOptionReachesTheSolverOptions() throws Exception {
    ANMF anmf = anmf("-alpha", "0.5", "-beta", "0.01", "-gamma", "0.002", "-lambda", "0.003", "-unit-norm-bases",
        "-mu", "4", "-U", "paper", "-inner", "7", "-solve", "cg", "-adaptive-penalty", "-penalty-factor", "3",
        "-penalty-threshold", "5", "-no-start-rescaling", "-stop", "paper");
    AnmfModel model = anmf.model();
    assertEquals(0.5, model.alpha());
    assertEquals(0.01, model.beta());
    assertEquals(0.002, model.gamma());
    assertEquals(0.003, model.lambda());
    assertTrue(model.unitNormBases());
    AdmmSettings o = anmf.admmSettings();
    assertEquals(4.0, o.mu());
    assertEquals(AdmmSettings.UUpdate.PAPER_CLIP, o.uUpdate());
    assertEquals(7, o.uInnerIterations());
    assertEquals(AdmmSettings.LinearSolve.CONJUGATE_GRADIENT, o.linearSolve());
    assertTrue(o.adaptivePenalty());
    assertEquals(3.0, o.penaltyFactor());
    assertEquals(5.0, o.penaltyThreshold());
    assertFalse(o.rescaleStart());
    assertEquals(AdmmSettings.ToleranceRule.PAPER_RULE_26, o.toleranceRule());
    // the one start option reaches both solvers; the gradient solver gets no ADMM setting
    assertFalse(anmf.gradientSettings().rescaleStart());
    assertEquals(GradientSettings.builder().build().sufficientDecrease(), anmf.gradientSettings().sufficientDecrease());
  }

  @Test
  void defaultsAreThePapersWeights() throws Exception {
    AnmfModel o = new ANMF().model();
    assertArrayEquals(new double[] {0.6, 1e-5, 1e-3, 1e-3},
        new double[] {o.alpha(), o.beta(), o.gamma(), o.lambda()}, 0.0);
    // the paper's mu = 1 does not converge on real data (docs/ALGORITHM.md §5); 10 clustered best in the
    // protocol study (docs/REPRODUCTION.md), 100 is the core's default
    assertEquals(10.0, new ANMF().admmSettings().mu());
    assertFalse(new ANMF().admmSettings().adaptivePenalty());
    assertTrue(new ANMF().gradientSettings().rescaleStart());
  }

  @Test
  void invalidWeightsAreNamed() {
    Exception e = assertThrows(Exception.class, () -> anmf("-gamma", "-1"));
    assertTrue(e.getMessage().contains("gamma") && e.getMessage().contains("-1"), e.getMessage());
    e = assertThrows(Exception.class, () -> anmf("-mu", "abc"));
    assertTrue(e.getMessage().contains("-mu") && e.getMessage().contains("abc"), e.getMessage());
  }

  @Test
  void givenShiftIsUsedAndRandomShiftDependsOnTheSeed() throws Exception {
    Instances data = PlantedData.generate(20, 10, 2, 0.02, 4).instances();
    ANMF fixed = anmf("-N", "2", "-shift", "0.5", "-I", "20", "-scaling", "none");
    fixed.buildClusterer(data);
    assertTrue(fixed.toString().contains("Z = Y + 0.5"), fixed.toString());
    ANMF drawn1 = anmf("-N", "2", "-I", "20", "-S", "1");
    drawn1.buildClusterer(data);
    ANMF drawn2 = anmf("-N", "2", "-I", "20", "-S", "2");
    drawn2.buildClusterer(data);
    assertFalse(drawn1.toString().equals(drawn2.toString()));
  }

  @Test
  void filterTargetIsAppliedToTheData() throws Exception {
    Instances data = PlantedData.generate(25, 10, 2, 0.02, 4).instances();
    ANMF c = anmf("-N", "2", "-I", "30", "-target", "weka.filters.unsupervised.attribute.CorruptedPixelNoise -P 20 -S 3"
        + " -width 5 -height 5");
    c.buildClusterer(data);
    assertTrue(c.toString().contains("explicit"), c.toString());
    assertEquals(2, c.getAdversarialBasis()[0].length);
  }

  @Test
  void badTargetFiltersAreNamed() throws Exception {
    Instances data = PlantedData.generate(20, 10, 2, 0.02, 4).instances();
    Exception e = assertThrows(Exception.class, () -> anmf("-N", "2", "-target", "no.such.Filter").buildClusterer(data));
    assertTrue(e.getMessage().contains("no.such.Filter") && e.getMessage().contains("-target"), e.getMessage());
    e = assertThrows(Exception.class, () -> anmf("-N", "2", "-target",
        "weka.filters.unsupervised.attribute.Remove -R 1").buildClusterer(data));
    assertTrue(e.getMessage().contains("must keep the data's shape"), e.getMessage());
  }

  /**
   * Filters that keep the shape but move rows or columns made a Z that no longer matches Y entry by
   * entry: refused when the option is set (instance filters, Reorder on the shape probe) or at build.
   */
  @ParameterizedTest
  @ValueSource(strings = {"weka.filters.unsupervised.instance.Randomize -S 3",
      "weka.filters.unsupervised.instance.Resample -S 3 -Z 100", "weka.filters.unsupervised.attribute.Reorder -R last-first"})
  void targetFiltersThatMoveRowsOrColumnsAreRefused(String filter) throws Exception {
    Instances data = PlantedData.generate(20, 10, 2, 0.02, 4).instances();
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> anmf("-N", "2", "-I", "5", "-target", filter).buildClusterer(data));
    assertTrue(e.getMessage().contains(filter) && (e.getMessage().contains("an instance filter")
        || e.getMessage().contains("changed the attributes") || e.getMessage().contains("keep the data's shape and"
        + " attributes")), e.getMessage());
  }

  /** Reverses the rows: an attribute-style filter from elsewhere that nonetheless moves them. */
  public static class ReversingFilter extends SimpleBatchFilter implements WeightedInstancesHandler {
    private static final long serialVersionUID = 1L;

    @Override
    public String globalInfo() {
      return "Reverses the order of the instances (test only).";
    }

    @Override
    public Capabilities getCapabilities() {
      Capabilities result = super.getCapabilities();
      result.enableAllAttributes();
      result.enable(Capabilities.Capability.NO_CLASS);
      return result;
    }

    @Override
    protected Instances determineOutputFormat(Instances inputFormat) {
      return new Instances(inputFormat, 0);
    }

    @Override
    protected Instances process(Instances instances) {
      Instances out = new Instances(instances, instances.numInstances());
      for (int j = instances.numInstances() - 1; j >= 0; j--) {
        out.add(instances.instance(j));
      }
      return out;
    }
  }

  @Test
  void aTargetFilterThatMovesRowsIsCaughtByTheRowNumbersItCarries() throws Exception {
    Instances data = PlantedData.generate(20, 10, 2, 0.02, 4).instances();
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> anmf("-N", "2", "-I", "5", "-target", ReversingFilter.class.getName()).buildClusterer(data));
    assertTrue(e.getMessage().contains("row 1 of its output is instance 20 of the data"), e.getMessage());
  }

  /**
   * Shrunk by ClustererPropertiesTest: unscaled data at 1e8 make the ADMM (weights and penalty meant
   * for data in [0, 1]) diverge; the message said "matrix is not positive definite (LAPACK dpotrf
   * info 3 ...)". It now names the remedy, scaling the data, without the solver's internals.
   */
  @Test
  void aDivergedAdmmNamesTheRemedyNotItsInternals() throws Exception {
    Instances data = new Instances("case", new java.util.ArrayList<>(java.util.Arrays.asList(
        new weka.core.Attribute("a0"))), 3);
    for (double v : new double[] {83096778.737666, 34053641.567149, 73741742.535011}) {
      data.add(new weka.core.DenseInstance(1.0, new double[] {v}));
    }
    ANMF c = anmf("-N", "3", "-I", "3", "-scaling", "none", "-mu", "100"); // the case was found at mu 100
    Exception e = assertThrows(IllegalStateException.class, () -> c.buildClusterer(data));
    assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("scale the data down")
        && !e.getMessage().contains("LAPACK") && !e.getMessage().contains("not positive definite"), e.getMessage());
  }

  @Test
  void absurdWeightsAndShiftsAreBlamedOnTheOption() throws Exception {
    Exception e = assertThrows(IllegalArgumentException.class, () -> anmf("-alpha", "1e308"));
    assertTrue(e.getMessage().contains("-alpha") && e.getMessage().contains("1.0E308"), e.getMessage());
    Instances data = PlantedData.generate(20, 10, 2, 0.02, 4).instances();
    e = assertThrows(IllegalArgumentException.class,
        () -> anmf("-N", "2", "-shift", "1e300").buildClusterer(data));
    assertTrue(e.getMessage().contains("-shift 1.0E300"), e.getMessage());
  }

  @Test
  void residualTracesAndMeasuresAreExposed() throws Exception {
    ANMF c = anmf("-N", "2", "-I", "15");
    c.buildClusterer(PlantedData.generate(20, 10, 2, 0.02, 4).instances());
    double[] primal = c.getPrimalResidualTrace();
    assertEquals(c.getFactorization().iterations() + 1, primal.length);
    assertEquals(primal[primal.length - 1], c.getMeasure("measurePrimalResidual"), 0.0);
    assertEquals(c.getFactorization().iterations(), c.getMeasure("measureIterations"), 0.0);
  }

  @Test
  void solverOptionPicksTheGradientSolverAndRoundTrips() throws Exception {
    Instances data = PlantedData.generate(20, 10, 2, 0.02, 4).instances();
    ANMF admm = anmf("-N", "2", "-I", "15", "-shift", "0.1");
    assertEquals(adversarialnmf.solver.anmf.AnmfSolver.AUTO.ordinal(), admm.getSolver().getSelectedTag().getID(),
        "auto is the default");
    admm.buildClusterer(data);
    assertTrue(admm.toString().contains("Solver choice: -solver auto chose the ADMM: its working set, about "),
        admm.toString());
    assertTrue(admm.getPrimalResidualTrace() != null);
    ANMF explicitAdmm = anmf("-N", "2", "-I", "15", "-shift", "0.1", "-solver", "admm");
    explicitAdmm.buildClusterer(data);
    assertEquals(explicitAdmm.getFactorization().finalObjective(), admm.getFactorization().finalObjective(), 0.0,
        "auto where the ADMM fits is the ADMM, bit for bit");
    assertFalse(explicitAdmm.toString().contains("Solver choice"), explicitAdmm.toString());

    ANMF gradient = anmf("-N", "2", "-I", "15", "-shift", "0.1", "-solver", "gradient");
    assertEquals(adversarialnmf.solver.anmf.AnmfSolver.GRADIENT.ordinal(), gradient.getSolver().getSelectedTag().getID());
    gradient.buildClusterer(data);
    assertTrue(gradient.toString().contains("block-coordinate gradient"), gradient.toString());
    assertTrue(gradient.getFactorization().trace(adversarialnmf.solver.anmf.AnmfGradientSolver.X_STEP) != null,
        "the fit came from the gradient solver");
    assertTrue(Double.isNaN(gradient.getMeasure("measurePrimalResidual")), "no ADMM residuals to report");
    double[] trace = gradient.getFactorization().objectiveTrace();
    for (int k = 1; k < trace.length; k++) {
      assertTrue(trace[k] <= trace[k - 1] * (1 + 1e-12), "objective rose at iteration " + k);
    }
    String[] round = gradient.getOptions();
    assertEquals("gradient", round[java.util.Arrays.asList(round).indexOf("-solver") + 1]);
    assertEquals(adversarialnmf.solver.anmf.AnmfSolver.GRADIENT.ordinal(), anmf(round).getSolver().getSelectedTag().getID());

    Exception e = assertThrows(Exception.class, () -> anmf("-solver", "newton"));
    assertTrue(e.getMessage().contains("-solver") && e.getMessage().contains("newton"), e.getMessage());
  }
}
