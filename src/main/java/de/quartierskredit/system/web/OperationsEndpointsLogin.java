package de.quartierskredit.system.web;

import de.quartierskredit.shared.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operations endpoints ({@code /actuator/*}): portfolio and fund figures only for members of
 * {@link Roles#METRICS} with HTTP Basic against Camunda's users (anonymous or wrong password: 401
 * problem with a Basic challenge; another user: 403 problem). {@code GET /actuator/health} stays
 * open for load balancers and tells only UP or DOWN ({@code show-details: never}).
 *
 * <p>The path is taken as the servlet container resolved it (decoded, dot segments and matrix
 * parameters removed), so {@code /actuator/prometheus;x=1} or {@code /actuator/health/../prometheus}
 * is the same endpoint and needs the same login.
 */
class OperationsEndpointsLogin extends OncePerRequestFilter {

  static final String OPEN = "/actuator/health";

  private final IdentityService identity;

  OperationsEndpointsLogin(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (reading && OPEN.equals(path)) {
      chain.doFilter(request, response);
      return;
    }
    String user = HttpBasic.authenticatedUser(request.getHeader("Authorization"), identity);
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"quartierskredit-metrics\", charset=\"UTF-8\"");
      Problems.write(response, 401, "Anmeldung erforderlich",
          "Die Betriebsendpunkte brauchen eine Anmeldung (HTTP Basic) eines Mitglieds der Gruppe "
              + Roles.METRICS + ".", request.getRequestURI());
      return;
    }
    if (identity.createUserQuery().userId(user).memberOfGroup(Roles.METRICS).count() == 0) {
      Problems.write(response, 403, "Keine Berechtigung",
          "Nur Mitglieder der Gruppe " + Roles.METRICS + " lesen die Betriebsendpunkte.", request.getRequestURI());
      return;
    }
    chain.doFilter(request, response);
  }
}
