package de.quartierskredit.servicing;

import de.quartierskredit.application.FieldError;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Servicing form input the server refuses: Camunda REST answers 400 with the message, the completion
 * is rolled back and the task stays open (see {@code application.InvalidApplicationException}).
 */
class InvalidServicingInputException extends FormFieldValidationException {

  private final transient List<FieldError> errors;

  InvalidServicingInputException(List<FieldError> errors) {
    super(List.copyOf(errors), "Eingabe unvollständig oder fehlerhaft: " + errors.stream()
        .map(e -> e.field() + ": " + e.message())
        .collect(Collectors.joining("; ")), null);
    this.errors = List.copyOf(errors);
  }

  List<FieldError> errors() {
    return errors;
  }

  /** Throws if there is anything to refuse. */
  static void refuseIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidServicingInputException(errors);
    }
  }
}
