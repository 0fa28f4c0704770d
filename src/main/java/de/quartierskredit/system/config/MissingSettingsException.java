package de.quartierskredit.system.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Production start-up without one or more required environment settings. */
public class MissingSettingsException extends IllegalStateException {

  private final List<String> missing;
  private final Map<String, String> purposes;

  MissingSettingsException(List<String> missing, Map<String, String> purposes) {
    super("Missing setting(s) for the postgres profile: " + String.join(", ", missing));
    this.missing = List.copyOf(missing);
    this.purposes = Map.copyOf(purposes);
  }

  public List<String> missing() {
    return missing;
  }

  String explanation() {
    return missing.stream()
        .map(name -> "  " + name + ": " + purposes.get(name))
        .collect(Collectors.joining("\n"));
  }
}
