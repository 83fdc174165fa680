package weka.filters.unsupervised.attribute;

import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.noise.Connectivity;
import adversarialnmf.noise.ImageCorruption;
import adversarialnmf.noise.IrregularPatch;
import adversarialnmf.noise.PixelStatistics;
import weka.core.OptionMetadata;

/**
 * One random connected blob per image covering P% of its area, grown from a random seed pixel,
 * filled with random values or a constant.
 */
public class IrregularPatchNoise extends AbstractPatchNoise {

  private static final long serialVersionUID = -2019580330953417036L;

  protected int m_Connectivity = 4;

  @Override
  public String globalInfo() {
    return "Irregular patch noise (occlusion) for images stored one per instance (pixels"
        + " row-major in the numeric non-class attributes). Each image gets one connected blob of"
        + " round(P% of the pixels) pixels, grown from a random seed pixel by repeatedly adding a"
        + " random pixel of its 4- or 8-connected boundary, filled with random values uniform in"
        + " [min, max] (default: the first batch's pixel range) or a constant. Image geometry"
        + " comes from the options, else the relation name (_w<W>_h<H>), else a square. Only the"
        + " first batch is corrupted unless everyBatch is set.";
  }

  @Override
  protected ImageCorruption createCorruption(PixelStatistics firstBatch) {
    return new IrregularPatch(fraction(),
        m_Connectivity == 8 ? Connectivity.EIGHT : Connectivity.FOUR, patchFill());
  }

  @OptionMetadata(displayName = "connectivity", displayOrder = 20,
      description = "Which pixels are neighbours when the blob grows: 4 (sharing an edge) or 8 (sharing"
      + " an edge or a corner).")
  @CommandLineOption(value = "connectivity", synopsis = "-connectivity <4|8>")
  public int getConnectivity() {
    return m_Connectivity;
  }

  public void setConnectivity(int connectivity) {
    if (connectivity != 4 && connectivity != 8) {
      throw new IllegalArgumentException("Connectivity (-connectivity) must be 4 or 8, got "
          + connectivity);
    }
    m_Connectivity = connectivity;
  }

  public static void main(String[] args) {
    runFilter(new IrregularPatchNoise(), args);
  }
}
