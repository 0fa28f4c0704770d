package de.quartierskredit.rescheduling;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Rescheduling input the server refuses (Camunda does not validate forms on submit). Thrown by the
 * delegate right after the form's task, so Camunda's REST answers 400 with the message, the
 * transaction rolls back and the task stays open. The detail is the form field at fault.
 */
class ReschedulingInputException extends FormFieldValidationException {

  ReschedulingInputException(String field, String message) {
    super(field, message);
  }
}
