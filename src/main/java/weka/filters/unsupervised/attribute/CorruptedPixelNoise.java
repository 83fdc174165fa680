package weka.filters.unsupervised.attribute;

import adversarialnmf.noise.CorruptedPixels;
import adversarialnmf.noise.ImageCorruption;
import adversarialnmf.noise.PixelStatistics;

/**
 * Random corrupted pixels on images stored one per instance: in each image, round(p m) distinct
 * pixels drawn at random are replaced by values uniform in the value range.
 */
public class CorruptedPixelNoise extends AbstractValueRangeNoise {

  private static final long serialVersionUID = 2466826170437419560L;

  @Override
  public String globalInfo() {
    return "Random corrupted pixels for images stored one per instance (pixels row-major in the"
        + " numeric non-class attributes). In each image, round(P% of the pixels) distinct pixels"
        + " drawn at random are replaced by values uniform in [min, max], which defaults to the"
        + " first batch's pixel range. Image geometry comes from the options, else the relation"
        + " name (_w<W>_h<H>), else a square. Only the first batch is corrupted unless everyBatch"
        + " is set.";
  }

  @Override
  protected ImageCorruption createCorruption(PixelStatistics firstBatch) {
    return new CorruptedPixels(fraction());
  }

  public static void main(String[] args) {
    runFilter(new CorruptedPixelNoise(), args);
  }
}
