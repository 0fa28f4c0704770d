package de.quartierskredit.bank;

import de.quartierskredit.system.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Only the partner bank (group {@code bank}) reports bank events: anyone else gets 403 before the
 * body is even read (the filter already answered anonymous callers with 401).
 */
@Configuration(proxyBeanMethods = false)
class BankAccess implements WebMvcConfigurer {

  private final IdentityService identity;

  BankAccess(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null || caller.getGroupIds() == null || !caller.getGroupIds().contains(Roles.BANK)) {
          throw new AuthorizationException("Nur die Partnerbank (Gruppe " + Roles.BANK + ") meldet Bankereignisse.");
        }
        return true;
      }
    }).addPathPatterns("/api/bank/**");
  }
}
