package de.quartierskredit.system.engine;

import java.lang.reflect.Field;
import java.util.Optional;

/** Reads the input of a Camunda command: the commands keep it in protected fields without getters. */
final class CommandFields {

  private CommandFields() {}

  /**
   * The field's value (null allowed). Fails closed: if a Camunda upgrade renames a field, the person's
   * command is refused, not let through unchecked.
   */
  @SuppressWarnings("unchecked")
  static <V> V required(Object command, String name) {
    Field field = field(command, name);
    if (field != null) {
      try {
        return (V) field.get(command);
      } catch (ReflectiveOperationException | RuntimeException unreadable) {
        // fall through to the refusal
      }
    }
    throw new IllegalStateException("Cannot read '" + name + "' of " + command.getClass().getName()
        + ": the command is refused (Camunda upgrade?)");
  }

  /** The field's value, or empty when the command has no such field or it is null. */
  @SuppressWarnings("unchecked")
  static <V> Optional<V> find(Object command, String name) {
    Field field = field(command, name);
    try {
      return field == null ? Optional.empty() : Optional.ofNullable((V) field.get(command));
    } catch (ReflectiveOperationException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static Field field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      } catch (RuntimeException inaccessible) {
        return null;
      }
    }
    return null;
  }
}
