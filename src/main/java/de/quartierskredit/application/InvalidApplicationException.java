package de.quartierskredit.application;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that the server refuses. A {@link BadUserRequestException}, so that Camunda's REST API and
 * Tasklist answer 400 with the message (not 500), and the start is rolled back: nothing is stored.
 */
public class InvalidApplicationException extends BadUserRequestException {

  private final transient List<FieldError> errors;

  public InvalidApplicationException(List<FieldError> errors) {
    super("Eingabe unvollständig oder fehlerhaft: " + errors.stream()
        .map(e -> e.field() + ": " + e.message())
        .collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
