package adversarialnmf.noise;

/** Which pixels count as neighbours when growing an irregular patch. */
public enum Connectivity {
  /** Pixels sharing an edge. */
  FOUR(new int[] {-1, 1, 0, 0}, new int[] {0, 0, -1, 1}),
  /** Pixels sharing an edge or a corner. */
  EIGHT(new int[] {-1, -1, -1, 0, 0, 1, 1, 1}, new int[] {-1, 0, 1, -1, 1, -1, 0, 1});

  private final int[] rowSteps;
  private final int[] columnSteps;

  Connectivity(int[] rowSteps, int[] columnSteps) {
    this.rowSteps = rowSteps;
    this.columnSteps = columnSteps;
  }

  int numNeighbours() {
    return rowSteps.length;
  }

  int rowStep(int k) {
    return rowSteps[k];
  }

  int columnStep(int k) {
    return columnSteps[k];
  }
}
