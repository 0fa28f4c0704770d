package de.quartierskredit.system.migration;

import de.quartierskredit.system.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Only process owners (and Camunda administrators) use {@code /api/admin}: anyone else gets 403
 * before the body is read (the API filter already answered anonymous callers with 401).
 */
@Configuration(proxyBeanMethods = false)
class ProcessOwnerAccess implements WebMvcConfigurer {

  private final IdentityService identity;

  ProcessOwnerAccess(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication caller = identity.getCurrentAuthentication();
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (!groups.contains(Roles.PROCESS_OWNERS) && !groups.contains(Groups.CAMUNDA_ADMIN)) {
          throw new AuthorizationException("Nur Prozessverantwortliche (Gruppe " + Roles.PROCESS_OWNERS
              + ") ändern Modelle und migrieren laufende Kredite.");
        }
        return true;
      }
    }).addPathPatterns("/api/admin/**");
  }
}
