package de.quartierskredit.application;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input that the server refuses, naming each wrong field. A {@link FormFieldValidationException},
 * so that Camunda's REST API answers a form submission or task completion with 400 and the message
 * (Tasklist shows it), and the transaction is rolled back: nothing is stored, the task stays open.
 */
public class InvalidApplicationException extends FormFieldValidationException {

  private final transient List<FieldError> errors;

  public InvalidApplicationException(List<FieldError> errors) {
    super(List.copyOf(errors), "Eingabe unvollständig oder fehlerhaft: " + errors.stream()
        .map(e -> e.field() + ": " + e.message())
        .collect(Collectors.joining("; ")), null);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
