package de.quartierskredit.system.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import de.quartierskredit.shared.Roles;

/**
 * Security baseline of the engine: {@code /engine-rest} needs HTTP Basic authentication against
 * Camunda's users (anonymous calls get 401), and process owners are engine administrators.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest";

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.setUrlPatterns(List.of(ENGINE_REST + "/*"));
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName(),
        ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, ENGINE_REST));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Members of {@code process-owners} pass every authorization check, like {@code camunda-admin}. */
  @Bean
  AbstractProcessEnginePlugin processOwnersAreAdmins() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> adminGroups = configuration.getAdminGroups() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getAdminGroups());
        if (!adminGroups.contains(Roles.PROCESS_OWNERS)) {
          adminGroups.add(Roles.PROCESS_OWNERS);
        }
        configuration.setAdminGroups(adminGroups);
      }
    };
  }
}
