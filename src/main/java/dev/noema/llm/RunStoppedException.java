package dev.noema.llm;

/**
 * No further request of this run can succeed, so none is sent: the provider refused the request
 * (400 and the like: every other request has the same shape), refused the key (401/403), or the
 * run's call limit is reached. {@link ChatCalls} raises it once and then answers every later ask
 * with the same exception without sending.
 */
public final class RunStoppedException extends LlmException {
  private static final long serialVersionUID = 1L;
  private final boolean fault;

  RunStoppedException(String message, boolean fault, Throwable cause) {
    super(message, cause);
    this.fault = fault;
  }

  /** True for a provider fault, false when the run stopped at its call limit as asked. */
  public boolean fault() {
    return fault;
  }
}
