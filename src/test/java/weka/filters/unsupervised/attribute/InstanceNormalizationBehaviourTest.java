package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SparseInstance;
import weka.core.Utils;
import weka.filters.Filter;

class InstanceNormalizationBehaviourTest {

  /** Two count attributes, a nominal class; documents (2, 0), (1, 1), (0, 3) and (4, 4). */
  private static Instances documents(boolean sparse) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("rare"));
    attributes.add(new Attribute("common"));
    attributes.add(new Attribute("class", Arrays.asList("a", "b")));
    Instances data = new Instances("docs", attributes, 4);
    data.setClassIndex(2);
    double[][] rows = {{2, 0, 0}, {0, 1, 1}, {0, 3, 0}, {4, 4, 1}};
    for (double[] row : rows) {
      data.add(sparse ? new SparseInstance(1.0, row) : new DenseInstance(1.0, row));
    }
    return data;
  }

  @Test
  void l2GivesEachInstanceUnitLengthAndPassesTheClassThrough() throws Exception {
    InstanceNormalization filter = new InstanceNormalization();
    filter.setInputFormat(documents(false));
    Instances out = Filter.useFilter(documents(false), filter);
    assertEquals(1.0, out.instance(0).value(0), 0.0);
    assertEquals(0.0, out.instance(0).value(1), 0.0);
    assertEquals(Math.sqrt(0.5), out.instance(3).value(0), 1e-15);
    assertEquals(Math.sqrt(0.5), out.instance(3).value(1), 1e-15);
    assertEquals(1.0, out.instance(1).value(2), 0.0);
  }

  @Test
  void tfidfWeightsComeFromTheFirstBatchAndSparseStaysSparse() throws Exception {
    InstanceNormalization filter = new InstanceNormalization();
    filter.setOptions(new String[] {"-term-weighting", "tfidf", "-normalize", "none"});
    filter.setInputFormat(documents(true));
    Instances first = Filter.useFilter(documents(true), filter);
    // N = 4; "rare" in 2 documents: ln(5/3) + 1; "common" in 3: ln(5/4) + 1
    assertEquals(2 * (Math.log(5 / 3.0) + 1), first.instance(0).value(0), 1e-15);
    assertEquals(3 * (Math.log(1.25) + 1), first.instance(2).value(1), 1e-15);
    assertTrue(first.instance(0) instanceof SparseInstance);
    assertEquals(1, first.instance(0).numValues(), "the zero count stays unstored");
    Instances later = new Instances(documents(true), 0);
    later.add(new SparseInstance(1.0, new double[] {1, 0, 0}));
    Instances second = Filter.useFilter(later, filter);
    assertEquals(Math.log(5 / 3.0) + 1, second.instance(0).value(0), 1e-15, "the first batch's weight");
  }

  @Test
  void optionsRoundTripAndABadValueIsNamed() throws Exception {
    InstanceNormalization filter = new InstanceNormalization();
    filter.setOptions(new String[] {"-normalize", "l1", "-term-weighting", "tfidf"});
    String joined = Utils.joinOptions(filter.getOptions());
    assertTrue(joined.contains("-normalize l1") && joined.contains("-term-weighting tfidf"), joined);
    Exception e = assertThrows(Exception.class,
        () -> new InstanceNormalization().setOptions(new String[] {"-normalize", "max"}));
    assertTrue(e.getMessage().contains("max") && e.getMessage().contains("-normalize"), e.getMessage());
  }

  @Test
  void anInstanceWithoutAFiniteL1LengthIsNamed() throws Exception {
    Instances data = documents(false);
    data.add(new DenseInstance(1.0, new double[] {1.5e308, 1.5e308, 0}));
    InstanceNormalization filter = new InstanceNormalization();
    filter.setOptions(new String[] {"-normalize", "l1"});
    filter.setInputFormat(data);
    Exception e = assertThrows(IllegalArgumentException.class, () -> Filter.useFilter(data, filter));
    assertTrue(e.getMessage().contains("instance 5"), e.getMessage());
  }
}
