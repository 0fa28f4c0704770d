package de.quartierskredit.committee;

import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.DOSSIER_MARKDOWN;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.FUND_FREE_CAPACITY_TEXT;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.LOAN_AMOUNT;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.LOAN_AMOUNT_TEXT;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.SGB2_WARNING;

import de.quartierskredit.loan.CaseLoan;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** DOMAIN.md step 7: puts the committee's dossier into variables its form shows read-only. */
@Component("compileDossierDelegate")
class CompileDossierDelegate implements JavaDelegate {

  private final CommitteeDossier dossiers;

  CompileDossierDelegate(CommitteeDossier dossiers) {
    this.dossiers = dossiers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dossier = dossiers.compile(CaseLoan.reference(execution), execution.getVariables());
    execution.setVariable(DOSSIER_MARKDOWN, dossier.markdown());
    // a double for the form's number field; the loan table keeps the exact amount
    execution.setVariable(LOAN_AMOUNT, dossier.amount().doubleValue());
    execution.setVariable(LOAN_AMOUNT_TEXT, dossier.amountText());
    execution.setVariable(SGB2_WARNING, dossier.sgb2Warning());
    execution.setVariable(FUND_FREE_CAPACITY_TEXT, dossier.fundFreeCapacityText());
  }
}
