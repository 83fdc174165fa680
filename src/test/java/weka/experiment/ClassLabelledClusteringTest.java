package weka.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import weka.clusterers.FilteredClusterer;
import weka.clusterers.SimpleKMeans;
import weka.filters.unsupervised.attribute.InstanceNormalization;

class ClassLabelledClusteringTest {

  @Test
  void aWrappersClusterCountAndSeedReachTheClustererItHolds() throws Exception {
    FilteredClusterer wrapper = new FilteredClusterer();
    wrapper.setFilter(new InstanceNormalization());
    SimpleKMeans kMeans = new SimpleKMeans();
    wrapper.setClusterer(kMeans);
    ClassLabelledClustering.requestClusters(wrapper, 7, "test");
    ClassLabelledClustering.seed(wrapper, 42);
    assertEquals(7, ((SimpleKMeans) wrapper.getClusterer()).getNumClusters());
    assertEquals(42, ((SimpleKMeans) wrapper.getClusterer()).getSeed());
  }

  @Test
  void aClustererWithoutAClusterCountIsNamed() {
    FilteredClusterer wrapper = new FilteredClusterer();
    wrapper.setClusterer(new weka.clusterers.Cobweb());
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> ClassLabelledClustering.requestClusters(wrapper, 3, "test"));
    assertTrue(e.getMessage().contains("Cobweb"), e.getMessage());
  }
}
