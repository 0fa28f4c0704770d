package de.quartierskredit.system.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The task someone tried to complete, claim or hand over was completed (or removed) by someone else
 * first: the loser of a race, a late second click, a list not reloaded. Carries {@link #CODE}, which
 * Camunda's REST answers with 409.
 */
public class TaskAlreadyDoneException extends ProcessEngineException {

  /** Our error code (Camunda leaves 20000-39999 to applications). */
  public static final int CODE = EngineErrorCodes.TASK_ALREADY_DONE;

  TaskAlreadyDoneException(Throwable cause) {
    super("Diese Aufgabe ist bereits erledigt (von jemand anderem oder in einem anderen Fenster). "
        + "Bitte die Aufgabenliste neu laden.", cause);
    setCode(CODE);
  }
}
