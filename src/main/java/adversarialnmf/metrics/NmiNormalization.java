package adversarialnmf.metrics;

/**
 * How mutual information I(U;V) is scaled into [0, 1] by the two entropies H(U), H(V). The
 * variants differ by several points on the same partition, so a reported NMI must say which.
 */
public enum NmiNormalization {

  /**
   * I / max(H(U), H(V)): Deng Cai's {@code MutualInfo.m}, the convention of most NMF clustering
   * papers (and of the ANMF paper's tables).
   */
  MAX("max") {
    @Override
    double normaliser(double hU, double hV) {
      return Math.max(hU, hV);
    }
  },
  /** I / sqrt(H(U) H(V)) (Strehl &amp; Ghosh 2002). */
  SQRT("sqrt") {
    @Override
    double normaliser(double hU, double hV) {
      return Math.sqrt(hU * hV);
    }
  },
  /** I / ((H(U) + H(V)) / 2): scikit-learn's default; equals the V-measure. */
  ARITHMETIC("arithmetic") {
    @Override
    double normaliser(double hU, double hV) {
      return 0.5 * (hU + hV);
    }
  },
  /** I / min(H(U), H(V)). */
  MIN("min") {
    @Override
    double normaliser(double hU, double hV) {
      return Math.min(hU, hV);
    }
  };

  private final String optionName;

  NmiNormalization(String optionName) {
    this.optionName = optionName;
  }

  abstract double normaliser(double hU, double hV);

  /** The lower-case name used in command-line options. */
  public String optionName() {
    return optionName;
  }

  /** Parses an option name such as {@code max} (case-insensitive). */
  public static NmiNormalization fromOptionName(String name) {
    for (NmiNormalization n : values()) {
      if (n.optionName.equalsIgnoreCase(name.trim())) {
        return n;
      }
    }
    throw new IllegalArgumentException(
        "unknown NMI normalisation '" + name + "'; valid: max, sqrt, arithmetic, min");
  }
}
