package de.quartierskredit.system.web;

import de.quartierskredit.system.engine.TaskAlreadyDoneException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} answers a task completion that lost a race with 409 Conflict and a readable
 * message instead of Camunda's 500: the engine marks it with {@link TaskAlreadyDoneException#CODE}.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConflicts {

  @Bean
  ResourceConfigCustomizer taskAlreadyDoneIsAConflict() {
    return config -> config.register(new ConflictStatus());
  }

  /** Rewrites the status of Camunda's error answer; the body (type, message, code) stays as it is. */
  static final class ConflictStatus implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (response.getStatus() == 500 && response.getEntity() instanceof ExceptionDto error
          && error.getCode() != null && error.getCode() == TaskAlreadyDoneException.CODE) {
        response.setStatus(409);
      }
    }
  }
}
