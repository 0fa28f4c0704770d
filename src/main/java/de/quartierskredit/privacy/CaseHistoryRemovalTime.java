package de.quartierskredit.privacy;

import de.quartierskredit.application.LoanApplicationProcess;
import de.quartierskredit.outreach.OutreachProcess;
import de.quartierskredit.portfolio.PortfolioStandardProcess;
import de.quartierskredit.servicing.LoanServicingProcess;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The engine's history follows the retention clock of our tables ({@link RetentionPolicy}): when a case's
 * root instance ends, its whole history (sub-instances included) gets the earlier of the model's
 * time-to-live and the day our tables erase the case. An application that ends without a loan (any end
 * but "Kredit ausgezahlt") is removed 6 months after it ended, an outreach contact that led to no
 * application 6 months after the contact, a loan's servicing and a 15th's quality assurance (which names
 * borrowers of loans running that day) no later than the bookkeeping retention. The
 * nightly erasure also removes the history of the case explicitly; this is the engine's own clock for the
 * same rule, so the history never outlives our rows even if the erasure stopped.
 */
@Component
class CaseHistoryRemovalTime extends AbstractProcessEnginePlugin {

  private final RetentionPolicy policy;
  private final Clock clock;

  CaseHistoryRemovalTime(RetentionPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryRemovalTimeProvider(new Provider());
  }

  /** The earlier of the model's time-to-live and our retention, for a root instance that ended. */
  Date removalTime(String processDefinitionKey, String endActivityId, Date endTime, Date byTimeToLive) {
    if (byTimeToLive == null || endTime == null) {
      return byTimeToLive;
    }
    LocalDate ended = LocalDate.ofInstant(endTime.toInstant(), clock.getZone());
    LocalDate erasedOn = switch (processDefinitionKey) {
      case LoanApplicationProcess.KEY -> LoanApplicationProcess.Activities.END_DISBURSED.equals(endActivityId)
          ? null : policy.afterApplicationWithoutLoan(ended);
      case OutreachProcess.KEY -> OutreachProcess.Activities.END_APPLICATION_STARTED.equals(endActivityId)
          ? null : policy.afterContactWithoutApplication(ended);
      case LoanServicingProcess.KEY -> policy.afterBookkeeping(ended);
      // the 15th's quality assurance names the disturbed borrowers of loans running that day: each of them
      // closes later, so none is erased before the day a loan closed on the 15th would be
      case PortfolioStandardProcess.KEY -> policy.afterBookkeeping(ended);
      default -> null;
    };
    if (erasedOn == null) {
      return byTimeToLive;
    }
    Date ours = Date.from(erasedOn.atStartOfDay(clock.getZone()).toInstant());
    return ours.before(byTimeToLive) ? ours : byTimeToLive;
  }

  private final class Provider extends DefaultHistoryRemovalTimeProvider {
    @Override
    public Date calculateRemovalTime(HistoricProcessInstanceEventEntity root, ProcessDefinition definition) {
      Date byTimeToLive = super.calculateRemovalTime(root, definition);
      return root.getEndTime() == null ? byTimeToLive
          : removalTime(definition.getKey(), root.getEndActivityId(), root.getEndTime(), byTimeToLive);
    }
  }
}
