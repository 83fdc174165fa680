package adversarialnmf.solver;

/** Thrown when an iteration produces NaN or infinity; the message says what to change. */
public class FactorizationDivergedException extends ArithmeticException {

  private static final long serialVersionUID = 4079301271530659432L;

  public FactorizationDivergedException(String message) {
    super(message);
  }
}
