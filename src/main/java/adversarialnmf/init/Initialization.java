package adversarialnmf.init;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.solver.Factors;
import java.util.Random;

/** A strategy that produces the starting factors A (m x n) and X (n x N) for a solver. */
public interface Initialization {

  /** Starting factors of rank {@code rank} for Y; all randomness comes from {@code random}. */
  Factors initialize(DataMatrix y, int rank, Random random);

  /** A short name for toString() of the models. */
  String describe();
}
