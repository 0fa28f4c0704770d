package de.quartierskredit.system.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;

/**
 * HTTP Basic credentials checked against Camunda's users. Every check goes through
 * {@link IdentityService#checkPassword}, so a wrong password here delays the user's next login
 * exactly as in Tasklist and on {@code /engine-rest}.
 */
final class HttpBasic {

  private HttpBasic() {}

  /** The user whose name and password the {@code Authorization} header carries, or null. */
  static String authenticatedUser(String header, IdentityService identity) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    return identity.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
  }
}
