package adversarialnmf.cluster;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.SparseData;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.StoppingRule;
import java.util.Collections;
import java.util.List;

/**
 * What a method brings to {@link ClusteringFit}: its solver for a fit, and what the fit must know
 * of it beforehand. Everything else of a fit (checks, preprocessing, scaling, start, restarts,
 * assignment) is the same for every method and lives in {@link ClusteringFit}.
 */
public interface FactorizationMethod {

  /** Who speaks in messages: the Weka clusterer's class name, or the job's. */
  String who();

  /** The method's short name (e.g. "ANMF"). */
  String name();

  /** The solver of this fit, made once for all its restarts (so that their objectives compare). */
  FactorizationSolver solver(FitContext context) throws Exception;

  /**
   * A solver whose working set is the fit's (or a lower bound of it), made without the data or the
   * seed, for the memory check before the start is computed; null if only the real solver can tell.
   */
  default FactorizationSolver solverForEstimate(StoppingRule stopping) {
    return null;
  }

  /** False where the iteration cap is the stop the method's defaults were chosen at, so such a fit does not warn. */
  default boolean warnsAtIterationCap() {
    return true;
  }

  /** False if the method's update has no masked form and missing values must be imputed. */
  default boolean fitsMissingValues() {
    return true;
  }

  /** What to do instead when {@link #fitsMissingValues()} is false. */
  default String missingValuesAdvice() {
    return IMPUTE_ADVICE;
  }

  /** The advice for data with missing values that a method cannot fit around. */
  String IMPUTE_ADVICE = "impute them first (-missing mean)";

  /** What to do when a fit does not fit in the heap; a method with a cheaper solver says which. */
  default String cheaperAlternative(DataMatrix y, int clusters) {
    return generalAlternative(y);
  }

  /** What any method's fit can do when it does not fit in the heap. */
  static String generalAlternative(DataMatrix y) {
    return "give Java a larger heap (e.g. java -Xmx8g), " + (y instanceof SparseData ? ""
        : "store mostly-zero data as sparse instances (Y then stays sparse), ")
        + "or lower the number of clusters (-N) or the iteration cap (-I)";
  }

  /** How the fit was made beyond its start, for the model's description: the solver just made, its settings. */
  default List<String> recipe(FactorizationSolver solver) {
    return Collections.emptyList();
  }
}
