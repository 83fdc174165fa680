package adversarialnmf.spark;

import java.io.Serializable;

/** One instance as read: its number (0-based), where it came from, and its feature values. */
final class ParsedRow implements Serializable {

  private static final long serialVersionUID = 6029141338713367313L;

  final long instance;
  /** Line of the text file (1-based), or -1 for a table row. */
  final long line;
  /** Feature indices of the stored values, or null when {@link #values} holds all m features. */
  final int[] indices;
  final double[] values;

  ParsedRow(long instance, long line, int[] indices, double[] values) {
    this.instance = instance;
    this.line = line;
    this.indices = indices;
    this.values = values;
  }

  double max() {
    double largest = 0.0;
    for (double v : values) {
      largest = Math.max(largest, v);
    }
    return largest;
  }
}
