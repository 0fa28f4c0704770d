package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.servicing.LoanServicingProcess.ContactKind;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.CurrentUser;
import de.quartierskredit.shared.engine.FormValues;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Steps 9-10: checks the advisor's contact form on the server and records the contact; a monthly
 * contact fulfils that month's obligation. What the contact found raises or clears the loan's early
 * warning ({@link EarlyWarnings}) in the same transaction. Refused input keeps the task open (400 on REST).
 */
@Component("recordBorrowerContactListener")
class RecordBorrowerContactListener implements TaskListener {

  private final ServicingRepository servicing;
  private final EarlyWarnings warnings;
  private final Clock clock;

  RecordBorrowerContactListener(ServicingRepository servicing, EarlyWarnings warnings, Clock clock) {
    this.servicing = servicing;
    this.warnings = warnings;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    ContactKind kind = ContactKind.valueOf(FormValues.text(task, CONTACT_KIND));
    String month = kind == ContactKind.MONTHLY ? FormValues.text(task, CONTACT_MONTH) : null;
    LocalDate earliest = month != null ? YearMonth.parse(month).atDay(1)
        : LocalDate.ofInstant(task.getCreateTime().toInstant(), clock.getZone());
    InputRefusedException.refuseIfAny(ServicingInputPolicy.contact(FormValues.text(task, CONTACT_CHANNEL),
        FormValues.text(task, CONTACT_OUTCOME), FormValues.text(task, BUSINESS_SITUATION),
        FormValues.text(task, CONTACT_NOTES), FormValues.text(task, CONTACTED_ON), LocalDate.now(clock), earliest));
    var contact = new BorrowerContact(FormValues.text(task, CONTACT_CHANNEL), FormValues.text(task, CONTACT_OUTCOME),
        FormValues.text(task, BUSINESS_SITUATION), FormValues.text(task, CONTACT_NOTES),
        ServicingInputPolicy.date(FormValues.text(task, CONTACTED_ON)));
    ServicingRepository.Standing loan = servicing.standing(CaseLoan.reference(task));
    long loanId = loan.id();
    // before the contact is stored: the warning compares it with the previous contact
    warnings.contactRecorded(loanId, loan.reference(), loan.disturbed(), contact);
    servicing.recordContact(loanId, kind, contact, CurrentUser.completing(task), task.getId(), month);
  }
}
