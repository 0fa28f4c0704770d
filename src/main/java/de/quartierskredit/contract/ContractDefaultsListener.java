package de.quartierskredit.contract;

import static de.quartierskredit.contract.BankContractProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Start of bank-contract: the loan reference for the forms (from the business key) and what the caller left
 * open: term, rate and the signing escalation period.
 */
@Component("contractDefaultsListener")
class ContractDefaultsListener implements ExecutionListener {

  private final int defaultTermMonths;
  private final BigDecimal defaultAnnualRate;
  private final String escalationAfter;

  ContractDefaultsListener(
      @Value("${quartierskredit.loan.default-term-months}") int defaultTermMonths,
      @Value("${quartierskredit.loan.default-annual-interest-rate}") BigDecimal defaultAnnualRate,
      @Value("${quartierskredit.contract.escalation-after}") String escalationAfter) {
    if (escalationAfter.contains("T")) {
      Duration.parse(escalationAfter);
    } else {
      Period.parse(escalationAfter);
    }
    this.defaultTermMonths = defaultTermMonths;
    this.defaultAnnualRate = defaultAnnualRate;
    this.escalationAfter = escalationAfter;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // a display copy for the forms; what decides is the business key (CaseLoan)
    execution.setVariable(BankContractProcess.Variables.LOAN_REFERENCE, CaseLoan.reference(execution));
    if (execution.getVariable(TERM_MONTHS) == null) {
      execution.setVariable(TERM_MONTHS, defaultTermMonths);
    }
    if (execution.getVariable(ANNUAL_INTEREST_RATE) == null) {
      execution.setVariable(ANNUAL_INTEREST_RATE, defaultAnnualRate.toPlainString());
    }
    if (execution.getVariable(CONTRACT_ESCALATION_AFTER) == null) {
      execution.setVariable(CONTRACT_ESCALATION_AFTER, escalationAfter);
    }
  }
}
