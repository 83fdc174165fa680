package adversarialnmf.cluster;

import adversarialnmf.init.InitializationMethod;
import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.MissingValues;
import adversarialnmf.linalg.Parallelism;
import adversarialnmf.solver.StoppingRule;
import java.io.Serializable;

/**
 * Everything about a clustering fit that is not the method's own model: the rank, the stopping
 * rule, the start, the scaling and preprocessing, missing values, restarts, the assignment and the
 * prediction rule, and the seed. One validated, immutable value, made by {@link #builder()}; every
 * check names the option a Weka user sets, so a face need not repeat it.
 */
public final class ClusteringSettings implements Serializable {

  private static final long serialVersionUID = -2254473946180373652L;

  private final int clusters;
  private final StoppingRule stopping;
  private final InitializationMethod initialization;
  private final double indicatorOffset;
  private final DataScaling scaling;
  private final int executionSlots;
  private final AssignmentRule assignmentRule;
  private final int assignmentRestarts;
  private final InstanceNormalisation normalisation;
  private final TermWeighting weighting;
  private final PredictionRule prediction;
  private final MissingValues missingValues;
  private final int restarts;
  private final long seed;

  private ClusteringSettings(Builder b) {
    if (b.clusters < 1) {
      throw new IllegalArgumentException("number of clusters (-N) must be at least 1, got " + b.clusters);
    }
    if (b.restarts < 1) {
      throw new IllegalArgumentException("number of restarts (-restarts) must be at least 1, got " + b.restarts);
    }
    if (b.assignmentRestarts < 1) {
      throw new IllegalArgumentException("k-means assignment restarts (-assign-restarts) must be at least 1, got "
          + b.assignmentRestarts);
    }
    Parallelism.executionSlots(b.executionSlots); // the core's check of -num-slots
    clusters = b.clusters;
    stopping = b.stopping;
    initialization = b.initialization;
    indicatorOffset = KMeansInitialization.checkedOffset(b.indicatorOffset);
    scaling = b.scaling;
    executionSlots = b.executionSlots;
    assignmentRule = b.assignmentRule;
    assignmentRestarts = b.assignmentRestarts;
    normalisation = b.normalisation;
    weighting = b.weighting;
    prediction = b.prediction;
    missingValues = b.missingValues;
    restarts = b.restarts;
    seed = b.seed;
  }

  /** The package's defaults (the protocol study's, docs/REPRODUCTION.md). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.clusters = clusters;
    b.stopping = stopping;
    b.initialization = initialization;
    b.indicatorOffset = indicatorOffset;
    b.scaling = scaling;
    b.executionSlots = executionSlots;
    b.assignmentRule = assignmentRule;
    b.assignmentRestarts = assignmentRestarts;
    b.normalisation = normalisation;
    b.weighting = weighting;
    b.prediction = prediction;
    b.missingValues = missingValues;
    b.restarts = restarts;
    b.seed = seed;
    return b;
  }

  /** The rank n: clusters, columns of the basis. */
  public int clusters() {
    return clusters;
  }

  public StoppingRule stopping() {
    return stopping;
  }

  public InitializationMethod initialization() {
    return initialization;
  }

  /** The constant added to the k-means indicator to form X0. */
  public double indicatorOffset() {
    return indicatorOffset;
  }

  public DataScaling scaling() {
    return scaling;
  }

  /** Threads of the fit: 0 = one per available processor. */
  public int executionSlots() {
    return executionSlots;
  }

  /** The assignment rule with its k-means restarts (1 under argmax). */
  public Assignment assignment() {
    return Assignment.of(assignmentRule, assignmentRestarts);
  }

  public AssignmentRule assignmentRule() {
    return assignmentRule;
  }

  /** The k-means runs of the assignment, as set (kept under argmax, which runs once). */
  public int assignmentRestarts() {
    return assignmentRestarts;
  }

  public InstanceNormalisation normalisation() {
    return normalisation;
  }

  public TermWeighting weighting() {
    return weighting;
  }

  public PredictionRule prediction() {
    return prediction;
  }

  public MissingValues missingValues() {
    return missingValues;
  }

  /** Starts fitted; the one with the lowest final objective is kept. */
  public int restarts() {
    return restarts;
  }

  public long seed() {
    return seed;
  }

  /** Collects settings; {@link #build()} checks them together. */
  public static final class Builder {
    private int clusters = 2;
    private StoppingRule stopping = new StoppingRule(200, 1e-4);
    private InitializationMethod initialization = InitializationMethod.AUTO;
    private double indicatorOffset = 0.2;
    private DataScaling scaling = DataScaling.MAX;
    private int executionSlots;
    private AssignmentRule assignmentRule = AssignmentRule.KMEANS;
    private int assignmentRestarts = 10;
    private InstanceNormalisation normalisation = InstanceNormalisation.AUTO;
    private TermWeighting weighting = TermWeighting.AUTO;
    private PredictionRule prediction = PredictionRule.MODEL;
    private MissingValues missingValues = MissingValues.MASK;
    private int restarts = 1;
    private long seed = 1;

    private Builder() {
    }

    public Builder clusters(int value) {
      clusters = value;
      return this;
    }

    public Builder stopping(StoppingRule value) {
      stopping = value;
      return this;
    }

    public Builder initialization(InitializationMethod value) {
      initialization = value;
      return this;
    }

    public Builder indicatorOffset(double value) {
      indicatorOffset = value;
      return this;
    }

    public Builder scaling(DataScaling value) {
      scaling = value;
      return this;
    }

    public Builder executionSlots(int value) {
      executionSlots = value;
      return this;
    }

    public Builder assignment(AssignmentRule rule, int kMeansRestarts) {
      assignmentRule = rule;
      assignmentRestarts = kMeansRestarts;
      return this;
    }

    public Builder normalisation(InstanceNormalisation value) {
      normalisation = value;
      return this;
    }

    public Builder weighting(TermWeighting value) {
      weighting = value;
      return this;
    }

    public Builder prediction(PredictionRule value) {
      prediction = value;
      return this;
    }

    public Builder missingValues(MissingValues value) {
      missingValues = value;
      return this;
    }

    public Builder restarts(int value) {
      restarts = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** @throws IllegalArgumentException naming the option whose value is out of range */
    public ClusteringSettings build() {
      return new ClusteringSettings(this);
    }
  }
}
