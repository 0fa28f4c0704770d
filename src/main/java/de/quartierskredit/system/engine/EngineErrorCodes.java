package de.quartierskredit.system.engine;

/**
 * Our error codes on engine exceptions (Camunda leaves 20000-39999 to applications) and the HTTP
 * status each stands for when Camunda's REST API would otherwise answer 500.
 */
public final class EngineErrorCodes {

  private EngineErrorCodes() {}

  /** The HTTP status for one of our codes, or 0 for any other code. */
  public static int httpStatus(int code) {
    if (code == TaskAlreadyDoneException.CODE) {
      return 409;
    }
    if (code == FormInputErrors.Refused.CODE) {
      return 400;
    }
    if (code == NotPermittedActions.Refused.CODE) {
      return 403;
    }
    return 0;
  }
}
