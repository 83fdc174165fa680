package adversarialnmf.spark;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import weka.clusterers.AbstractNMFClusterer;

/** The job is an adapter of the package's one fit path: it knows no method of its own. */
@AnalyzeClasses(packages = "adversarialnmf.spark",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class JobArchitectureTest {

  /** No face class (ANMF, NMF, CappedNMF...) and no solver: the clusterer named on the command line brings both. */
  @ArchTest
  static final ArchRule theJobNamesNoMethod = noClasses()
      .that().resideInAPackage("adversarialnmf.spark..")
      .should().dependOnClassesThat(resideInAPackage("weka.clusterers..")
          .and(not(type(AbstractNMFClusterer.class))))
      .orShould().dependOnClassesThat().resideInAnyPackage("adversarialnmf.solver.anmf..")
      .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Nmf")
      .because("a rule written in the job as well as in the face drifts from it (issue 23)");

  /** The fit's organisation (start streams, restarts, preprocessing choices) is ClusteringFit's. */
  @ArchTest
  static final ArchRule theJobLeavesTheFitToTheCore = noClasses()
      .that().resideInAPackage("adversarialnmf.spark..")
      .should().dependOnClassesThat().belongToAnyOf(adversarialnmf.RandomStreams.class,
          adversarialnmf.solver.Restarts.class, adversarialnmf.cluster.NmfClustering.class)
      .orShould().callMethod(adversarialnmf.cluster.InstancePreprocessing.class, "of",
          adversarialnmf.cluster.TermWeighting.class, adversarialnmf.cluster.InstanceNormalisation.class,
          boolean.class, int[].class, int.class);
}
