package de.quartierskredit.committee;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Form input the server refuses (Camunda does not validate forms on submit): thrown by a task
 * listener on complete, it rolls the completion back so the task stays open and nothing is written;
 * REST callers get 400 with the message (see system.engine.FormInputErrors).
 */
class FormInputException extends FormFieldValidationException {

  FormInputException(String message) {
    super(CommitteeDecisionProcess.Errors.INVALID_INPUT, message, null);
  }
}
