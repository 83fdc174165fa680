package adversarialnmf.weka;

/**
 * A filter that is ANMF's shift target Z = Y + t·1 (Remark 1a): ANMF fits it as the shift itself
 * (never materialised; a new instance gets z = y + t) rather than as a filtered copy of the data.
 * ANMF knows the filter by this interface and by {@link #FILTER_CLASS}, not by its type: the
 * filters' package depends on the clusterers' (the factorization filter), so the clusterers may not
 * depend on it.
 */
public interface ShiftTarget {

  /** The filter that implements this interface, as ANMF creates it for {@code -target shift}. */
  String FILTER_CLASS = "weka.filters.unsupervised.attribute.ConstantShift";

  /** The option of {@link #FILTER_CLASS} that holds t. */
  String SHIFT_OPTION = "-shift";

  /** t in the data's units; negative: drawn uniformly from [0, 5σ], by ANMF from its own target stream. */
  double getShift();

  /** The seed of a drawn t: its attacker-target stream, ANMF's for the same seed. */
  int getSeed();
}
