package dev.noema.ontology;

/** The ontology cannot be read or is not usable; the message names the file and what is wrong. */
public final class OntologyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OntologyException(String message) {
    super(message);
  }

  public OntologyException(String message, Throwable cause) {
    super(message, cause);
  }
}
