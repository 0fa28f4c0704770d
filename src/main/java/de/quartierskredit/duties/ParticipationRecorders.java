package de.quartierskredit.duties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The listeners the models name to record who did a step ({@code ${recordAdviceListener}} and so on):
 * one bean per step, so that the model says which step it is and no activity id is repeated here.
 */
@Configuration(proxyBeanMethods = false)
class ParticipationRecorders {

  /** End of {@code Task_RegisterApplication}: the user who started it in Tasklist, over the API or from a contact. */
  @Bean
  RecordParticipation recordApplicationListener(LoanParticipants participants) {
    return new RecordParticipation(participants, Step.APPLICATION_RECORDED);
  }

  @Bean
  RecordParticipation recordAdviceListener(LoanParticipants participants) {
    return new RecordParticipation(participants, Step.ADVICE);
  }

  @Bean
  RecordParticipation recordGuarantorsListener(LoanParticipants participants) {
    return new RecordParticipation(participants, Step.GUARANTORS_RECORDED);
  }

  @Bean
  RecordParticipation recordDecisionTemplateListener(LoanParticipants participants) {
    return new RecordParticipation(participants, Step.DECISION_TEMPLATE);
  }

  @Bean
  RecordParticipation recordCommitteeDecisionListener(LoanParticipants participants) {
    return new RecordParticipation(participants, Step.COMMITTEE_DECISION);
  }

  @Bean
  RecordParticipation recordWriteOffRequestListener(LoanParticipants participants) {
    return new RecordParticipation(participants, Step.WRITE_OFF_REQUESTED);
  }
}
