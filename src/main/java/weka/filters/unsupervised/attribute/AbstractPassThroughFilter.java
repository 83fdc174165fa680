package weka.filters.unsupervised.attribute;

import adversarialnmf.weka.DeclaredOptions;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Vector;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Option;
import weka.core.Utils;

/**
 * A filter of this package whose options are declared once ({@link DeclaredOptions}) and which
 * accepts data of any attribute and class type, changing only what it works on and passing the
 * rest through: the noise filters and ConstantShift. Its output format is known at once.
 */
public abstract class AbstractPassThroughFilter extends AbstractAtomicBatchFilter {

  private static final long serialVersionUID = 4719055081334127903L;

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = DeclaredOptions.listOptions(this);
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    DeclaredOptions.setOptions(this, options);
    super.setOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    return DeclaredOptions.getOptions(this, super.getOptions());
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enableAllAttributes();
    result.enable(Capability.MISSING_VALUES);
    result.enableAllClasses();
    result.enable(Capability.MISSING_CLASS_VALUES);
    result.enable(Capability.NO_CLASS);
    return result;
  }

  @Override
  protected boolean hasImmediateOutputFormat() {
    return true;
  }
}
