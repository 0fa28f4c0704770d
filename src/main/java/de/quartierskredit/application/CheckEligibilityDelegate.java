package de.quartierskredit.application;

import static de.quartierskredit.application.LoanApplicationProcess.Variables.*;

import de.quartierskredit.application.EligibilityPolicy.Assessment;
import de.quartierskredit.application.EligibilityPolicy.Decision;
import de.quartierskredit.application.EligibilityPolicy.Handicap;
import de.quartierskredit.application.EligibilityPolicy.Level;
import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.InputRefusedException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Eligibility (DOMAIN.md step 3): applies {@link EligibilityPolicy} to the advisor's assessment. */
@Component("checkEligibilityDelegate")
class CheckEligibilityDelegate implements JavaDelegate {

  /** The advice form's checkbox for each named handicap. */
  static final Map<String, Handicap> HANDICAP_FIELDS = Map.of(
      "handicapMigration", Handicap.MIGRATION_BACKGROUND,
      "handicapCreditHistory", Handicap.POOR_CREDIT_HISTORY,
      "handicapWrongQuarter", Handicap.WRONG_QUARTER,
      "handicapWrongSector", Handicap.WRONG_SECTOR,
      "handicapLowQualification", Handicap.LOW_FORMAL_QUALIFICATION,
      "handicapNoHouseBank", Handicap.NO_HOUSE_BANK);

  private final LoanRepository loans;

  CheckEligibilityDelegate(LoanRepository loans) {
    this.loans = loans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the request (amount, quarter, SGB II) as recorded; the advisor's assessment from the advice form
    Loan loan = loans.findByReference(CaseLoan.reference(execution)).orElseThrow();
    Set<Handicap> handicaps = EnumSet.noneOf(Handicap.class);
    HANDICAP_FIELDS.forEach((field, handicap) -> {
      if (Boolean.TRUE.equals(execution.getVariable(field))) {
        handicaps.add(handicap);
      }
    });
    Assessment assessment = new Assessment(loan.amount(),
        Boolean.TRUE.equals(execution.getVariable(COMMERCIAL_PURPOSE)),
        potential(execution.getVariable(BUSINESS_POTENTIAL)),
        EligibilityPolicy.handicapLevel(handicaps),
        loan.isQuarterLoan(),
        loans.applicantReceivesSgb2(loan));
    Decision decision = EligibilityPolicy.decide(assessment);
    loans.recordEligibility(loan.reference(), decision.route().name());
    execution.setVariable(ELIGIBILITY_ROUTE, decision.route().name());
    execution.setVariable(ELIGIBILITY_REASON, decision.reason());
    execution.setVariable(ELIGIBILITY_WARNINGS, String.join("\n", decision.warnings()));
    execution.setVariable(QUARTER_LOAN, decision.quarterLoan());
  }

  private static Level potential(Object value) {
    if ("HIGH".equals(value)) {
      return Level.HIGH;
    }
    if ("LOW".equals(value)) {
      return Level.LOW;
    }
    throw new InputRefusedException(List.of(new FieldError(BUSINESS_POTENTIAL,
        "Bitte das Potenzial einschätzen: hoch oder gering.")));
  }
}
