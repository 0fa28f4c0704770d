package de.quartierskredit.system.web;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Our own REST API under {@code /api}: authenticated, answering errors as problem details; and a guard for Camunda's form submission. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiRequestLimits> apiRequestLimits() {
    var registration = new FilterRegistrationBean<>(new ApiRequestLimits());
    registration.setName("api-request-limits");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 35);
    return registration;
  }

  /** Camunda's REST APIs, as Modeler, scripts and the webapps (Tasklist, Cockpit, Admin) call them. */
  @Bean
  FilterRegistrationBean<PersonRequestFilter> personRequestFilter() {
    var registration = new FilterRegistrationBean<>(new PersonRequestFilter());
    registration.setName("person-requests");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineRestVariableGuard> engineRestVariableGuard() {
    var registration = new FilterRegistrationBean<>(new EngineRestVariableGuard());
    registration.setName("engine-rest-variable-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // after the authentication of /engine-rest (HIGHEST_PRECEDENCE + 20): anonymous callers still get 401
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
    return registration;
  }
}
