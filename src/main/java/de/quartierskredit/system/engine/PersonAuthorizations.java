package de.quartierskredit.system.engine;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What a person reads when Camunda refuses them a permission ("The user with id 'monika' does not have
 * one of the following permissions: 'TASK_WORK' permission on resource '...' of type 'Task' ..."): one
 * German sentence about the thing they tried to act on, no user id, permission or resource name.
 */
public final class PersonAuthorizations {

  private static final Set<String> READING = Set.of("READ", "READ_VARIABLE", "READ_TASK", "READ_TASK_VARIABLE",
      "READ_INSTANCE", "READ_INSTANCE_VARIABLE", "READ_HISTORY", "READ_HISTORY_VARIABLE");

  private PersonAuthorizations() {}

  /** One German sentence for what Camunda found missing (its first entry names the resource). */
  public static String german(List<MissingAuthorization> missing) {
    MissingAuthorization first = missing.get(0);
    String resource = first.getResourceType();
    boolean reading = missing.stream().allMatch(m -> READING.contains(m.getViolatedPermissionName()));
    boolean starting = missing.stream().anyMatch(m -> "CREATE_INSTANCE".equals(m.getViolatedPermissionName())
        || ("CREATE".equals(m.getViolatedPermissionName())
            && Resources.PROCESS_INSTANCE.resourceName().equals(m.getResourceType())));
    if (starting) {
      return "Diesen Vorgang dürfen Sie nicht starten; er gehört nicht zu Ihren Aufgaben.";
    }
    if (Resources.TASK.resourceName().equals(resource)) {
      return reading ? "Diese Aufgabe ist für Sie nicht sichtbar."
          : "Diese Aufgabe dürfen Sie nicht übernehmen oder bearbeiten; sie ist für andere bestimmt.";
    }
    if (Resources.PROCESS_INSTANCE.resourceName().equals(resource)
        || Resources.PROCESS_DEFINITION.resourceName().equals(resource)) {
      return reading ? "Diesen Fall dürfen Sie nicht einsehen." : "Diesen Fall dürfen Sie nicht ändern.";
    }
    return reading ? "Das dürfen Sie nicht einsehen." : "Dafür fehlt Ihnen die Berechtigung.";
  }
}
