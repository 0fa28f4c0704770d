package de.quartierskredit.system.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Someone else has claimed the task: a second claim, or completing a task assigned to another person.
 * The message names that person by name ("Diese Aufgabe bearbeitet bereits Sven Krause."), never by
 * login when a name is known. 409 over REST ({@link EngineErrorCodes#TASK_TAKEN}).
 */
public class TaskTakenException extends ProcessEngineException {

  private final String assignee;

  TaskTakenException(String assignee, String assigneeName, Throwable cause) {
    super("Diese Aufgabe bearbeitet bereits " + assigneeName + ".", cause);
    this.assignee = assignee;
    setCode(EngineErrorCodes.TASK_TAKEN);
  }

  /** The login of whoever has the task (for logs). */
  public String assignee() {
    return assignee;
  }
}
