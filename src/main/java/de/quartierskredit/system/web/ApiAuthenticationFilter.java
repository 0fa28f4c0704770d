package de.quartierskredit.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates calls to our own {@code /api} with HTTP Basic against Camunda's users and runs the
 * request as that user, so the engine applies the user's authorizations. A reading request from a
 * page of Cockpit or Tasklist (same origin) may instead use the webapp's login session; a writing
 * request with the session only together with the session's CSRF token: the token Camunda's
 * {@code CsrfPreventionFilter} keeps in the session (and hands to the webapps as the XSRF-TOKEN
 * cookie), sent back in the {@code X-XSRF-TOKEN} header, exactly as the webapps' own API demands. A
 * page of another site can make the browser send the session cookie, but cannot read the token.
 * Without it or with a wrong one: 403 problem. Anonymous: 401 problem.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  private final IdentityService identity;

  ApiAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = authenticatedUser(request.getHeader("Authorization"));
    if (user == null) {
      String sessionUser = webappSessionUser(request);
      boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
      if (sessionUser != null && !reading && !csrfTokenMatches(request)) {
        Problems.write(response, 403, "Sicherheitsmerkmal fehlt",
            "Ein schreibender Aufruf aus dem Browser braucht das Sicherheitsmerkmal der Anmeldung (Kopfzeile "
                + CsrfConstants.CSRF_TOKEN_HEADER_NAME + "). Bitte die Seite neu laden und es noch einmal versuchen.",
            request.getRequestURI());
        return;
      }
      user = sessionUser;
    }
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"quartierskredit\", charset=\"UTF-8\"");
      Problems.write(response, 401, "Anmeldung erforderlich",
          "Bitte mit Benutzername und Passwort (HTTP Basic) anmelden.", request.getRequestURI());
      return;
    }
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    try {
      identity.setAuthentication(user, groups, tenants);
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The user logged into Cockpit or Tasklist in this browser session, if any. */
  private static String webappSessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null || !authentications.hasAuthenticationForProcessEngine(ENGINE)) {
      return null;
    }
    return authentications.getAuthenticationForProcessEngine(ENGINE).getIdentityId();
  }

  /** The header carries the token Camunda keeps in this session (compared in constant time). */
  private static boolean csrfTokenMatches(HttpServletRequest request) {
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    Object kept = request.getSession(false) == null ? null
        : request.getSession(false).getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return sent != null && !sent.isBlank() && kept instanceof String token && !token.isBlank()
        && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  private String authenticatedUser(String header) {
    return HttpBasic.authenticatedUser(header, identity);
  }
}
