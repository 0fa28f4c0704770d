package de.quartierskredit.privacy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code data-protection-erasure}: erases every case whose retention has ended ({@link ErasureRun}). An
 * asynchronous job, so exactly one node of a cluster runs it, in one transaction with the erasure.
 */
@Component("eraseDueCasesDelegate")
class EraseDueCasesDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(EraseDueCasesDelegate.class);

  private final ErasureRun run;

  EraseDueCasesDelegate(ErasureRun run) {
    this.run = run;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ErasureRun.Summary summary = run.eraseDueCases();
    LOG.info("Data protection erasure: loans {}, outreach contacts {}", summary.loans(), summary.contacts());
    execution.setVariable(DataProtectionErasureProcess.Variables.ERASED_CASES, (long) summary.erased());
  }
}
