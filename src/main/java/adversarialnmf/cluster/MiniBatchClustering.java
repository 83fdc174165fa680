package adversarialnmf.cluster;

import adversarialnmf.RandomStreams;
import adversarialnmf.linalg.Blas;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.MiniBatchNmf;
import adversarialnmf.solver.NonnegativeProjection;
import adversarialnmf.solver.StopReason;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Clustering by mini-batch NMF over a stream of instances (docs/MINIBATCH.md): gathers the
 * instances into batches for {@link MiniBatchNmf}, keeps a uniform sample of the stream for the
 * k-means assignment (reservoir sampling, Vitter's algorithm R), sums the online objective of each
 * pass, and makes the {@link NmfClustering} of the learnt basis. It holds the solver's state, one
 * batch and the sample, whatever the length of the stream.
 */
public final class MiniBatchClustering implements Serializable {

  private static final long serialVersionUID = -5893364112970372651L;

  /** k-means runs of the assignment (as the batch clusterers' default -assign-restarts). */
  static final int ASSIGNMENT_RESTARTS = 10;

  private final MiniBatchNmf solver;
  private final int batchCapacity;
  private final Assignment assignment;
  private final int sampleCapacity;
  /** The batch being gathered, attributes x capacity (column j its j-th instance); not serialised. */
  private transient DenseMatrix batch;
  private int batchCount;
  private long seen;
  /** The squared residual of each pass at coding time; the last entry is the pass under way. */
  private final List<Double> passResiduals = new ArrayList<>(Collections.singletonList(0.0));
  /** Kept with the model, so that a stream resumed after {@link #finish} goes on sampling all of it. */
  private final List<double[]> sample = new ArrayList<>();
  private long sampled;
  private final Random assignmentRandom;

  /**
   * @param batchSize instances per batch (at least 1)
   * @param rule how coefficients become clusters; k-means is fitted on the sample
   * @param sampleSize the most instances the k-means sample holds (at least 1)
   * @param seed the solver's start and the assignment's stream (sample and k-means)
   */
  public MiniBatchClustering(int attributes, int rank, double forgetting, int basisSweeps, int batchSize,
      AssignmentRule rule, int sampleSize, long seed) {
    if (batchSize < 1 || sampleSize < 1) {
      throw new IllegalArgumentException("the batch and the k-means sample hold at least 1 instance, got "
          + batchSize + " and " + sampleSize);
    }
    this.solver = new MiniBatchNmf(attributes, rank, forgetting, basisSweeps, seed);
    this.batchCapacity = batchSize;
    this.assignment = Assignment.of(rule, ASSIGNMENT_RESTARTS);
    this.sampleCapacity = sampleSize;
    this.assignmentRandom = new RandomStreams(seed).assignment();
  }

  /**
   * Learns from one more instance: its values (finite, nonnegative: the caller's check) join the
   * batch, which is learnt when full; {@code sampled} says whether it may enter the k-means sample
   * (false in all but the last of several passes over the same data).
   */
  public void learn(double[] values, boolean sampled) {
    if (values.length != solver.attributes()) {
      throw new IllegalArgumentException("an instance of " + values.length + " values does not fit mini-batch NMF"
          + " of " + solver.attributes() + " attributes");
    }
    seen++;
    if (batch == null) { // a fresh stream, or one resumed by a model read from a file
      batch = new DenseMatrix(values.length, batchCapacity);
    }
    int column = batchCount++;
    for (int r = 0; r < values.length; r++) {
      batch.set(r, column, values[r]);
    }
    if (sampled && assignment.rule() == AssignmentRule.KMEANS) {
      sample(values);
    }
    if (batchCount == batchCapacity) {
      flushBatch();
    }
  }

  private void sample(double[] values) {
    this.sampled++;
    if (sample.size() < sampleCapacity) {
      sample.add(values.clone());
      return;
    }
    long slot = (long) (assignmentRandom.nextDouble() * this.sampled);
    if (slot < sampleCapacity) {
      sample.set((int) slot, values.clone());
    }
  }

  /** Ends a pass over a data set: its last, partial batch is learnt and a new pass begins. */
  public void endPass() {
    flushBatch();
    passResiduals.add(0.0);
  }

  private void flushBatch() {
    if (batchCount == 0) {
      return;
    }
    DenseMatrix full = batch;
    if (batchCount < batchCapacity) { // the last, partial batch of a pass
      full = new DenseMatrix(batch.rows(), batchCount);
      for (int r = 0; r < full.rows(); r++) {
        System.arraycopy(batch.data(), r * batchCapacity, full.data(), r * batchCount, batchCount);
      }
    }
    int last = passResiduals.size() - 1;
    passResiduals.set(last, passResiduals.get(last) + solver.partialFit(full));
    batchCount = 0;
  }

  /**
   * Learns the batch still gathering and returns the clustering of the basis: coefficients by NNLS
   * onto it, clusters by the assignment rule (k-means on the sample's coefficients).
   *
   * @throws IllegalStateException if fewer instances than clusters were seen or sampled
   */
  public NmfClustering finish() {
    flushBatch();
    int rank = solver.rank();
    if (seen < rank || (assignment.rule() == AssignmentRule.KMEANS && sample.size() < rank)) {
      throw new IllegalStateException(seen + " instances (" + sample.size() + " sampled) cannot make " + rank
          + " clusters");
    }
    DenseMatrix basis = solver.basis();
    NonnegativeProjection coefficientRule =
        new NonnegativeProjection(basis, "nonnegative least squares onto the basis W");
    // instance by instance: a copy of the sample as one matrix would double its memory
    DenseMatrix coefficients = new DenseMatrix(rank, sample.size());
    for (int j = 0; j < sample.size(); j++) {
      double[] x = coefficientRule.coefficients(sample.get(j));
      for (int r = 0; r < rank; r++) {
        coefficients.set(r, j, x[r]);
      }
    }
    Factorization fit = Factorization.builder().factors(basis, coefficients).objectiveTrace(passResiduals())
        .iterations(passResiduals.size()).stopReason(StopReason.MAX_ITERATIONS)
        .linearAlgebra(Blas.selected().describe()).outOfSampleRule(coefficientRule).build();
    return NmfClustering.of(fit, coefficients, InstancePreprocessing.NONE, 1.0, assignment, PredictionRule.MODEL,
        assignmentRandom);
  }

  /** The squared residual of each pass, every instance against the basis its batch was coded with. */
  public double[] passResiduals() {
    double[] out = new double[passResiduals.size()];
    for (int p = 0; p < out.length; p++) {
      out[p] = passResiduals.get(p);
    }
    return out;
  }

  /** Instances seen, in every pass (the ordinal of the last one). */
  public long seen() {
    return seen;
  }

  /** Instances in the k-means sample now. */
  public int sampleSize() {
    return sample.size();
  }

  /** The solver (read only: its counts, description and state size). */
  public MiniBatchNmf solver() {
    return solver;
  }

  /** Bytes of one batch. */
  public long batchBytes() {
    return 8L * solver.attributes() * batchCapacity;
  }
}
