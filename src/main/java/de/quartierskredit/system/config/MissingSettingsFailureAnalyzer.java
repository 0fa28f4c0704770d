package de.quartierskredit.system.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing production setting into a short start-up message instead of a stack trace. */
public class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
    return new FailureAnalysis(
        "The postgres profile needs these environment variables, which are not set:\n" + cause.explanation(),
        "Set " + String.join(", ", cause.missing())
            + " in the environment (there are no defaults outside the demo profile), or start without"
            + " the postgres profile to run the embedded demo.",
        cause);
  }
}
