package adversarialnmf.cluster;

import adversarialnmf.init.Initialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MissingValues;
import adversarialnmf.linalg.Parallelism;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.OutOfSampleRule;
import adversarialnmf.solver.ProgressListener;
import java.util.Random;

/**
 * The training data of a {@link ClusteringFit} wherever they live: one matrix in this JVM
 * ({@link InMemoryData}) or column blocks on a cluster (the Spark job's). The fit asks only what
 * follows; each form answers it where its data are, so the two forms of a fit are one procedure.
 * A transformation returns new data and leaves these as they were.
 */
public interface TrainingData {

  /** m, the attributes (rows of Y). */
  int rows();

  /** N, the instances (columns of Y). */
  int columns();

  /** The entries missing. */
  int missingCount();

  /** The data as the policy leaves them for the fit (a masked fit keeps its missing entries). */
  TrainingData withMissingValues(MissingValues policy);

  /** True if under {@link InstancePreprocessing#SPARSE_SHARE} of the observed entries are nonzero. */
  boolean isSparse();

  /** Per attribute, the instances where it is nonzero (tf-idf's document frequencies). */
  int[] documentFrequencies();

  /** Each instance preprocessed (not yet scaled). */
  TrainingData preprocessed(InstancePreprocessing preprocessing);

  /** The largest value. */
  double max();

  /** Every value multiplied by {@code factor}, with the bits a new instance gets. */
  TrainingData scaled(double factor);

  /** True if the data live in column blocks, which only a solver's block form fits. */
  boolean columnBlocks();

  /** Y itself in memory; for column blocks a matrix that knows only Y's shape, sum and squared norm. */
  DataMatrix summary();

  /** The start of the given kind on these data (a masked fit's start sees them mean-imputed). */
  Factors start(Initialization initialization, int rank, Random random);

  /** A fit of the solver from each start, in the order given. */
  Factorization[] fit(FactorizationSolver solver, Factors[] starts, Parallelism slots, ProgressListener listener);

  /** The coefficients (n x N) the rule gives every instance. */
  DenseMatrix coefficients(OutOfSampleRule rule);
}
