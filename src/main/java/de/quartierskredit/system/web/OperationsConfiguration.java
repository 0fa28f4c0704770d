package de.quartierskredit.system.web;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The operations endpoints under {@code /actuator}: a login for everything but health. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  @Bean
  FilterRegistrationBean<OperationsEndpointsLogin> operationsEndpointsLogin(IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new OperationsEndpointsLogin(identity));
    registration.setName("operations-endpoints-login");
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
