package adversarialnmf.experiments;

import adversarialnmf.linalg.DenseMatrix;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/** An ARFF file as Y (m attributes x N instances, class dropped) and the class labels, for studies. */
final class LabelledData {

  final String name;
  final DenseMatrix y;
  final int[] labels;
  final int classes;

  private LabelledData(String name, DenseMatrix y, int[] labels, int classes) {
    this.name = name;
    this.y = y;
    this.labels = labels;
    this.classes = classes;
  }

  /** Loads an (optionally gzipped) ARFF whose last attribute is the nominal class. */
  static LabelledData load(String path) throws Exception {
    Instances data = DataSource.read(path);
    data.setClassIndex(data.numAttributes() - 1);
    int count = data.numInstances();
    int m = data.numAttributes() - 1;
    DenseMatrix y = new DenseMatrix(m, count);
    int[] labels = new int[count];
    for (int j = 0; j < count; j++) {
      for (int i = 0; i < m; i++) {
        y.set(i, j, data.instance(j).value(i));
      }
      labels[j] = (int) data.instance(j).classValue();
    }
    String name = path.substring(path.lastIndexOf('/') + 1).replace(".arff.gz", "").replace(".arff", "");
    return new LabelledData(name, y, labels, data.classAttribute().numValues());
  }
}
