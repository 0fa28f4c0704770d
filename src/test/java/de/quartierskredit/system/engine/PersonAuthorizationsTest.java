package de.quartierskredit.system.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.junit.jupiter.api.Test;

/** Camunda's English permission refusals, as a person reads them instead. */
class PersonAuthorizationsTest {

  @Test
  void shouldSayInGermanThatTheTaskIsNotTheirsWithoutIdsOrPermissionNames() {
    String message = PersonAuthorizations.german(List.of(
        new MissingAuthorization("TASK_WORK", "Task", "9d6d3a22-ee09-11f1"),
        new MissingAuthorization("UPDATE", "Task", "9d6d3a22-ee09-11f1")));

    assertThat(message).isEqualTo("Diese Aufgabe dürfen Sie nicht übernehmen oder bearbeiten; sie ist für andere bestimmt.");
  }

  @Test
  void shouldSayWhatTheyMayNotStartReadOrChange() {
    assertThat(PersonAuthorizations.german(List.of(
        new MissingAuthorization("CREATE_INSTANCE", "ProcessDefinition", "repayment-rescheduling"))))
        .isEqualTo("Diesen Vorgang dürfen Sie nicht starten; er gehört nicht zu Ihren Aufgaben.");
    assertThat(PersonAuthorizations.german(List.of(new MissingAuthorization("READ", "Task", "x"))))
        .isEqualTo("Diese Aufgabe ist für Sie nicht sichtbar.");
    assertThat(PersonAuthorizations.german(List.of(new MissingAuthorization("UPDATE", "ProcessInstance", "x"))))
        .isEqualTo("Diesen Fall dürfen Sie nicht ändern.");
    assertThat(PersonAuthorizations.german(List.of(new MissingAuthorization("DELETE", "Deployment", "x"))))
        .isEqualTo("Dafür fehlt Ihnen die Berechtigung.");
  }
}
