package adversarialnmf.noise;

import java.util.Locale;
import java.util.Random;

/**
 * Additive noise: round(p m) distinct pixels get sigma times a unit-variance draw added, and the
 * result is clipped at zero so that the image stays nonnegative. The value range is not used.
 */
public final class AdditiveNoise implements ImageCorruption {

  private static final long serialVersionUID = 1L;

  private final double fraction;
  private final double sigma;
  private final NoiseDistribution distribution;

  public AdditiveNoise(double fraction, double sigma, NoiseDistribution distribution) {
    this.fraction = ImageCorruption.checkFraction(fraction);
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("Noise standard deviation must be finite and >= 0, got "
          + sigma);
    }
    if (distribution == null) {
      throw new IllegalArgumentException("Noise distribution must be given");
    }
    this.sigma = sigma;
    this.distribution = distribution;
  }

  @Override
  public void corrupt(double[] pixels, int width, int height, ValueRange range, Random random) {
    ImageCorruption.checkImage(pixels, width, height);
    int count = ImageCorruption.pixelCount(fraction, pixels.length);
    int[] positions = PixelSampling.distinctPositions(count, pixels.length, random);
    for (int i = 0; i < count; i++) {
      int p = positions[i];
      pixels[p] = Math.max(0.0, pixels[p] + sigma * distribution.sample(random));
    }
  }

  @Override
  public String describe() {
    return distribution.name().toLowerCase(Locale.ROOT) + " noise of standard deviation " + sigma
        + " on " + 100 * fraction + "% of pixels, clipped at zero";
  }
}
