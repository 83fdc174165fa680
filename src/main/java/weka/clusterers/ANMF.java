package weka.clusterers;

import adversarialnmf.RandomStreams;
import adversarialnmf.cluster.ClusteringSettings;
import adversarialnmf.cluster.FitContext;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.OverflowSafe;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.solver.WorkingSet;
import adversarialnmf.solver.anmf.AbstractAnmfSolver;
import adversarialnmf.solver.anmf.AdmmSettings;
import adversarialnmf.solver.anmf.AnmfAdmmSolver;
import adversarialnmf.solver.anmf.AnmfGradientSolver;
import adversarialnmf.solver.anmf.AnmfModel;
import adversarialnmf.solver.anmf.AnmfSolver;
import adversarialnmf.solver.anmf.AttackerTarget;
import adversarialnmf.solver.anmf.GradientSettings;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.EnumTags;
import adversarialnmf.weka.FilterColumns;
import adversarialnmf.weka.ModelReport;
import adversarialnmf.weka.ShiftTarget;
import adversarialnmf.weka.WekaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;
import weka.core.logging.Logger;
import weka.filters.Filter;
import weka.filters.MultiFilter;
import weka.gui.ProgrammaticProperty;

/**
 * <!-- globalinfo-start -->
 * Adversarial nonnegative matrix factorization (ANMF) of Luo, Zhang and Huang as a clusterer:
 * model (9) solved by the ADMM of their Algorithm 1, with the printed misprints corrected.
 * <!-- globalinfo-end -->
 */
public class ANMF extends AbstractNMFClusterer {

  /** Changed when the settings split into the model's weights and each solver's: older models do not load. */
  private static final long serialVersionUID = -1758017251734637206L;

  /** The attacker target option value that selects Remark 1a (Z = Y + t·1). */
  public static final String SHIFT_TARGET = "shift";

  public static final Tag[] TAGS_U_UPDATE = EnumTags.of(AdmmSettings.UUpdate.class);
  public static final Tag[] TAGS_LINEAR_SOLVE = EnumTags.of(AdmmSettings.LinearSolve.class);
  public static final Tag[] TAGS_STOPPING = EnumTags.of(AdmmSettings.ToleranceRule.class);
  public static final Tag[] TAGS_SOLVER = EnumTags.of(AnmfSolver.class);

  /** Model (9)'s weights and each solver's settings, as the core values that check them. */
  protected AnmfModel m_Model = AnmfModel.builder().build();
  /** The core's settings but mu 10, which clustered best in the protocol study (docs/REPRODUCTION.md). */
  static final double DEFAULT_MU = 10.0;

  protected AdmmSettings m_Admm = AdmmSettings.builder().mu(DEFAULT_MU).build();
  protected GradientSettings m_Gradient = GradientSettings.builder().build();
  protected AnmfSolver m_Solver = AnmfSolver.AUTO;
  protected String m_Target = SHIFT_TARGET;
  protected double m_Shift = -1;
  /** Within one fit, from createSolver to recipe: the -solver auto choice and why, else null. */
  private transient String m_SolverChoice;

  public String globalInfo() {
    return "Adversarial nonnegative matrix factorization (ANMF) as a clusterer. The data matrix Y "
        + "(attributes x instances, nonnegative) is factorized as A X, with an adversarial basis \u00c3 that "
        + "an attacker fits to a perturbed target Z: the model (9) of Luo, Zhang and Huang, "
        + "alpha ||\u00c3X - Y||^2 + beta ||AX - Y||^2 + gamma ||\u00c3(lambda I + XX^T) - (lambda A + Z X^T)||^2, "
        + "A, X >= 0, solved by the ADMM of their Algorithm 1 with its misprints corrected (see the "
        + "package's docs/ALGORITHM.md), or, with -solver gradient, by block-coordinate descent that needs no "
        + "attributes x instances auxiliary and keeps sparse data sparse (for large or text data). The target Z is the data shifted by t (Remark 1a; t uniform in "
        + "[0, 5 sigma] unless given) or the data passed through any Weka filter, e.g. a chain of the "
        + "package's noise filters (Remark 1b). Instances are preprocessed and clustered as by the package's other "
        + "clusterers (by default k-means on the unit-normalised coefficients; text tf-idf weighted, of unit length and "
        + "started from NNDSVD); a new instance y gets the coefficients that minimise model (9) over the added column (A, \u00c3 and "
        + "the training X fixed, target z = y + t), the rule that also finishes the fit's X (-predict for "
        + "projection onto A or \u00c3 instead).\n\n"
        + "What the package's ablation measured (docs/REPRODUCTION.md; MNIST-150, Yale, ORL, MNIST-1000, clean and "
        + "four corruptions): with a noise filter as the target (the paper's protocol) the attacker's term is inert "
        + "(at most 2 labels of a run change against Z = Y, the data themselves; under 1 % of the objective), A stays at "
        + "its k-means start (beta 1e-5), and no setting studied (gamma, lambda, beta, mu, iterations, target, start, "
        + "unit-norm bases) made the adversary act and win; -mu 10 scored as its no-attack twin (the ADMM's path, not "
        + "the adversary, makes the difference); gamma of 0.1 or more puts every instance in one cluster. The protocol "
        + "study (docs/REPRODUCTION.md) then set the defaults: with mu 10 and k-means on the coefficients ANMF leads NMF "
        + "on the faces (Yale +0.028, ORL +0.042, ORL under salt and pepper +0.033 ACC), ties it on MNIST-150 and trails "
        + "it on MNIST-1000 and on text (BBCSport 0.77 against 0.94), where NMF is the better choice.\n\n"
        + "For more information see:\n\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation result = new TechnicalInformation(Type.INPROCEEDINGS);
    result.setValue(Field.AUTHOR, "Lei Luo and Yanfu Zhang and Heng Huang");
    result.setValue(Field.TITLE, "Adversarial Nonnegative Matrix Factorization");
    result.setValue(Field.BOOKTITLE, "Proceedings of the 37th International Conference on Machine Learning");
    result.setValue(Field.SERIES, "Proceedings of Machine Learning Research");
    result.setValue(Field.VOLUME, "119");
    result.setValue(Field.PAGES, "6479-6488");
    result.setValue(Field.YEAR, "2020");
    result.setValue(Field.PUBLISHER, "PMLR");
    return result;
  }

  /** The gradient solver fits a mask (auto picks it for such data); the ADMM's auxiliaries need every entry. */
  @Override
  protected boolean fitsMissingValues() {
    return fixedSolver() != AnmfSolver.ADMM;
  }

  /** The solver the options leave no choice about: -unit-norm-bases has only an ADMM form, so auto means the ADMM. */
  private AnmfSolver fixedSolver() {
    return m_Solver == AnmfSolver.AUTO && m_Model.unitNormBases() ? AnmfSolver.ADMM : m_Solver;
  }

  @Override
  protected String missingValuesAdvice() {
    return m_Model.unitNormBases()
        ? "-unit-norm-bases needs the ADMM, and the ADMM needs every entry: impute them first (-missing mean), or drop "
            + "-unit-norm-bases and fit around them with -solver gradient"
        : "the ADMM needs every entry: fit around them with -solver gradient, or impute them first (-missing mean)";
  }

  @Override
  protected String methodName() {
    return "ANMF";
  }

  @Override
  protected FactorizationSolver createSolver(Instances data, FitContext context) throws Exception {
    if (m_Solver == AnmfSolver.GRADIENT && m_Model.unitNormBases()) {
      throw new IllegalArgumentException("ANMF: -unit-norm-bases needs the ADMM solver; drop -solver gradient "
          + "or -unit-norm-bases");
    }
    DataMatrix y = context.data();
    AttackerTarget target = attackerTarget(data, context);
    AnmfSolver chosen = fixedSolver();
    m_SolverChoice = m_Solver == AnmfSolver.AUTO && chosen == AnmfSolver.ADMM
        ? "-solver auto chose the ADMM: -unit-norm-bases has no gradient-solver form" : null;
    if (context.columnBlocks()) {
      if (chosen == AnmfSolver.ADMM) {
        throw new IllegalArgumentException("ANMF: the ADMM has no column-block form (its attributes x instances"
            + " auxiliaries); on column blocks use -solver gradient (auto chooses it)"
            + (m_Model.unitNormBases() ? " and drop -unit-norm-bases" : ""));
      }
      m_SolverChoice = chosen == AnmfSolver.AUTO
          ? "-solver auto chose the gradient solver: the data are in column blocks, which only it fits" : null;
      chosen = AnmfSolver.GRADIENT;
    }
    if (chosen == AnmfSolver.AUTO) {
      long admm = AnmfSolver.ADMM.create(m_Model, m_Admm, m_Gradient, target, context.stopping())
          .workingSetBytes(y, context.clusters());
      long free = WorkingSet.freeHeapBytesFor((long) (admm / AnmfSolver.COMFORTABLE_SHARE));
      boolean missing = !y.missing().isEmpty();
      chosen = AnmfSolver.AUTO.resolve(admm, free, missing);
      m_SolverChoice = chosen == AnmfSolver.ADMM
          ? "-solver auto chose the ADMM: its working set, about " + WorkingSet.readable(admm)
              + ", fits comfortably (under half the free heap)"
          : missing ? "-solver auto chose the gradient solver: the data have missing values, which only it fits around"
          : "-solver auto chose the gradient solver: the ADMM would need about " + WorkingSet.readable(admm)
              + ", more than half of the " + WorkingSet.readable(free) + " free heap";
    }
    return chosen.create(m_Model, m_Admm, m_Gradient, target, context.stopping());
  }

  /** The chosen solver's (auto: the cheaper gradient solver's); no target is needed for its size. */
  @Override
  protected FactorizationSolver solverForEstimate(StoppingRule stopping) {
    AnmfSolver solver = fixedSolver() == AnmfSolver.ADMM ? AnmfSolver.ADMM : AnmfSolver.GRADIENT;
    return solver.create(m_Model, m_Admm, m_Gradient, AttackerTarget.shift(0.0), stopping);
  }

  @Override
  protected String cheaperAlternative(DataMatrix y, int clusters) {
    String general = super.cheaperAlternative(y, clusters);
    return m_Solver == AnmfSolver.GRADIENT ? general : (m_Model.unitNormBases() ? "drop -unit-norm-bases and " : "")
        + "use -solver gradient, which forms no attributes x instances"
        + " auxiliary (about " + WorkingSet.readable(AnmfGradientSolver.workspaceBytes(y.rows(), y.cols(),
        clusters)) + " here), or " + general;
  }

  /** Model (9) as the options set it, for the core solvers. */
  public AnmfModel model() {
    return m_Model;
  }

  /** The ADMM's settings as the options set them. */
  public AdmmSettings admmSettings() {
    return m_Admm;
  }

  /** The gradient solver's settings as the options set them. */
  public GradientSettings gradientSettings() {
    return m_Gradient;
  }

  /**
   * Z from the target option: the shift of Remark 1a (the option "shift", or a {@link ShiftTarget}
   * filter), or the data passed through any other Weka filter (Remark 1b).
   */
  private AttackerTarget attackerTarget(Instances data, FitContext context) throws Exception {
    double dataScale = context.dataScale();
    String spec = m_Target.trim();
    Filter filter = targetFilter();
    if (filter instanceof ShiftTarget) {
      double shift = ((ShiftTarget) filter).getShift();
      if (shift * dataScale > OverflowSafe.SAFE_MAX) {
        throw new IllegalArgumentException("ANMF: the shift (-shift " + shift + ") is " + ModelReport.readable(shift * dataScale)
            + " times the largest data value, too large for the squares the fit forms; give a shift of the"
            + " order of the data's values");
      }
      if (shift >= 0) {
        return AttackerTarget.shift(shift * dataScale);
      }
      // a shift filter given with a seed of its own draws t from that seed's stream, as the filter alone does
      int seed = ((ShiftTarget) filter).getSeed();
      return AttackerTarget.randomShift(context.data(),
          seed == getSeed() ? context.target() : new RandomStreams(seed).target());
    }
    requireAttributeFilter(filter, spec);
    if (context.columnBlocks()) { // each block makes and keeps its Z_b
      if (context.preprocessed()) {
        throw new IllegalArgumentException("ANMF: on column blocks the target filter '" + spec + "' would see the"
            + " preprocessed instances, not the data: with a filter target use -normalize none -term-weighting none,"
            + " or -target shift");
      }
      return AttackerTarget.columnWise(new FilterColumns(data, factorizedAttributes(data), filter, dataScale, spec));
    }
    // each instance carries its row number as its weight through a filter that keeps weights, so one
    // that reorders the rows is caught even when it keeps the shape
    Instances numbered = new Instances(data);
    boolean carriesWeights = filter instanceof WeightedInstancesHandler;
    for (int j = 0; carriesWeights && j < numbered.numInstances(); j++) {
      numbered.instance(j).setWeight(j + 1);
    }
    filter.setInputFormat(numbered);
    Instances target = Filter.useFilter(numbered, filter);
    if (target.numInstances() != data.numInstances() || target.numAttributes() != data.numAttributes()) {
      throw new IllegalArgumentException("ANMF: the target filter '" + spec + "' turned " + data.numInstances()
          + " instances x " + data.numAttributes() + " attributes into " + target.numInstances() + " x "
          + target.numAttributes() + "; the attacker target Z must keep the data's shape");
    }
    String headerChange = data.equalHeadersMsg(target);
    if (headerChange != null) {
      throw new IllegalArgumentException("ANMF: the target filter '" + spec + "' changed the attributes (" + headerChange
          + "); Z must keep each attribute in its place (no Reorder, no renaming), only its values may change");
    }
    requireRowsInPlace(target, spec);
    int[] features = factorizedAttributes(target);
    WekaData.requireNonnegative(target, features, "ANMF target filter '" + spec + "'");
    DenseMatrix z = WekaData.toMatrix(target, features).toDense();
    MatrixOps.scale(z, dataScale);
    return AttackerTarget.explicit(z);
  }

  /**
   * Refuses Weka's instance filters (package {@code weka.filters.*.instance}: Randomize, Resample,
   * RemovePercentage...), alone or as a stage of a MultiFilter: they move, drop or repeat rows.
   */
  private static void requireAttributeFilter(Filter filter, String spec) {
    if (filter instanceof MultiFilter) {
      for (Filter stage : ((MultiFilter) filter).getFilters()) {
        requireAttributeFilter(stage, spec);
      }
    } else if (filter.getClass().getName().matches("weka\\.filters\\.(un)?supervised\\.instance\\..*")) {
      throw new IllegalArgumentException("ANMF: the target filter '" + spec + "' uses " + filter.getClass().getName()
          + ", an instance filter: it moves, drops or repeats rows, and Z must keep instance j in row j."
          + " Use attribute filters (e.g. the package's noise filters) for the target");
    }
  }

  /** Refuses a target whose rows came back in another order (weights dropped by the filter cannot be checked). */
  private static void requireRowsInPlace(Instances target, String spec) {
    boolean weightsKept = false;
    for (int j = 0; j < target.numInstances(); j++) {
      double weight = target.instance(j).weight();
      weightsKept |= weight != 1.0;
      if (weightsKept && weight != j + 1) {
        throw new IllegalArgumentException("ANMF: the target filter '" + spec + "' moved the instances: row " + (j + 1)
            + " of its output is instance " + Utils.doubleToString(weight, 0) + " of the data. Z must keep instance j"
            + " in row j, so filters that reorder or resample rows (Randomize, Resample) cannot make the target");
      }
    }
  }

  /** ‖A − A⁰‖/‖A⁰‖ below which the data did not shape A (the note of the model's output). */
  public static final double STILL_BASIS = 1e-3;

  private static final double DEFAULT_BETA = AnmfModel.builder().build().beta();

  /**
   * Fits, then warns if A stayed within {@link #STILL_BASIS} of its start although beta was
   * raised above the default: β weighs the only term that fits A to the data. At the default (the
   * paper's 1e-5) A staying at its start is the model the defaults were chosen with, and the
   * model's output says so without a warning (raising β moved A on MNIST-150 without changing ACC
   * beyond its spread over seeds).
   */
  @Override
  public void buildClusterer(Instances data) throws Exception {
    super.buildClusterer(data);
    String still = stillBasisNote();
    if (still != null && m_Model.beta() > DEFAULT_BETA) {
      Logger.log(Logger.Level.WARNING, "ANMF: " + still + "; raise -beta further for the data to shape A");
    }
  }

  /** What the fit did with A when it stayed within {@link #STILL_BASIS} of its start, or null. */
  private String stillBasisNote() {
    double moved = getBasisMovement();
    return moved >= STILL_BASIS ? null : "the basis A stayed within "
        + String.format(java.util.Locale.ROOT, "%.2g", moved) + " (relative) of its start A0: beta = " + m_Model.beta()
        + " weighs ||AX - Y||^2, the only term fitting A to the data, lightly"
        + (m_Model.beta() == DEFAULT_BETA ? " (the paper's setting; a larger -beta lets the data shape A)" : "");
  }

  /**
   * At its default -I and -E the ADMM stops at the cap: model (9) with a shifted target settles
   * slowly (to 1e-4 in 986 iterations on Yale, 2172 or over 3000 on MNIST-150, with ACC within the
   * spread of the 200-iteration fit's), and the defaults were chosen at the 200-iteration fit.
   * Other settings warn as every method does.
   */
  @Override
  protected boolean warnsAtIterationCap() {
    StoppingRule defaults = ClusteringSettings.builder().build().stopping();
    return getMaxIterations() != defaults.maxIterations() || getTolerance() != defaults.tolerance();
  }

  @Override
  protected List<String> recipe(FactorizationSolver solver) {
    List<String> lines = new ArrayList<>(Arrays.asList(
        "Attacker target Z: " + ((AbstractAnmfSolver) solver).target().describe(), "Solver: " + solver.describe()));
    if (m_SolverChoice != null) {
      lines.add("Solver choice: " + m_SolverChoice);
    }
    return lines;
  }

  @Override
  protected void describeModel(StringBuilder text) {
    String still = stillBasisNote();
    if (still != null) {
      text.append("Basis: ").append(still).append('\n');
    }
  }

  // ------------------------------------------------------------------ model access

  /** Ã (attributes x clusters), the attacker's basis, copy; in the scaled units of the fit. */
  public double[][] getAdversarialBasis() {
    Factorization fit = getFactorization();
    if (fit == null) {
      throw new IllegalStateException("ANMF: no model built yet; call buildClusterer first");
    }
    return fit.adversarialBasis().toArray();
  }

  /** Relative primal residual per iteration (entry 0 is NaN: before the first iteration); null unless ADMM. */
  public double[] getPrimalResidualTrace() {
    return requireFit().trace(AnmfAdmmSolver.PRIMAL_RESIDUAL);
  }

  /** Relative dual residual per iteration (entry 0 is NaN); null unless the solver is the ADMM. */
  public double[] getDualResidualTrace() {
    return requireFit().trace(AnmfAdmmSolver.DUAL_RESIDUAL);
  }

  /** ‖A − A⁰‖ / ‖A⁰‖: how far the learned basis moved from its start. */
  public double getBasisMovement() {
    return requireFit().measures().get(AbstractAnmfSolver.BASIS_MOVEMENT);
  }

  /** ‖Ã − A⁰‖ / ‖A⁰‖: how far the adversarial basis moved from the common start. */
  public double getAdversarialMovement() {
    return requireFit().measures().get(AbstractAnmfSolver.ADVERSARIAL_MOVEMENT);
  }

  /** ‖Ã − A‖ / ‖A‖. */
  public double getAdversarialGap() {
    return requireFit().measures().get(AbstractAnmfSolver.ADVERSARIAL_GAP);
  }

  /** The shares of α‖ÃX − Y‖², β‖AX − Y‖² and the attacker's term γ‖φ‖² in objective (9) at the end. */
  public double[] getObjectiveShares() {
    java.util.Map<String, Double> measures = requireFit().measures();
    return new double[] {measures.get(AbstractAnmfSolver.ATTACKED_FIT_SHARE),
        measures.get(AbstractAnmfSolver.CLEAN_FIT_SHARE), measures.get(AbstractAnmfSolver.ATTACKER_TERM_SHARE)};
  }

  private Factorization requireFit() {
    Factorization fit = getFactorization();
    if (fit == null) {
      throw new IllegalStateException("ANMF: no model built yet; call buildClusterer first");
    }
    return fit;
  }

  @Override
  public Enumeration<String> enumerateMeasures() {
    Vector<String> names = new Vector<String>(Collections.list(super.enumerateMeasures()));
    names.add("measurePrimalResidual");
    names.add("measureDualResidual");
    names.add("measureBasisMovement");
    names.add("measureAdversarialMovement");
    names.add("measureAdversarialGap");
    names.add("measureAttackedFitShare");
    names.add("measureCleanFitShare");
    names.add("measureAttackerTermShare");
    return names.elements();
  }

  @Override
  public double getMeasure(String measureName) {
    if (measureName.equalsIgnoreCase("measurePrimalResidual")) {
      return lastOrNaN(getPrimalResidualTrace());
    }
    if (measureName.equalsIgnoreCase("measureDualResidual")) {
      return lastOrNaN(getDualResidualTrace());
    }
    String[] shares = {"measureAttackedFitShare", "measureCleanFitShare", "measureAttackerTermShare"};
    for (int t = 0; t < shares.length; t++) {
      if (measureName.equalsIgnoreCase(shares[t])) {
        return getObjectiveShares()[t];
      }
    }
    if (measureName.equalsIgnoreCase("measureBasisMovement")) {
      return getBasisMovement();
    }
    if (measureName.equalsIgnoreCase("measureAdversarialMovement")) {
      return getAdversarialMovement();
    }
    if (measureName.equalsIgnoreCase("measureAdversarialGap")) {
      return getAdversarialGap();
    }
    return super.getMeasure(measureName);
  }

  /** The last entry of a trace, or NaN if the solver keeps no such trace (the gradient solver: no residuals). */
  private static double lastOrNaN(double[] trace) {
    return trace == null ? Double.NaN : trace[trace.length - 1];
  }

  // ------------------------------------------------------------------ properties
  // (display order as in AbstractNMFClusterer: model 20-39, solver 40, solver details 70-89)

  private void updateModel(java.util.function.UnaryOperator<AnmfModel.Builder> change) {
    m_Model = change.apply(m_Model.toBuilder()).build();
  }

  private void updateAdmm(java.util.function.UnaryOperator<AdmmSettings.Builder> change) {
    m_Admm = change.apply(m_Admm.toBuilder()).build();
  }

  @OptionMetadata(displayName = "alpha", displayOrder = 20,
      description = "Weight alpha of the fit of the adversarial reconstruction, ||\u00c3X - Y||^2."
      + " The paper uses 0.6.")
  @CommandLineOption("alpha")
  public double getAlpha() {
    return m_Model.alpha();
  }

  public void setAlpha(double value) {
    updateModel(b -> b.alpha(value));
  }

  @OptionMetadata(displayName = "beta", displayOrder = 21,
      description = "Weight beta of the fit of the clean reconstruction, ||AX - Y||^2. The paper"
      + " uses 1e-5.")
  @CommandLineOption("beta")
  public double getBeta() {
    return m_Model.beta();
  }

  public void setBeta(double value) {
    updateModel(b -> b.beta(value));
  }

  @OptionMetadata(displayName = "gamma", displayOrder = 22,
      description = "Weight gamma of the penalty that makes \u00c3 the attacker's best response;"
      + " lower it if a fit diverges. The paper uses 1e-3.")
  @CommandLineOption("gamma")
  public double getGamma() {
    return m_Model.gamma();
  }

  public void setGamma(double value) {
    updateModel(b -> b.gamma(value));
  }

  @OptionMetadata(displayName = "lambda", displayOrder = 23,
      description = "The attacker's cost lambda ||\u00c3 - A||^2 of moving away from A. The paper"
      + " uses 1e-3.")
  @CommandLineOption("lambda")
  public double getLambda() {
    return m_Model.lambda();
  }

  public void setLambda(double value) {
    updateModel(b -> b.lambda(value));
  }

  @OptionMetadata(displayName = "unit-norm bases", displayOrder = 24,
      description = "Scale-fixed ANMF: every column of A and \u00c3 kept at unit norm (ADMM only)."
      + " Without it model (9) has no minimiser with a shifted target: shrinking X and growing the"
      + " bases lowers it without end, and the attacker's term fades along that path"
      + " (docs/ALGORITHM.md 5.1, 5.4).")
  @CommandLineOption("unit-norm-bases")
  public boolean getUnitNormBases() {
    return m_Model.unitNormBases();
  }

  public void setUnitNormBases(boolean value) {
    updateModel(b -> b.unitNormBases(value));
  }

  @OptionMetadata(displayName = "attacker target", displayOrder = 25,
      description = "The attacker's target Z, a filter of the training data. ConstantShift (the default):"
      + " Z = Y + t, the paper's Remark 1a, t drawn from [0, 5 sigma] with ANMF's seed unless given; AllFilter:"
      + " Z = Y, the data themselves; a noise filter of this package, or a MultiFilter chain of them: the"
      + " paper's stages 2-3 on the observed data (Remark 1b); any other attribute filter that keeps the"
      + " attributes and rows in place and the values nonnegative.")
  public Filter getAttackerTarget() {
    return targetFilter();
  }

  /** The command-line form of {@code filter}: {@code -target shift -shift t} for the shift filter, else its spec. */
  public void setAttackerTarget(Filter filter) {
    ShiftTarget shift = filter instanceof ShiftTarget ? (ShiftTarget) filter : null;
    if (filter == null || shift != null && (shift.getShift() >= 0 || shift.getSeed() == getSeed())) {
      m_Target = SHIFT_TARGET;
      m_Shift = filter == null ? -1 : shift.getShift();
    } else {
      // a drawn shift with a seed other than ANMF's keeps its seed in the spec
      String spec = Utils.toCommandLine(filter);
      if (shift == null) {
        requireShapeKept(filter, spec);
      }
      m_Target = spec;
      m_Shift = -1;
    }
  }

  /**
   * Refuses, when it is chosen, a target filter that does not keep the shape of a small image set
   * (16 pixels x 8 instances, values in [0, 1]): Z must keep every attribute and instance in its
   * place. A filter that cannot run on that probe is left to the data at build time.
   */
  private static void requireShapeKept(Filter filter, String spec) {
    requireAttributeFilter(filter, spec);
    ArrayList<Attribute> pixels = new ArrayList<>();
    for (int a = 0; a < 16; a++) {
      pixels.add(new Attribute("pixel" + a));
    }
    Instances probe = new Instances("shape_probe_w4_h4", pixels, 8);
    for (int j = 0; j < 8; j++) {
      double[] values = new double[16];
      for (int a = 0; a < 16; a++) {
        values[a] = ((j * 16 + a) % 7) / 7.0;
      }
      probe.add(new DenseInstance(1.0, values));
    }
    Instances filtered;
    try {
      Filter copy = Filter.makeCopy(filter);
      copy.setInputFormat(probe);
      filtered = Filter.useFilter(probe, copy);
    } catch (Exception cannotJudge) {
      return;
    }
    if (filtered.numInstances() != probe.numInstances() || !probe.equalHeaders(filtered)) {
      throw new IllegalArgumentException("ANMF: the attacker target (-target) '" + spec + "' turned 8 instances x 16"
          + " numeric attributes into " + filtered.numInstances() + " x " + filtered.numAttributes() + (filtered
          .numAttributes() == 16 ? " with other attributes" : "") + "; Z must keep the data's shape and attributes:"
          + " choose ConstantShift, AllFilter, a noise filter of this package or a MultiFilter chain of them");
    }
  }

  /** The target option as a filter: for "shift", the shift filter of -shift, seeded as this clusterer. */
  private Filter targetFilter() {
    String spec = m_Target.trim();
    boolean shift = spec.isEmpty() || spec.equalsIgnoreCase(SHIFT_TARGET);
    String[] parts;
    try {
      parts = shift ? new String[] {ShiftTarget.FILTER_CLASS, ShiftTarget.SHIFT_OPTION, String.valueOf(m_Shift),
          "-S", String.valueOf(getSeed())} : Utils.splitOptions(spec);
      String className = parts[0];
      parts[0] = "";
      return (Filter) Utils.forName(Filter.class, className, parts);
    } catch (Exception e) {
      throw new IllegalArgumentException("ANMF: cannot create the target filter '" + spec + "' (-target): "
          + e.getMessage(), e);
    }
  }

  @OptionMetadata(displayName = "attacker target (command line)", displayOrder = 25,
      description = "The attacker's target Z on the command line: shift for Z = Y + t (Remark 1a), or a"
      + " filter specification (class name and options) applied to the training data (Remark 1b), for"
      + " instance a MultiFilter chain of the package's noise filters. Example:"
      + " \"weka.filters.unsupervised.attribute.SaltAndPepperNoise -P 10 -S 2\".")
  @CommandLineOption(value = "target", synopsis = "-target <shift|filter spec>")
  @ProgrammaticProperty
  public String getTarget() {
    return m_Target;
  }

  public void setTarget(String value) {
    m_Target = value == null || value.trim().isEmpty() ? SHIFT_TARGET : value;
    if (!m_Target.trim().equalsIgnoreCase(SHIFT_TARGET)) {
      Filter filter = targetFilter();
      if (!(filter instanceof ShiftTarget)) {
        requireShapeKept(filter, m_Target.trim());
      }
    }
  }

  @OptionMetadata(displayName = "shift", displayOrder = 26,
      description = "The shift t of the shift target, in the data's units; negative draws t uniformly"
      + " from [0, 5 sigma] with the seed, as the paper (sigma: the standard deviation of the"
      + " entries of Y).")
  @CommandLineOption("shift")
  @ProgrammaticProperty
  public double getShift() {
    return m_Shift;
  }

  public void setShift(double value) {
    m_Shift = AttackerTarget.checkedShift(value);
  }

  @OptionMetadata(displayName = "solver", displayOrder = 40,
      description = "How model (9) is solved: admm, the paper's Algorithm 1 (corrected), gradient,"
      + " block-coordinate descent for large or sparse data, or auto (the default): the ADMM where its"
      + " working set fits in half the free heap and the data have no missing values, the gradient"
      + " solver otherwise, with the choice and why in the model's output. The gradient solver (exact"
      + " sweeps on A and \u00c3, Armijo projected gradient on X) never forms an attributes x"
      + " instances matrix and keeps sparse data sparse; it ignores the ADMM-only settings and stops"
      + " on the relative change of the objective.")
  @CommandLineOption("solver")
  public SelectedTag getSolver() {
    return EnumTags.selected(m_Solver, TAGS_SOLVER);
  }

  public void setSolver(SelectedTag value) {
    m_Solver = EnumTags.value(value, AnmfSolver.class, "solver (-solver)");
  }

  @OptionMetadata(displayName = "ADMM penalty mu", displayOrder = 70,
      description = "The ADMM penalty mu, its start value when the penalty is adaptive (ADMM only)."
      + " The paper uses 1; 100 reaches feasibility within the iteration budget on real data"
      + " (docs/ALGORITHM.md); the default 10 clustered best in the protocol study (docs/REPRODUCTION.md:"
      + " 1.4 to 13 ACC points above 100 with k-means assignment on MNIST-150, Yale and ORL).")
  @CommandLineOption("mu")
  public double getMu() {
    return m_Admm.mu();
  }

  public void setMu(double value) {
    updateAdmm(b -> b.mu(value));
  }

  @OptionMetadata(displayName = "U update", displayOrder = 71,
      description = "How the ADMM's U sub-problem is solved: exact nonnegative minimiser, or as"
      + " printed in the paper (unconstrained solve, then negatives set to 0).")
  @CommandLineOption("U")
  public SelectedTag getUUpdate() {
    return EnumTags.selected(m_Admm.uUpdate(), TAGS_U_UPDATE);
  }

  public void setUUpdate(SelectedTag value) {
    AdmmSettings.UUpdate rule = EnumTags.value(value, AdmmSettings.UUpdate.class, "U update (-U)");
    updateAdmm(b -> b.uUpdate(rule));
  }

  @OptionMetadata(displayName = "U inner steps", displayOrder = 72,
      description = "Accelerated projected-gradient steps per exact U update, warm-started (ADMM only)."
          + " One step (the linearised ADMM) costs 2-4 times less per iteration and reaches nearly the same"
          + " objective at equal iterations (docs/BENCHMARKS.md).")
  @CommandLineOption("inner")
  public int getUInnerIterations() {
    return m_Admm.uInnerIterations();
  }

  public void setUInnerIterations(int value) {
    updateAdmm(b -> b.uInnerIterations(value));
  }

  @OptionMetadata(displayName = "U linear solve", displayOrder = 73,
      description = "The linear solve of the paper's U update: Cholesky of the min(m, N) Gram matrix,"
      + " conjugate gradients, or whichever is cheaper (ADMM only).")
  @CommandLineOption("solve")
  public SelectedTag getLinearSolve() {
    return EnumTags.selected(m_Admm.linearSolve(), TAGS_LINEAR_SOLVE);
  }

  public void setLinearSolve(SelectedTag value) {
    AdmmSettings.LinearSolve solve = EnumTags.value(value, AdmmSettings.LinearSolve.class,
        "linear solve (-solve)");
    updateAdmm(b -> b.linearSolve(solve));
  }

  @OptionMetadata(displayName = "adaptive penalty", displayOrder = 74,
      description = "Adapt mu by balancing primal and dual residuals (ADMM only). Residual balancing"
      + " as Boyd et al. 2011, 3.4.1; off by default: on ANMF the dual residual stays large (the"
      + " model has no minimiser along a scaling direction) and mu collapses.")
  @CommandLineOption("adaptive-penalty")
  public boolean getAdaptivePenalty() {
    return m_Admm.adaptivePenalty();
  }

  public void setAdaptivePenalty(boolean value) {
    updateAdmm(b -> b.adaptivePenalty(value));
  }

  @OptionMetadata(displayName = "penalty factor", displayOrder = 75,
      description = "Factor by which an adaptive mu is multiplied or divided (ADMM only).")
  @CommandLineOption("penalty-factor")
  public double getPenaltyFactor() {
    return m_Admm.penaltyFactor();
  }

  public void setPenaltyFactor(double value) {
    updateAdmm(b -> b.penaltyFactor(value));
  }

  @OptionMetadata(displayName = "penalty threshold", displayOrder = 76,
      description = "An adaptive mu changes when one residual exceeds the other by this ratio (ADMM only).")
  @CommandLineOption("penalty-threshold")
  public double getPenaltyThreshold() {
    return m_Admm.penaltyThreshold();
  }

  public void setPenaltyThreshold(double value) {
    updateAdmm(b -> b.penaltyThreshold(value));
  }

  @OptionMetadata(displayName = "no start rescaling", displayOrder = 77,
      description = "Start from X0 as the initialisation gives it, as the paper, instead of rescaling"
      + " it by <A0X0, Y> / ||A0X0||^2 to fit Y.")
  @CommandLineOption("no-start-rescaling")
  public boolean getNoStartRescaling() {
    return !m_Admm.rescaleStart();
  }

  /** Both solvers start from the rescaled X0 unless this is set. */
  public void setNoStartRescaling(boolean value) {
    updateAdmm(b -> b.rescaleStart(!value));
    m_Gradient = m_Gradient.toBuilder().rescaleStart(!value).build();
  }

  @OptionMetadata(displayName = "stopping rule", displayOrder = 78,
      description = "The ADMM's convergence test with the tolerance: change (relative primal residual"
      + " and relative change of the objective), residuals (relative primal and dual residuals), scale-free"
      + " (relative primal residual and relative change of the scale-free coefficients diag(||a_r||) X, which"
      + " a drift of scale between A and X does not move), or paper, rule (26) with absolute squared norms,"
      + " rarely met on real data.")
  @CommandLineOption("stop")
  public SelectedTag getStopping() {
    return EnumTags.selected(m_Admm.toleranceRule(), TAGS_STOPPING);
  }

  public void setStopping(SelectedTag value) {
    AdmmSettings.ToleranceRule rule = EnumTags.value(value, AdmmSettings.ToleranceRule.class,
        "stopping rule (-stop)");
    updateAdmm(b -> b.toleranceRule(rule));
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runClusterer(new ANMF(), args);
  }
}
