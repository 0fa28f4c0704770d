package de.quartierskredit.system.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A person's step lost an optimistic-locking race: someone else changed the same case at the same
 * moment, nothing of this step was stored. 409 over REST ({@link EngineErrorCodes#CONCURRENT_CHANGE}).
 */
public class ConcurrentChangeException extends ProcessEngineException {

  ConcurrentChangeException(Throwable cause) {
    super("Dieser Fall wurde gerade gleichzeitig von jemand anderem geändert; Ihre Eingabe ist nicht gespeichert. "
        + "Bitte die Aufgabe neu laden und noch einmal absenden.", cause);
    setCode(EngineErrorCodes.CONCURRENT_CHANGE);
  }
}
