package weka.filters.unsupervised.attribute;

import adversarialnmf.noise.ImageCorruption;
import adversarialnmf.noise.PixelStatistics;
import adversarialnmf.noise.SaltAndPepper;

/**
 * Salt and pepper noise on images stored one per instance: in each image, round(p m) distinct
 * pixels drawn at random are set to the maximum (salt) or the minimum (pepper), each with
 * probability one half.
 */
public class SaltAndPepperNoise extends AbstractValueRangeNoise {

  private static final long serialVersionUID = -1617962455113598707L;

  @Override
  public String globalInfo() {
    return "Salt and pepper noise for images stored one per instance (pixels row-major in the"
        + " numeric non-class attributes). In each image, round(P% of the pixels) distinct pixels"
        + " drawn at random are set to the maximum (salt) or the minimum (pepper) with probability"
        + " one half each. The extremes default to the first batch's pixel range. Image geometry"
        + " comes from the options, else the relation name (_w<W>_h<H>), else a square. Only the"
        + " first batch is corrupted unless everyBatch is set.";
  }

  @Override
  protected ImageCorruption createCorruption(PixelStatistics firstBatch) {
    return new SaltAndPepper(fraction());
  }

  public static void main(String[] args) {
    runFilter(new SaltAndPepperNoise(), args);
  }
}
