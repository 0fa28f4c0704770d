package de.quartierskredit.system.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Our error codes on engine exceptions (Camunda leaves 20000-39999 to applications) and the HTTP
 * status each stands for. Camunda's REST answers carry the code ({@code "code": 22400}), so a client
 * tells the kind of refusal without reading the German message.
 */
public final class EngineErrorCodes {

  /** Refused input ({@link EngineRefusals.InputRefused}): 400. */
  public static final int INPUT_REFUSED = 22_400;

  /**
   * The acting person may not do this (separation of duties, a read-only role): 403. Carried by
   * {@link EngineRefusals.NotPermitted} and by the authorization refusals of {@code system.security}.
   */
  public static final int NOT_PERMITTED = 22_403;

  /** The task was completed or removed by someone else first ({@link TaskAlreadyDoneException}): 409. */
  public static final int TASK_ALREADY_DONE = 20_409;

  /** Someone else has claimed the task ({@link TaskTakenException}): 409. */
  public static final int TASK_TAKEN = 20_410;

  /** Someone else changed the case at the same moment ({@link ConcurrentChangeException}): 409. */
  public static final int CONCURRENT_CHANGE = 20_411;

  private EngineErrorCodes() {}

  /** The HTTP status for one of our codes, or 0 for any other code. */
  public static int httpStatus(int code) {
    return switch (code) {
      case INPUT_REFUSED -> 400;
      case NOT_PERMITTED -> 403;
      case TASK_ALREADY_DONE, TASK_TAKEN, CONCURRENT_CHANGE -> 409;
      default -> 0;
    };
  }

  /** The HTTP status for the code of {@code failure}, or 0 when it carries none of ours. */
  public static int httpStatus(Throwable failure) {
    return failure instanceof ProcessEngineException engine ? httpStatus(engine.getCode()) : 0;
  }
}
