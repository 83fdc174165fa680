package weka.filters.unsupervised.attribute;

import adversarialnmf.weka.WekaErrors;
import adversarialnmf.solver.FitInterruptedException;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.SimpleBatchFilter;

/**
 * A {@link SimpleBatchFilter} whose batches are all or nothing: when {@link #process} refuses a
 * batch (bad values, an interrupt), the refused instances are dropped from the input buffer, so the
 * next batch or single instance is judged on its own. Weka's base keeps them, and every later
 * batch, the clean training data included, then fails with the old message (a {@code
 * FilteredClassifier} is broken for good after one bad {@code classifyInstance}).
 *
 * <p>After the first batch Weka processes every {@link #input} call at once; {@link
 * #rowsBeforeThisCall()} counts the instances of the current batch handed over by earlier calls, so
 * that messages can name the row of the whole batch rather than "instance 1" every time. An
 * interrupt of the running thread reaches the caller as an {@link InterruptedException}.
 */
public abstract class AbstractAtomicBatchFilter extends SimpleBatchFilter {

  private static final long serialVersionUID = 5036417288190845522L;

  /** Instances of the current batch passed in by earlier calls (refused ones included). */
  private int m_RowsBeforeThisCall;
  /** The last header found equal to the input format (the check is per header, not per row). */
  private transient Instances m_CheckedHeader;

  /** The number of instances of this batch that came before the ones {@link #process} now sees. */
  protected int rowsBeforeThisCall() {
    return m_RowsBeforeThisCall;
  }

  @Override
  public boolean input(Instance instance) throws Exception {
    startBatchIfNew();
    try {
      requireInputHeader(instance.dataset(), instance.numAttributes());
      return super.input(instance);
    } catch (Exception e) {
      throw refused(e);
    } finally {
      m_RowsBeforeThisCall += isFirstBatchDone() ? 1 : 0;
    }
  }

  @Override
  public boolean input(Instances instances) throws Exception {
    startBatchIfNew();
    try {
      requireInputHeader(instances, instances.numAttributes());
      return super.input(instances);
    } catch (Exception e) {
      throw refused(e);
    } finally {
      m_RowsBeforeThisCall += isFirstBatchDone() ? instances.numInstances() : 0;
    }
  }

  @Override
  public boolean batchFinished() throws Exception {
    try {
      return super.batchFinished();
    } catch (Exception e) {
      Exception failure = refused(e);
      m_NewBatch = true;
      throw failure;
    } finally {
      m_RowsBeforeThisCall = 0;
    }
  }

  /**
   * Refuses instances whose header differs from the input format, with the difference named (Weka
   * would copy a nominal value's index as a number, or fail with "Src and Dest differ").
   */
  private void requireInputHeader(Instances header, int attributeCount) {
    Instances format = getInputFormat();
    if (format == null || header != null && header == m_CheckedHeader) {
      return;
    }
    String difference = difference(format, header, attributeCount);
    if (difference != null) {
      throw new IllegalArgumentException(getClass().getName() + ": the instances do not match the format the"
          + " filter was set up with (" + difference + "); give instances with the same attributes as the first"
          + " batch, or call setInputFormat again");
    }
    m_CheckedHeader = header;
  }

  /** How {@code header} (may be null: then only its attribute count is known) differs from the format, or null. */
  private static String difference(Instances format, Instances header, int attributeCount) {
    if (attributeCount != format.numAttributes()) {
      return attributeCount + " attributes where the first batch had " + format.numAttributes();
    }
    if (header == null) {
      return null;
    }
    for (int a = 0; a < format.numAttributes(); a++) {
      Attribute expected = format.attribute(a);
      Attribute given = header.attribute(a);
      if (!expected.name().equals(given.name()) || expected.type() != given.type()) {
        return "attribute " + (a + 1) + " is '" + given.name() + "' (" + Attribute.typeToString(given)
            + "), the first batch had '" + expected.name() + "' (" + Attribute.typeToString(expected) + ")";
      }
    }
    return format.equalHeadersMsg(header);
  }

  private void startBatchIfNew() {
    if (m_NewBatch) {
      m_RowsBeforeThisCall = 0;
    }
  }

  /** Drops the buffered input of the refused batch and gives the failure its Weka form. */
  private Exception refused(Exception failure) {
    if (getInputFormat() != null) {
      flushInput();
    }
    if (failure instanceof FitInterruptedException) {
      return WekaErrors.interrupted(getClass().getName(), (FitInterruptedException) failure);
    }
    return failure;
  }
}
