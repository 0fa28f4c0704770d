package de.quartierskredit.shared;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Input the server refuses, naming each wrong field and saying in German what to enter instead.
 * Thrown by validators, delegates and task listeners; at the engine boundary
 * ({@code system.engine.EngineRefusals}) the completion is rolled back and Camunda's REST answers
 * 400, our API answers a problem detail. Nothing is stored, the task stays open.
 */
public class InputRefusedException extends RuntimeException {

  private final transient List<FieldError> errors;

  public InputRefusedException(List<FieldError> errors) {
    super("Eingabe unvollständig oder fehlerhaft: " + errors.stream()
        .map(e -> e.field() == null ? e.message() : e.field() + ": " + e.message())
        .collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  /** One refused field; {@code field} may be null when the refusal concerns the input as a whole. */
  public InputRefusedException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** Throws if there is anything to refuse. */
  public static void refuseIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InputRefusedException(errors);
    }
  }

  /** The refusal somewhere in the causes of {@code failure} (the engine wraps what a listener throws). */
  public static Optional<InputRefusedException> in(Throwable failure) {
    return Causes.find(failure, InputRefusedException.class);
  }
}
