package de.quartierskredit.system.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The task someone tried to complete was completed (or removed) by someone else first: the loser of
 * a race, or a late second click. Carries {@link #CODE}, which {@code /engine-rest} answers with 409.
 */
public class TaskAlreadyDoneException extends ProcessEngineException {

  /** Our error code (Camunda leaves 20000-39999 to applications). */
  public static final int CODE = 20409;

  TaskAlreadyDoneException(Throwable cause) {
    super("Die Aufgabe wurde bereits erledigt (von jemand anderem oder in einem anderen Fenster). "
        + "Bitte die Aufgabenliste neu laden.", cause);
    setCode(CODE);
  }
}
