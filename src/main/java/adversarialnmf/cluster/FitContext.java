package adversarialnmf.cluster;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.solver.StoppingRule;
import java.util.Random;

/** What a method's solver is made from (see {@link FactorizationMethod#solver}). */
public final class FitContext {

  private final DataMatrix data;
  private final double dataScale;
  private final StoppingRule stopping;
  private final int clusters;
  private final Random target;
  private final boolean columnBlocks;

  FitContext(DataMatrix data, double dataScale, StoppingRule stopping, int clusters, Random target,
      boolean columnBlocks) {
    this.data = data;
    this.dataScale = dataScale;
    this.stopping = stopping;
    this.clusters = clusters;
    this.target = target;
    this.columnBlocks = columnBlocks;
  }

  /**
   * Y as factorized (preprocessed and scaled); for data in column blocks a summary that knows only
   * the shape, the sum and the squared norm.
   */
  public DataMatrix data() {
    return data;
  }

  /** The factor the preprocessed data were multiplied by (1 for -scaling none). */
  public double dataScale() {
    return dataScale;
  }

  public StoppingRule stopping() {
    return stopping;
  }

  public int clusters() {
    return clusters;
  }

  /** The random stream of the attacker target (ANMF's drawn shift), the first run's. */
  public Random target() {
    return target;
  }

  /** True if the solver will run on column blocks (the Spark job): it must have a block form. */
  public boolean columnBlocks() {
    return columnBlocks;
  }
}
