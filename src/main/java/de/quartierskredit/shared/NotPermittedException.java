package de.quartierskredit.shared;

import java.util.Optional;

/**
 * The acting person may not do this step, whatever they enter (for example the separation of
 * duties: nobody decides an application they prepared). The message says why in German. At the
 * engine boundary ({@code system.engine.EngineRefusals}) the step is rolled back and Camunda's
 * REST answers 403 with the message; the task stays as it was.
 */
public class NotPermittedException extends RuntimeException {

  public NotPermittedException(String message) {
    super(message);
  }

  /** The refusal somewhere in the causes of {@code failure} (the engine wraps what a listener throws). */
  public static Optional<NotPermittedException> in(Throwable failure) {
    return Causes.find(failure, NotPermittedException.class);
  }
}
