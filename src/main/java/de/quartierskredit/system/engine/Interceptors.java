package de.quartierskredit.system.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Registers our command interceptors with the engine, before Camunda's own transaction interceptors. */
final class Interceptors {

  private Interceptors() {}

  /**
   * Puts the interceptor first among the custom ones that run inside the transaction; plugins added later
   * (lower Spring {@code @Order}) therefore wrap those added earlier.
   */
  static void runFirst(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, interceptor);
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }
}
