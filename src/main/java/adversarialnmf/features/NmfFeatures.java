package adversarialnmf.features;

import adversarialnmf.Choice;
import adversarialnmf.cluster.InstancePreprocessing;
import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.NonnegativeProjection;
import adversarialnmf.solver.OutOfSampleRule;
import java.io.Serializable;

/**
 * A fitted factorization used as a feature map onto one basis B (the learned A, or for ANMF the
 * adversarial basis Ã): the coefficients x of raw instances (onto A by the clustering's coefficient
 * rule, by default the method's own out-of-sample rule; onto Ã by nonnegative least squares), their
 * reconstruction B x in the raw units of the data, and the residual y − B x. For Frobenius losses and
 * for Ã the residual is the one the projection minimised. The fit was made on preprocessed data
 * (tf-idf weights, instance normalisation) multiplied by {@code dataScale}, so coefficients are in the
 * fit's units (comparable with X) and a reconstruction is brought back to the raw instance's units
 * (divided by the scale, times the instance's length, divided by the weights). Immutable; getters
 * return copies.
 */
public final class NmfFeatures implements Serializable {

  private static final long serialVersionUID = -5342179850516334067L;

  /** The basis new instances are projected onto. */
  public enum ProjectionBasis implements Choice {
    /** The learned basis A. */
    LEARNED("A", "the learned basis A"),
    /** ANMF's adversarial basis Ã (the basis of the attacker's perturbed data). */
    ADVERSARIAL("adversarial", "ANMF's adversarial basis (A tilde)");

    private final String key;
    private final String description;

    ProjectionBasis(String key, String description) {
      this.key = key;
      this.description = description;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public String description() {
      return description;
    }
  }

  /** What a feature map gives for an instance: its coefficients, reconstruction or residual. */
  public enum Output implements Choice {
    COEFFICIENTS("coefficients", "coefficients x (one attribute per basis vector)"),
    RECONSTRUCTION("reconstruction", "reconstruction B x (denoised data, original units)"),
    RESIDUAL("residual", "residual y - B x (what the basis does not explain)");

    private final String key;
    private final String description;

    Output(String key, String description) {
      this.key = key;
      this.description = description;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public String description() {
      return description;
    }
  }

  private final DenseMatrix basis;
  private final DenseMatrix trainingCoefficients;
  private final OutOfSampleRule projection;
  private final ProjectionBasis projectionBasis;
  private final InstancePreprocessing preprocessing;
  private final double dataScale;

  private NmfFeatures(DenseMatrix basis, DenseMatrix trainingCoefficients, OutOfSampleRule projection,
      ProjectionBasis projectionBasis, InstancePreprocessing preprocessing, double dataScale) {
    this.basis = basis;
    this.trainingCoefficients = trainingCoefficients;
    this.projection = projection;
    this.projectionBasis = projectionBasis;
    this.preprocessing = preprocessing;
    this.dataScale = dataScale;
  }

  /**
   * The feature map of a fitted clustering.
   *
   * @throws IllegalArgumentException if the adversarial basis is asked for but the fit has none
   */
  public static NmfFeatures of(NmfClustering model, ProjectionBasis projectionBasis) {
    Factorization fit = model.factorization();
    if (projectionBasis == ProjectionBasis.ADVERSARIAL) {
      if (!fit.hasAdversarialBasis()) {
        throw new IllegalArgumentException("projection onto the adversarial basis needs a factorization that"
            + " has one (ANMF); this fit has only the learned basis A");
      }
      DenseMatrix adversarial = fit.adversarialBasis();
      return new NmfFeatures(adversarial, model.trainingCoefficients(), new NonnegativeProjection(adversarial),
          projectionBasis, model.preprocessing(), model.dataScale());
    }
    return new NmfFeatures(fit.basis(), model.trainingCoefficients(), model.coefficientRule(), projectionBasis,
        model.preprocessing(), model.dataScale());
  }

  public int rank() {
    return basis.cols();
  }

  public int dimension() {
    return basis.rows();
  }

  public ProjectionBasis projectionBasis() {
    return projectionBasis;
  }

  public double dataScale() {
    return dataScale;
  }

  /** X of the fit after its final X-step (n x training instances), copy. */
  public DenseMatrix trainingCoefficients() {
    return trainingCoefficients.copy();
  }

  /** Coefficients (n x N, in the fit's units) of raw instances given as the columns of y. */
  public DenseMatrix coefficients(DataMatrix rawColumns) {
    return projection.coefficients(preprocessing.apply(rawColumns, dataScale));
  }

  /** The basis B (m x n, fit's units), copy. */
  public DenseMatrix basis() {
    return basis.copy();
  }

  /**
   * B x in the raw units of the data, for a raw instance y (whose length and weights the fit's
   * preprocessing divided out) and its coefficient vector x (length n, fit's units).
   */
  public void reconstruct(double[] raw, double[] coefficients, double[] out) {
    int n = rank();
    int m = dimension();
    if (coefficients.length != n || out.length != m) {
      throw new IllegalArgumentException("reconstruction: " + coefficients.length + " coefficients and "
          + out.length + " outputs for a basis of " + m + " x " + n);
    }
    double[] a = basis.data();
    double unscale = 1.0 / dataScale;
    for (int i = 0; i < m; i++) {
      int base = i * n;
      double sum = 0.0;
      for (int r = 0; r < n; r++) {
        sum += a[base + r] * coefficients[r];
      }
      out[i] = sum * unscale;
    }
    preprocessing.restoreUnits(raw, out);
  }

  /** y − B x in raw units for a raw instance y and its coefficients x (fit's units). */
  public void residual(double[] raw, double[] coefficients, double[] out) {
    if (raw.length != dimension()) {
      throw new IllegalArgumentException("residual: instance of length " + raw.length
          + " for a basis of dimension " + dimension());
    }
    reconstruct(raw, coefficients, out);
    for (int i = 0; i < out.length; i++) {
      out[i] = raw[i] - out[i];
    }
  }
}
