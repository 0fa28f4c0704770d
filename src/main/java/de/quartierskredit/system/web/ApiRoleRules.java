package de.quartierskredit.system.web;

import de.quartierskredit.shared.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Which role may use which part of our API, checked before the body is read (the API filter has
 * already answered anonymous callers with 401): the partner bank reports bank events, process owners
 * migrate models and answer data protection requests. Everyone else gets a 403 problem.
 */
@Configuration(proxyBeanMethods = false)
class ApiRoleRules implements WebMvcConfigurer {

  /** A path pattern, the groups that may use it, and what everyone else is told. */
  record Rule(String pathPattern, Set<String> groups, String refusal) {}

  static final List<Rule> RULES = List.of(
      new Rule("/api/bank/**", Set.of(Roles.BANK),
          "Nur die Partnerbank (Gruppe " + Roles.BANK + ") meldet Bankereignisse."),
      new Rule("/api/admin/**", Set.of(Roles.PROCESS_OWNERS, Groups.CAMUNDA_ADMIN),
          "Nur Prozessverantwortliche (Gruppe " + Roles.PROCESS_OWNERS
              + ") ändern Modelle und migrieren laufende Kredite."),
      new Rule("/api/data-protection/**", Set.of(Roles.PROCESS_OWNERS),
          "Nur Prozessverantwortliche (Gruppe " + Roles.PROCESS_OWNERS
              + ") erteilen Auskunft über gespeicherte Personen und löschen Fälle."));

  private final IdentityService identity;

  ApiRoleRules(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    for (Rule rule : RULES) {
      registry.addInterceptor(new HandlerInterceptor() {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
          Authentication caller = identity.getCurrentAuthentication();
          List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
          if (groups.stream().noneMatch(rule.groups()::contains)) {
            throw new AuthorizationException(rule.refusal());
          }
          return true;
        }
      }).addPathPatterns(rule.pathPattern());
    }
  }
}
