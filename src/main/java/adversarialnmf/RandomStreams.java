package adversarialnmf;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * The independent random streams of one fit, derived from its seed: the start, the attacker
 * target (ANMF's drawn shift) and the assignment (k-means on the coefficients). Each is seeded
 * from its own draw of a {@link SplittableRandom}, so a change in how much one of them draws
 * leaves the others as they were.
 */
public final class RandomStreams {

  private final long initialisationSeed;
  private final long targetSeed;
  private final long assignmentSeed;

  public RandomStreams(long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    initialisationSeed = root.split().nextLong();
    targetSeed = root.split().nextLong();
    assignmentSeed = root.split().nextLong();
  }

  /** A fresh generator for the start (the same sequence on every call). */
  public Random initialisation() {
    return new Random(initialisationSeed);
  }

  /** A fresh generator for the attacker target. */
  public Random target() {
    return new Random(targetSeed);
  }

  /** A fresh generator for the assignment rule. */
  public Random assignment() {
    return new Random(assignmentSeed);
  }
}
