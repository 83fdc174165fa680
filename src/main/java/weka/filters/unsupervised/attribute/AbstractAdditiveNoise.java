package weka.filters.unsupervised.attribute;

import adversarialnmf.noise.AdditiveNoise;
import adversarialnmf.noise.ImageCorruption;
import adversarialnmf.noise.NoiseDistribution;
import adversarialnmf.noise.PixelStatistics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.Option;
import weka.core.Utils;

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

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = new Vector<>();
    options.add(new Option("\tStandard deviation of the noise, as a multiple of the standard"
        + "\n\tdeviation of all pixel values (default 0.1)", "sigma", 1, "-sigma <value>"));
    options.add(new Option("\tSigma is absolute (in pixel units), not relative to the data",
        "absolute", 0, "-absolute"));
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    setSigma(doubleOption("sigma", 0.1, options));
    setAbsoluteSigma(Utils.getFlag("absolute", options));
    super.setOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<>();
    options.add("-sigma");
    options.add(Double.toString(m_Sigma));
    if (m_AbsoluteSigma) {
      options.add("-absolute");
    }
    Collections.addAll(options, super.getOptions());
    return options.toArray(new String[0]);
  }

  public String sigmaTipText() {
    return "Standard deviation of the noise: a multiple of the standard deviation of all pixel"
        + " values of the first batch, or in pixel units if absoluteSigma is set.";
  }

  public double getSigma() {
    return m_Sigma;
  }

  public void setSigma(double sigma) {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("Sigma (-sigma) must be finite and >= 0, got " + sigma);
    }
    m_Sigma = sigma;
  }

  public String absoluteSigmaTipText() {
    return "If true sigma is in pixel units; if false (default) it is relative to the standard"
        + " deviation of all pixel values of the first batch.";
  }

  public boolean getAbsoluteSigma() {
    return m_AbsoluteSigma;
  }

  public void setAbsoluteSigma(boolean absolute) {
    m_AbsoluteSigma = absolute;
  }
}
