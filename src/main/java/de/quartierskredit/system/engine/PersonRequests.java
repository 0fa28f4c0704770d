package de.quartierskredit.system.engine;

/**
 * Marks the thread while it serves a request a person sent to Camunda's REST APIs ({@code /engine-rest},
 * the webapps' {@code /camunda/api}): what such a request carries is checked against the forms
 * ({@link FormFieldGuard}). Our own endpoints validate their input themselves and call the engine
 * unmarked, as do the job executor and the engine's own nested commands.
 */
public final class PersonRequests {

  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  private PersonRequests() {}

  /** Runs {@code request} marked as a person's request. */
  public static <E extends Exception> void serve(Request<E> request) throws E {
    Boolean before = ACTIVE.get();
    ACTIVE.set(Boolean.TRUE);
    try {
      request.run();
    } finally {
      if (before == null) {
        ACTIVE.remove();
      } else {
        ACTIVE.set(before);
      }
    }
  }

  static boolean active() {
    return Boolean.TRUE.equals(ACTIVE.get());
  }

  /** The work of one request. */
  @FunctionalInterface
  public interface Request<E extends Exception> {
    void run() throws E;
  }
}
