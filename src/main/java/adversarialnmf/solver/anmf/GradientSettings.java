package adversarialnmf.solver.anmf;

import java.io.Serializable;

/**
 * The settings of ANMF's block-coordinate gradient solver ({@link AnmfGradientSolver}), apart from
 * model (9): whether X⁰ is rescaled to fit Y, and the Armijo backtracking of its X step. An
 * immutable, validated value made by {@link #builder()}.
 */
public final class GradientSettings implements Serializable {

  private static final long serialVersionUID = -2270912093395538016L;

  private final boolean rescaleStart;
  private final double sufficientDecrease;
  private final int maxBacktracks;

  private GradientSettings(Builder b) {
    this.rescaleStart = b.rescaleStart;
    this.sufficientDecrease = b.sufficientDecrease;
    this.maxBacktracks = b.maxBacktracks;
  }

  /** The defaults: rescaled start, Lin's (2007) sufficient decrease 0.01, at most 40 halvings. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset to these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.rescaleStart = rescaleStart;
    b.sufficientDecrease = sufficientDecrease;
    b.maxBacktracks = maxBacktracks;
    return b;
  }

  /** Whether X0 is scaled by ⟨A0X0, Y⟩ / ‖A0X0‖² before the first iteration, as the ADMM does. */
  public boolean rescaleStart() {
    return rescaleStart;
  }

  /** Armijo's fraction: a trial X is accepted when (9) falls by at least this share of the predicted decrease. */
  public double sufficientDecrease() {
    return sufficientDecrease;
  }

  /** Halvings of the X step before the iteration keeps X (2^-40 of the trial step by default). */
  public int maxBacktracks() {
    return maxBacktracks;
  }

  @Override
  public String toString() {
    return "GradientSettings[start " + (rescaleStart ? "rescaled" : "as given") + ", sufficient decrease "
        + sufficientDecrease + ", at most " + maxBacktracks + " halvings]";
  }

  /** Collects settings; {@link #build()} validates them all at once. */
  public static final class Builder {
    private boolean rescaleStart = true;
    private double sufficientDecrease = 0.01;
    private int maxBacktracks = 40;

    private Builder() {
    }

    public Builder rescaleStart(boolean value) {
      rescaleStart = value;
      return this;
    }

    public Builder sufficientDecrease(double value) {
      sufficientDecrease = value;
      return this;
    }

    public Builder maxBacktracks(int value) {
      maxBacktracks = value;
      return this;
    }

    /** @throws IllegalArgumentException naming the setting, its value and what is valid */
    public GradientSettings build() {
      if (!(sufficientDecrease > 0.0 && sufficientDecrease < 1.0)) {
        throw new IllegalArgumentException("sufficientDecrease must be a number in (0, 1), got " + sufficientDecrease);
      }
      if (maxBacktracks < 0) {
        throw new IllegalArgumentException("maxBacktracks must be at least 0, got " + maxBacktracks);
      }
      return new GradientSettings(this);
    }
  }
}
