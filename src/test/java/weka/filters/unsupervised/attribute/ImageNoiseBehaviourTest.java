package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.noise.PatchFill;
import adversarialnmf.noise.PatchShape;
import adversarialnmf.noise.PixelStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.core.SparseInstance;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.MultiFilter;

class ImageNoiseBehaviourTest {

  private static final String PACKAGE = "weka.filters.unsupervised.attribute.";

  private static AbstractImageNoise filter(String spec) throws Exception {
    String[] options = Utils.splitOptions(spec);
    String name = options[0];
    options[0] = "";
    return (AbstractImageNoise) Utils.forName(Filter.class, PACKAGE + name, options);
  }

  /** One filter of each kind, each changing some of every image. */
  private static List<AbstractImageNoise> allFilters() throws Exception {
    List<AbstractImageNoise> filters = new ArrayList<>();
    filters.add(filter("SaltAndPepperNoise -P 10"));
    filters.add(filter("CorruptedPixelNoise -P 20"));
    filters.add(filter("RegularPatchNoise -P 25"));
    filters.add(filter("IrregularPatchNoise -P 25 -connectivity 8"));
    filters.add(filter("GaussianNoise -sigma 0.2"));
    filters.add(filter("LaplaceNoise -sigma 0.2 -P 50"));
    return filters;
  }

  private static Instances apply(Filter filter, Instances data) throws Exception {
    filter.setInputFormat(data);
    return Filter.useFilter(data, filter);
  }

  private static int changedPixels(Instance before, Instance after, int numPixels) {
    int changed = 0;
    for (int p = 0; p < numPixels; p++) {
      changed += before.value(p) == after.value(p) ? 0 : 1;
    }
    return changed;
  }

  private static void assertSameValues(Instances expected, Instances actual) {
    assertEquals(expected.numInstances(), actual.numInstances());
    for (int i = 0; i < expected.numInstances(); i++) {
      assertArrayEquals(expected.instance(i).toDoubleArray(), actual.instance(i).toDoubleArray(),
          "instance " + i);
    }
  }

  @Test
  void classAndOtherAttributesPassThroughAndMissingPixelsStayMissing() throws Exception {
    Instances data = NoiseTestData.images(60, 8, 6, 1, true);
    int pixels = 48;
    for (AbstractImageNoise filter : allFilters()) {
      Instances out = apply(filter, data);
      assertTrue(out.equalHeaders(data), filter.getClass().getSimpleName());
      int changed = 0;
      for (int i = 0; i < data.numInstances(); i++) {
        Instance in = data.instance(i);
        Instance o = out.instance(i);
        assertEquals(in.stringValue(pixels), o.stringValue(pixels));
        assertEquals(in.value(pixels + 1), o.value(pixels + 1));
        assertEquals(in.isMissing(pixels + 2), o.isMissing(pixels + 2));
        assertEquals(in.classValue(), o.classValue(), 0.0);
        assertEquals(in.weight(), o.weight());
        for (int p = 0; p < pixels; p++) {
          assertEquals(in.isMissing(p), o.isMissing(p), "pixel " + p + " of instance " + i);
        }
        changed += changedPixels(in, o, pixels);
      }
      assertTrue(changed > 0, filter.getClass().getSimpleName() + " changed nothing");
    }
  }

  @Test
  void changedFractionMatchesThePercentage() throws Exception {
    // 16 x 16 images with values in [50, 200]: every touched pixel changes
    Instances data = NoiseTestData.images(1000, 16, 16, 2, false);
    int m = 256;
    String[] specs = {"SaltAndPepperNoise -P 10 -min 0 -max 255", "CorruptedPixelNoise -P 20",
      "RegularPatchNoise -P 25", "IrregularPatchNoise -P 30", "GaussianNoise -P 40 -sigma 0.1",
      "LaplaceNoise -P 5 -sigma 0.1"};
    double[] expectedPerImage = {26, 51, 64, 77, 102, 13}; // round(p m); a 8 x 8 patch for 25%
    for (int f = 0; f < specs.length; f++) {
      Instances out = apply(filter(specs[f]), data);
      long total = 0;
      for (int i = 0; i < data.numInstances(); i++) {
        int changed = changedPixels(data.instance(i), out.instance(i), m);
        assertEquals(expectedPerImage[f], changed, specs[f] + ", image " + i);
        total += changed;
      }
      double p = AbstractImageNoise.class.cast(filter(specs[f])).getPercent() / 100;
      double measured = total / (double) (m * data.numInstances());
      // within one pixel's rounding of p per image, and the binomial tolerance of a per-pixel coin
      assertEquals(p, measured, 0.5 / m + 5 * Math.sqrt(p * (1 - p) / (m * data.numInstances())),
          specs[f]);
    }
  }

  @Test
  void sameSeedSameOutputDifferentSeedDifferentOutput() throws Exception {
    Instances data = NoiseTestData.images(30, 8, 6, 3, false);
    for (AbstractImageNoise filter : allFilters()) {
      Instances first = apply(filter, data);
      Instances again = apply(filter, data);
      assertSameValues(first, again);
      filter.setSeed(2);
      Instances other = apply(filter, data);
      boolean differs = false;
      for (int i = 0; i < data.numInstances() && !differs; i++) {
        differs = !Arrays.equals(first.instance(i).toDoubleArray(),
            other.instance(i).toDoubleArray());
      }
      assertTrue(differs, filter.getClass().getSimpleName());
    }
  }

  @Test
  void onlyTheFirstBatchIsCorruptedUnlessEveryBatch() throws Exception {
    Instances train = NoiseTestData.images(40, 8, 6, 4, false);
    Instances test = NoiseTestData.images(25, 8, 6, 5, false);
    for (AbstractImageNoise filter : allFilters()) {
      String name = filter.getClass().getSimpleName();
      Instances corruptedTrain = apply(filter, train);
      assertEquals(40, corruptedTrain.numInstances());
      assertSameValues(test, Filter.useFilter(test, filter));
      // the second batch also passes through when fed one instance at a time
      for (Instance instance : test) {
        assertTrue(filter.input(instance), name);
        assertArrayEquals(instance.toDoubleArray(), filter.output().toDoubleArray(), name);
      }
      filter.batchFinished();

      filter.setEveryBatch(true);
      Instances trainAgain = apply(filter, train);
      assertSameValues(corruptedTrain, trainAgain);
      Instances corruptedTest = Filter.useFilter(test, filter);
      int changed = 0;
      for (int i = 0; i < test.numInstances(); i++) {
        changed += changedPixels(test.instance(i), corruptedTest.instance(i), 48);
      }
      assertTrue(changed > 0, name + " left the second batch alone in every-batch mode");
    }
  }

  @Test
  void sparseInputGivesTheSameValuesAsDenseAndKeepsCorruptedZeros() throws Exception {
    Instances sparse = NoiseTestData.sparseImages(80, 10, 10, 6);
    Instances dense = NoiseTestData.densified(sparse);
    for (AbstractImageNoise filter : allFilters()) {
      String name = filter.getClass().getSimpleName();
      Instances fromSparse = apply(filter, sparse);
      Instances fromDense = apply(filter, dense);
      assertSameValues(fromDense, fromSparse);
      int zerosMadeNonzero = 0;
      for (int i = 0; i < sparse.numInstances(); i++) {
        Instance in = sparse.instance(i);
        Instance out = fromSparse.instance(i);
        assertTrue(out instanceof SparseInstance, name);
        for (int p = 0; p < 100; p++) {
          if (in.value(p) == 0 && out.value(p) != 0) {
            zerosMadeNonzero++;
            // the corrupted zero is stored as an explicit value
            SparseInstance stored = (SparseInstance) out;
            assertEquals(p, stored.index(stored.locateIndex(p)), name + " pixel " + p);
          }
        }
      }
      assertTrue(zerosMadeNonzero > 0, name);
    }
  }

  private static Filter chainFromSpec(String spec) throws Exception {
    String[] options = Utils.splitOptions(spec);
    String name = options[0];
    options[0] = "";
    return (Filter) Utils.forName(Filter.class, name, options);
  }

  @Test
  void multiFilterSpecChainsStagesLikeSequentialFiltering() throws Exception {
    Instances data = NoiseTestData.images(50, 8, 6, 7, false);
    Filter chain = chainFromSpec("weka.filters.MultiFilter -S 7"
        + " -F \"" + PACKAGE + "CorruptedPixelNoise -P 20\""
        + " -F \"" + PACKAGE + "RegularPatchNoise -P 25 -fill constant\"");
    assertTrue(chain instanceof MultiFilter);
    Instances chained = apply(chain, data);

    // Weka's MultiFilter hands its own seed to every Randomizable stage
    AbstractImageNoise stage2 = filter("CorruptedPixelNoise -P 20 -S 7");
    AbstractImageNoise stage3 = filter("RegularPatchNoise -P 25 -fill constant -S 7");
    Instances sequential = apply(stage3, apply(stage2, data));
    assertSameValues(sequential, chained);
    assertTrue(chained.relationName().startsWith(data.relationName()));
  }

  @Test
  void stagesSharingASeedStillCorruptDifferentPixels() throws Exception {
    Instances data = NoiseTestData.images(200, 8, 6, 12, false);
    String stage = " -F \"" + PACKAGE + "SaltAndPepperNoise -P 10 -min 0 -max 255\"";
    Instances twice = apply(chainFromSpec("weka.filters.MultiFilter" + stage + stage), data);
    // values in [50, 200] never equal an extreme: the changed pixels are the union of the two
    // stages' 5 pixels, 5 + 5 - 25/48 on average if independent, exactly 5 if repeated
    long changed = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      changed += changedPixels(data.instance(i), twice.instance(i), 48);
    }
    assertEquals(10 - 25 / 48.0, changed / 200.0, 0.3);
  }

  @Test
  void pixelRangeAndGeometryOptionsPickThePixels() throws Exception {
    Instances data = NoiseTestData.images(20, 4, 3, 8, false);
    data.insertAttributeAt(new Attribute("id"), 0);
    for (int i = 0; i < data.numInstances(); i++) {
      data.instance(i).setValue(0, i);
    }
    AbstractImageNoise filter = filter("CorruptedPixelNoise -P 50");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> filter.setInputFormat(data));
    assertTrue(e.getMessage().contains("4x3") && e.getMessage().contains("13")
        && e.getMessage().contains("relation name") && e.getMessage().contains("first-last"),
        e.getMessage());

    filter.setPixelAttributes("2-last");
    Instances out = apply(filter, data);
    for (int i = 0; i < data.numInstances(); i++) {
      assertEquals(i, out.instance(i).value(0));
      assertEquals(6, changedPixels(data.instance(i), out.instance(i), 13));
    }

    filter.setPixelAttributes("2-x");
    e = assertThrows(IllegalArgumentException.class, () -> filter.setInputFormat(data));
    assertTrue(e.getMessage().contains("-R") && e.getMessage().contains("2-x"), e.getMessage());
    filter.setPixelAttributes("2-last");

    filter.setImageWidth(6);
    filter.setImageHeight(2);
    apply(filter, data);
    filter.setImageHeight(3);
    e = assertThrows(IllegalArgumentException.class, () -> filter.setInputFormat(data));
    assertTrue(e.getMessage().contains("6x3") && e.getMessage().contains("width/height"),
        e.getMessage());
  }

  @Test
  void valueRangeOptionsBoundTheWrittenValues() throws Exception {
    Instances data = NoiseTestData.images(30, 8, 6, 9, false);
    Instances out = apply(filter("SaltAndPepperNoise -P 30 -min 1 -max 2"), data);
    for (int i = 0; i < data.numInstances(); i++) {
      for (int p = 0; p < 48; p++) {
        double v = out.instance(i).value(p);
        assertTrue(v == data.instance(i).value(p) || v == 1 || v == 2, "value " + v);
      }
    }
    // defaults: the data's own extremes
    PixelStatistics stats = new PixelStatistics();
    for (Instance instance : data) {
      for (int p = 0; p < 48; p++) {
        stats.add(instance.value(p));
      }
    }
    out = apply(filter("SaltAndPepperNoise -P 30"), data);
    for (int i = 0; i < data.numInstances(); i++) {
      for (int p = 0; p < 48; p++) {
        double v = out.instance(i).value(p);
        assertTrue(v == data.instance(i).value(p) || v == stats.range().min()
            || v == stats.range().max(), "value " + v);
      }
    }
    AbstractImageNoise bad = filter("CorruptedPixelNoise -min 5 -max 3");
    Exception e = assertThrows(IllegalArgumentException.class, () -> apply(bad, data));
    assertTrue(e.getMessage().contains("-min") && e.getMessage().contains("-max"),
        e.getMessage());
  }

  @Test
  void constantFillWritesTheConstantOverThePatch() throws Exception {
    Instances data = NoiseTestData.images(30, 10, 10, 10, false);
    Instances out = apply(filter("RegularPatchNoise -P 36 -fill constant -fill-value 0"), data);
    for (int i = 0; i < data.numInstances(); i++) {
      int zeros = 0;
      for (int p = 0; p < 100; p++) {
        zeros += out.instance(i).value(p) == 0 ? 1 : 0;
      }
      assertEquals(36, zeros);
      assertEquals(36, changedPixels(data.instance(i), out.instance(i), 100));
    }
  }

  @Test
  void relativeSigmaScalesWithTheDataStandardDeviation() throws Exception {
    Instances data = NoiseTestData.images(400, 16, 16, 11, false);
    PixelStatistics stats = new PixelStatistics();
    for (Instance instance : data) {
      for (int p = 0; p < 256; p++) {
        stats.add(instance.value(p));
      }
    }
    Instances out = apply(filter("GaussianNoise -sigma 0.25"), data);
    PixelStatistics added = new PixelStatistics();
    for (int i = 0; i < data.numInstances(); i++) {
      for (int p = 0; p < 256; p++) {
        added.add(out.instance(i).value(p) - data.instance(i).value(p));
      }
    }
    assertEquals(0.25 * stats.standardDeviation(), added.standardDeviation(),
        0.02 * stats.standardDeviation());
  }

  @Test
  void badOptionsNameTheOptionAndValue() throws Exception {
    String[][] cases = {
      {"SaltAndPepperNoise -P 150", "-P", "150"},
      {"SaltAndPepperNoise -P ten", "-P", "ten"},
      {"RegularPatchNoise -fill grey", "-fill", "grey"},
      {"RegularPatchNoise -shape round", "-shape", "round"},
      {"IrregularPatchNoise -connectivity 6", "-connectivity", "6"},
      {"GaussianNoise -sigma -1", "-sigma", "-1"},
      {"CorruptedPixelNoise -width -2", "-width", "-2"},
    };
    for (String[] c : cases) {
      Exception e = assertThrows(Exception.class, () -> filter(c[0]));
      assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains(c[2]),
          c[0] + ": " + e.getMessage());
    }
    assertFalse(filter("SaltAndPepperNoise -P 0").getEveryBatch());
  }

  @Test
  void patchTagsAreTheCoreChoicesAndForeignTagsAreRefused() {
    RegularPatchNoise filter = new RegularPatchNoise();
    filter.setShape(new SelectedTag(PatchShape.IMAGE_ASPECT.key(), RegularPatchNoise.TAGS_SHAPE));
    filter.setFill(new SelectedTag(PatchFill.Kind.CONSTANT.key(), AbstractPatchNoise.TAGS_FILL));
    assertEquals("image", filter.getShape().getSelectedTag().getIDStr());
    assertEquals("constant", filter.getFill().getSelectedTag().getIDStr());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> filter.setFill(new SelectedTag(0, RegularPatchNoise.TAGS_SHAPE)));
    assertTrue(e.getMessage().contains("-fill") && e.getMessage().contains("square"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> filter.setShape(new SelectedTag(1, AbstractPatchNoise.TAGS_FILL)));
    assertTrue(e.getMessage().contains("-shape") && e.getMessage().contains("constant"), e.getMessage());
  }
}
