package de.quartierskredit.application;

import de.quartierskredit.shared.Roles;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;

/**
 * An advisor records applications and outreach contacts for their own quarter only (or outside the quarters, where the
 * microfinancer takes over); the microfinancer and process owners may record any.
 */
public final class QuarterAccess {

  private QuarterAccess() {}

  /** Refuses (403) an advisor recording for another quarter than her own. */
  public static void check(List<String> groupsOfStarter, String quarterCode) {
    if (groupsOfStarter == null || quarterCode == null) {
      return;
    }
    if (groupsOfStarter.contains(Roles.MICROFINANCER) || groupsOfStarter.contains(Roles.PROCESS_OWNERS)) {
      return;
    }
    List<String> ownQuarters = groupsOfStarter.stream().map(Roles::quarterOfAdvisors).filter(Objects::nonNull).toList();
    if (!ownQuarters.isEmpty() && !ownQuarters.contains(quarterCode)) {
      throw new AuthorizationException("Sie können Anträge nur für Ihr eigenes Quartier erfassen ("
          + String.join(", ", ownQuarters) + "), nicht für " + quarterCode + ".");
    }
  }
}
