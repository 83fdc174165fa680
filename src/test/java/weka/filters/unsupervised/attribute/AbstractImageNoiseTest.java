package weka.filters.unsupervised.attribute;

import weka.core.CheckOptionHandler;
import weka.core.Instances;
import weka.filters.AbstractFilterTest;

/**
 * Weka's own filter checks (options, GOE, batches, FilteredClassifier, regression against a stored
 * reference) for the noise filters, on numeric image data: Weka's default test data has no images.
 */
public abstract class AbstractImageNoiseTest extends AbstractFilterTest {

  protected AbstractImageNoiseTest(String name) {
    super(name);
  }

  /** Non-default options the option checks set, get and set again. */
  protected abstract String[] userOptions();

  @Override
  protected void setUp() throws Exception {
    super.setUp();
    // 4 x 3 images with a string, a nominal and a class attribute, some values missing
    m_Instances = NoiseTestData.images(20, 4, 3, 1, true);
  }

  /** Image data for the FilteredClassifier check, without the string attribute J48 rejects. */
  @Override
  protected Instances getFilteredClassifierData() {
    Instances data = NoiseTestData.images(40, 4, 3, 2, false);
    data.deleteStringAttributes();
    return data;
  }

  @Override
  protected CheckOptionHandler getOptionTester() {
    CheckOptionHandler tester = super.getOptionTester();
    tester.setUserOptions(userOptions());
    return tester;
  }
}
