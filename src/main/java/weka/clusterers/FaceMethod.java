package weka.clusterers;

import adversarialnmf.cluster.FactorizationMethod;
import adversarialnmf.cluster.FitContext;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.StoppingRule;
import java.util.List;
import weka.core.Instances;

/** A clusterer's hooks as the {@link FactorizationMethod} of one fit on the given training instances. */
final class FaceMethod implements FactorizationMethod {

  private final AbstractNMFClusterer face;
  private final Instances trainingData;

  FaceMethod(AbstractNMFClusterer face, Instances trainingData) {
    this.face = face;
    this.trainingData = trainingData;
  }

  @Override
  public String who() {
    return face.getClass().getName();
  }

  @Override
  public String name() {
    return face.methodName();
  }

  @Override
  public FactorizationSolver solver(FitContext context) throws Exception {
    return face.createSolver(trainingData, context);
  }

  @Override
  public FactorizationSolver solverForEstimate(StoppingRule stopping) {
    return face.solverForEstimate(stopping);
  }

  @Override
  public boolean warnsAtIterationCap() {
    return face.warnsAtIterationCap();
  }

  @Override
  public boolean fitsMissingValues() {
    return face.fitsMissingValues();
  }

  @Override
  public String missingValuesAdvice() {
    return face.missingValuesAdvice();
  }

  @Override
  public String cheaperAlternative(DataMatrix y, int clusters) {
    return face.cheaperAlternative(y, clusters);
  }

  @Override
  public List<String> recipe(FactorizationSolver solver) {
    return face.recipe(solver);
  }
}
