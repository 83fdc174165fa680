package weka.filters.unsupervised.attribute;

import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.noise.AdditiveNoise;
import adversarialnmf.noise.ImageCorruption;
import adversarialnmf.noise.NoiseDistribution;
import adversarialnmf.noise.PixelStatistics;
import weka.core.OptionMetadata;

/**
 * Base of the additive noise filters: P% of each image's pixels (default all) get zero-mean noise
 * of standard deviation sigma added, clipped at zero. Sigma is relative to the standard deviation
 * of all pixel values of the first batch unless it is absolute.
 */
public abstract class AbstractAdditiveNoise extends AbstractImageNoise {

  private static final long serialVersionUID = 8832790128745103127L;

  protected double m_Sigma = 0.1;

  /** Whether sigma is in the data's units rather than a multiple of the data's std. */
  protected boolean m_AbsoluteSigma = false;

  /** The distribution of the noise, scaled to unit variance. */
  protected abstract NoiseDistribution distribution();

  @Override
  protected double defaultPercent() {
    return 100;
  }

  @Override
  protected ImageCorruption createCorruption(PixelStatistics firstBatch) {
    double sigma = m_AbsoluteSigma ? m_Sigma : m_Sigma * firstBatch.standardDeviation();
    if (Double.isInfinite(sigma)) {
      throw new IllegalArgumentException(getClass().getName() + ": -sigma " + m_Sigma + " times the pixels' standard"
          + " deviation (" + firstBatch.standardDeviation() + ") is beyond double precision; lower -sigma");
    }
    return new AdditiveNoise(fraction(), sigma, distribution());
  }

  @OptionMetadata(displayName = "sigma", displayOrder = 20,
      description = "Standard deviation of the noise: a multiple of the standard deviation of all pixel"
      + " values of the first batch, or in pixel units if absolute sigma is set.")
  @CommandLineOption(value = "sigma", synopsis = "-sigma <value>")
  public double getSigma() {
    return m_Sigma;
  }

  public void setSigma(double sigma) {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("Sigma (-sigma) must be finite and >= 0, got " + sigma);
    }
    m_Sigma = sigma;
  }

  @OptionMetadata(displayName = "absolute sigma", displayOrder = 21,
      description = "Sigma is in pixel units, not relative to the standard deviation of the first batch's"
      + " pixel values.")
  @CommandLineOption("absolute")
  public boolean getAbsoluteSigma() {
    return m_AbsoluteSigma;
  }

  public void setAbsoluteSigma(boolean absolute) {
    m_AbsoluteSigma = absolute;
  }
}
