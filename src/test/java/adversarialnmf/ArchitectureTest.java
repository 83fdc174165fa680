package adversarialnmf;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries DESIGN.md promises, checked on the compiled main classes (ours only: no jars,
 * no tests).
 */
@AnalyzeClasses(packages = {"adversarialnmf", "weka"},
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  /** The math core is usable without Weka; only the adapter package may touch Weka's types. */
  @ArchTest
  static final ArchRule coreImportsNoWeka = noClasses()
      .that().resideInAPackage("adversarialnmf..")
      .and().resideOutsideOfPackage("adversarialnmf.weka..")
      .should().dependOnClassesThat().resideInAPackage("weka..")
      .because("the core must run and be tested without Weka (adapters live in adversarialnmf.weka)");

  /** Package cycles among our packages, core and faces alike. */
  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("(**)").should().beFreeOfCycles();

  /** A solver is a function of (Y, target, options, start): starts, scores and noise are not its business. */
  @ArchTest
  static final ArchRule solversAreIndependentOfTheirSurroundings = noClasses()
      .that().resideInAPackage("adversarialnmf.solver..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "adversarialnmf.init..", "adversarialnmf.metrics..", "adversarialnmf.noise..")
      .because("a solver takes its start and target as values (DESIGN.md, rules of thumb)");

  /**
   * The linear algebra sits at the bottom: it uses nothing else of ours but {@link Choice}, the
   * dependency-free vocabulary its MissingValues policies are named in.
   */
  @ArchTest
  static final ArchRule linearAlgebraIsTheBottomLayer = noClasses()
      .that().resideInAPackage("adversarialnmf.linalg..")
      .should().dependOnClassesThat(resideInAPackage("adversarialnmf..")
          .and(resideOutsideOfPackage("adversarialnmf.linalg.."))
          .and(type(Choice.class).negate()));

  /**
   * A fit is organised once, in {@code adversarialnmf.cluster.ClusteringFit}: the faces supply a
   * solver and options, and neither start, restarts nor instance preprocessing.
   */
  @ArchTest
  static final ArchRule facesLeaveTheFitToTheCore = noClasses()
      .that().resideInAPackage("weka.clusterers..")
      .should().dependOnClassesThat().belongToAnyOf(adversarialnmf.init.Initialization.class,
          adversarialnmf.cluster.InstancePreprocessing.class)
      .orShould().callMethod(adversarialnmf.solver.Restarts.class, "seeds", long.class, int.class)
      .because("the fit path is ClusteringFit's (issue 23): a second copy of it drifts from the first");
}
