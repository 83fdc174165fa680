package adversarialnmf.metrics;

import adversarialnmf.Choice;

/**
 * How mutual information I(U;V) is scaled into [0, 1] by the two entropies H(U), H(V). The
 * variants differ by several points on the same partition, so a reported NMI must say which.
 */
public enum NmiNormalization implements Choice {

  /**
   * I / max(H(U), H(V)): Deng Cai's {@code MutualInfo.m}, the convention of most NMF clustering
   * papers (and of the ANMF paper's tables).
   */
  MAX("max", "I / max(H(U), H(V)), as most NMF papers (Deng Cai's MutualInfo.m)") {
    @Override
    double normaliser(double hU, double hV) {
      return Math.max(hU, hV);
    }
  },
  /** I / sqrt(H(U) H(V)) (Strehl &amp; Ghosh 2002). */
  SQRT("sqrt", "I / sqrt(H(U) H(V)), Strehl and Ghosh") {
    @Override
    double normaliser(double hU, double hV) {
      return Math.sqrt(hU * hV);
    }
  },
  /** I / ((H(U) + H(V)) / 2): scikit-learn's default; equals the V-measure. */
  ARITHMETIC("arithmetic", "I / mean(H(U), H(V)), scikit-learn's default") {
    @Override
    double normaliser(double hU, double hV) {
      return 0.5 * (hU + hV);
    }
  },
  /** I / min(H(U), H(V)). */
  MIN("min", "I / min(H(U), H(V))") {
    @Override
    double normaliser(double hU, double hV) {
      return Math.min(hU, hV);
    }
  };

  private final String optionName;
  private final String description;

  NmiNormalization(String optionName, String description) {
    this.optionName = optionName;
    this.description = description;
  }

  @Override
  public String key() {
    return optionName;
  }

  @Override
  public String description() {
    return description;
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
