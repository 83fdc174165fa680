package weka.filters.unsupervised.attribute;

import adversarialnmf.noise.NoiseDistribution;

/** Additive Laplace (double exponential) noise on images stored one per instance, clipped at 0. */
public class LaplaceNoise extends AbstractAdditiveNoise {

  private static final long serialVersionUID = -6052618399513322184L;

  @Override
  public String globalInfo() {
    return "Additive Laplace (double exponential) noise for images stored one per instance"
        + " (pixels row-major in the numeric non-class attributes). In each image, round(P% of the"
        + " pixels) distinct pixels (default all) get zero-mean Laplace noise of standard"
        + " deviation sigma added;"
        + " results below zero are set to zero so the data stay nonnegative. Sigma is a multiple"
        + " of the standard deviation of all pixel values of the first batch, or absolute. Only"
        + " the first batch is corrupted unless everyBatch is set.";
  }

  @Override
  protected NoiseDistribution distribution() {
    return NoiseDistribution.LAPLACE;
  }

  public static void main(String[] args) {
    runFilter(new LaplaceNoise(), args);
  }
}
