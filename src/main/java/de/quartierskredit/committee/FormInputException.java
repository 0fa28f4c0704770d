package de.quartierskredit.committee;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Form input the server refuses (Camunda does not validate forms on submit): thrown by a task
 * listener on complete, it rolls the completion back so the task stays open and nothing is written.
 */
class FormInputException extends BadUserRequestException {

  FormInputException(String message) {
    super(CommitteeDecisionProcess.Errors.INVALID_INPUT + ": " + message);
  }
}
