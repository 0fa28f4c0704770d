package de.quartierskredit.shared;

import java.util.Optional;

/** Finds an exception of ours among the causes of a failure (the engine wraps what listeners throw). */
final class Causes {

  private Causes() {}

  static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
