package de.quartierskredit.shared;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Input the server refuses, naming each wrong field and saying in German what to enter instead.
 * Thrown by validators, delegates and task listeners; at the engine boundary
 * ({@code system.engine.EngineRefusals}) the completion is rolled back and Camunda's REST answers
 * 400 with {@link #sentences(Function) the reasons} alone, each field named by its form label; our API
 * answers a problem detail listing the fields. Nothing is stored, the task stays open.
 */
public class InputRefusedException extends RuntimeException {

  private final transient List<FieldError> errors;

  public InputRefusedException(List<FieldError> errors) {
    super(sentences(errors, field -> null));
    this.errors = List.copyOf(errors);
  }

  /** One refused field; {@code field} may be null when the refusal concerns the input as a whole. */
  public InputRefusedException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The keys of the refused fields, for logs. */
  public List<String> fields() {
    return errors.stream().map(FieldError::field).filter(f -> f != null).distinct().toList();
  }

  /** What the person reads, each field named by {@code labels} (null: no label known). */
  public String sentences(Function<String, String> labels) {
    return sentences(errors, labels);
  }

  /**
   * One German sentence per error, joined: "„Ausgezahlter Betrag (EUR)“: 7.500,00 EUR weicht vom
   * bewilligten Betrag von 8.000,00 EUR ab." A field is named by its label when {@code labels} knows
   * one and the message does not already quote it; never by its key.
   */
  public static String sentences(List<FieldError> errors, Function<String, String> labels) {
    return errors.stream().map(error -> sentence(error, labels)).distinct().collect(Collectors.joining(" "));
  }

  private static String sentence(FieldError error, Function<String, String> labels) {
    String message = error.message() == null ? "" : error.message().strip();
    if (!message.isEmpty() && ".!?".indexOf(message.charAt(message.length() - 1)) < 0) {
      message += ".";
    }
    String label = error.field() == null ? null : labels.apply(error.field());
    if (label == null || label.isBlank() || message.contains("„" + label + "“")) {
      return message;
    }
    return "„" + label + "“: " + message;
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
