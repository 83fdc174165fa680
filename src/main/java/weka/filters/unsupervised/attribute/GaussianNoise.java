package weka.filters.unsupervised.attribute;

import adversarialnmf.noise.NoiseDistribution;

/** Additive Gaussian noise on images stored one per instance, clipped at zero. */
public class GaussianNoise extends AbstractAdditiveNoise {

  private static final long serialVersionUID = 4139286735211620871L;

  @Override
  public String globalInfo() {
    return "Additive Gaussian noise for images stored one per instance (pixels row-major in"
        + " the numeric non-class attributes). In each image, round(P% of the pixels) distinct"
        + " pixels (default all) get zero-mean Gaussian noise of standard deviation sigma added;"
        + " results below zero are set to zero so the data stay nonnegative. Sigma is a multiple"
        + " of the standard deviation of all pixel values of the first batch, or absolute. Only"
        + " the first batch is corrupted unless everyBatch is set.";
  }

  @Override
  protected NoiseDistribution distribution() {
    return NoiseDistribution.GAUSSIAN;
  }

  public static void main(String[] args) {
    runFilter(new GaussianNoise(), args);
  }
}
