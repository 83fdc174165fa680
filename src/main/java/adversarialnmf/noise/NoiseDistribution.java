package adversarialnmf.noise;

import java.util.Random;

/** Zero-mean, unit-variance distributions for additive noise. */
public enum NoiseDistribution {
  GAUSSIAN {
    @Override
    double sample(Random random) {
      return random.nextGaussian();
    }
  },
  /** Laplace with scale 1/sqrt(2): a random sign times an Exp(1) draw, so the variance is one. */
  LAPLACE {
    @Override
    double sample(Random random) {
      // 1 - nextDouble() lies in (0, 1], so the logarithm is finite
      double magnitude = -Math.log(1.0 - random.nextDouble()) / Math.sqrt(2.0);
      return random.nextBoolean() ? magnitude : -magnitude;
    }
  };

  abstract double sample(Random random);
}
