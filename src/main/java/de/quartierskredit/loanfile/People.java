package de.quartierskredit.loanfile;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Caseworkers as the file names them: "Anna Berger (anna)"; a login that no longer exists keeps its
 * id, a step nobody did by hand reads "System". One look-up per person and file.
 */
final class People {

  static final String SYSTEM = "System";

  private final IdentityService identity;
  private final Map<String, String> names = new HashMap<>();

  People(IdentityService identity) {
    this.identity = identity;
  }

  String name(String userId) {
    if (userId == null || userId.isBlank()) {
      return SYSTEM;
    }
    return names.computeIfAbsent(userId, id -> {
      User user = identity.createUserQuery().userId(id).singleResult();
      if (user == null) {
        return id;
      }
      String full = (blankToEmpty(user.getFirstName()) + " " + blankToEmpty(user.getLastName())).strip();
      return full.isEmpty() ? id : full + " (" + id + ")";
    });
  }

  private static String blankToEmpty(String text) {
    return text == null ? "" : text.strip();
  }
}
