package weka.clusterers;

import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Weka's {@link CheckClusterer} with its random numeric test data folded to |v|: NMF is defined only
 * for nonnegative data and rightly refuses the few negative values Weka's generator produces, which
 * the stock checker would report as a failure to (re)build.
 */
public class NonnegativeCheckClusterer extends CheckClusterer {

  @Override
  protected Instances makeTestDataset(int seed, int numInstances, int numNominal, int numNumeric,
      int numString, int numDate, int numRelational, boolean multiInstance) throws Exception {
    Instances data = super.makeTestDataset(seed, numInstances, numNominal, numNumeric, numString, numDate,
        numRelational, multiInstance);
    for (int a = 0; a < data.numAttributes(); a++) {
      Attribute attribute = data.attribute(a);
      if (!attribute.isNumeric() || a == data.classIndex()) {
        continue;
      }
      for (Instance instance : data) {
        if (!instance.isMissing(a)) {
          instance.setValue(a, Math.abs(instance.value(a)));
        }
      }
    }
    return data;
  }
}
