package de.quartierskredit.system.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serialises the start-up work of several nodes on one database (groups, authorizations, Tasklist
 * filters): the work runs in one transaction that first locks Camunda's own {@code startup.lock} row of
 * {@code ACT_GE_PROPERTY} (the row the engine locks while it sets up its history level). A second node
 * starting at the same moment waits until the first has committed, then finds everything in place and
 * changes nothing. Every engine call inside the work joins that transaction as a command of its own, so
 * each sees what the calls before it wrote.
 */
@Component
public class StartupLock {

  private final ProcessEngine engine;
  private final TransactionTemplate transaction;

  StartupLock(ProcessEngine engine, PlatformTransactionManager transactions) {
    this.engine = engine;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Runs the work holding the lock, in one transaction; its result is returned after the commit. */
  public <T> T hold(Supplier<T> work) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return transaction.execute(status -> {
      configuration.getCommandExecutorTxRequired().execute(commandContext -> {
        commandContext.getPropertyManager().acquireExclusiveLockForStartup();
        return null;
      });
      return work.get();
    });
  }
}
