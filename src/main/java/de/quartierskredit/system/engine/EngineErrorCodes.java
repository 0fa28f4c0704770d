package de.quartierskredit.system.engine;

/**
 * Our error codes on engine exceptions (Camunda leaves 20000-39999 to applications) and the HTTP
 * status each stands for when Camunda's REST API would otherwise answer 500.
 */
public final class EngineErrorCodes {

  /**
   * The acting person may not do this (separation of duties, a read-only role): 403. Carried by
   * {@link EngineRefusals.NotPermitted} and by the authorization refusals of {@code system.security}.
   */
  public static final int NOT_PERMITTED = 22_403;

  private EngineErrorCodes() {}

  /** The HTTP status for one of our codes, or 0 for any other code. */
  public static int httpStatus(int code) {
    if (code == TaskAlreadyDoneException.CODE) {
      return 409;
    }
    if (code == EngineRefusals.InputRefused.CODE) {
      return 400;
    }
    if (code == NOT_PERMITTED) {
      return 403;
    }
    return 0;
  }
}
