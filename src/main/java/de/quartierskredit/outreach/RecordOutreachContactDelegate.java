package de.quartierskredit.outreach;

import static de.quartierskredit.outreach.OutreachProcess.Variables.*;

import de.quartierskredit.application.ApplicationValidator;
import de.quartierskredit.application.QuarterAccess;
import de.quartierskredit.fund.QuarterRepository;
import de.quartierskredit.outreach.OutreachProcess.ContactType;
import de.quartierskredit.outreach.OutreachProcess.Outcome;
import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Outreach (DOMAIN.md step 1): checks and records the advisor's contact in {@code outreach_contact}. */
@Component("recordOutreachContactDelegate")
class RecordOutreachContactDelegate implements JavaDelegate {

  private final OutreachContactRepository contacts;
  private final QuarterRepository quarters;

  RecordOutreachContactDelegate(OutreachContactRepository contacts, QuarterRepository quarters) {
    this.contacts = contacts;
    this.quarters = quarters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<FieldError> errors = new ArrayList<>();
    String quarter = Fields.text(execution, QUARTER_CODE, true, 40, errors);
    if (quarter != null && !ApplicationValidator.OUTSIDE_QUARTERS.equals(quarter) && quarters.find(quarter).isEmpty()) {
      errors.add(new FieldError(QUARTER_CODE, "Bitte ein teilnehmendes Quartier wählen."));
    }
    ContactType type = Fields.choice(execution, CONTACT_TYPE, ContactType.class, errors);
    String partner = Fields.text(execution, REFERRAL_PARTNER, type == ContactType.PARTNER_REFERRAL, 200, errors);
    String person = Fields.text(execution, CONTACT_PERSON, true, 200, errors);
    String business = Fields.text(execution, BUSINESS_NAME, false, 200, errors);
    Outcome outcome = Fields.choice(execution, CONTACT_OUTCOME, Outcome.class, errors);
    String offer = Fields.text(execution, REFERRAL_OFFER, outcome == Outcome.REFERRED_TO_ADVICE, 200, errors);
    String notes = Fields.text(execution, CONTACT_NOTES, false, 2000, errors);
    if (!errors.isEmpty()) {
      throw new InputRefusedException(errors);
    }
    String quarterCode = ApplicationValidator.OUTSIDE_QUARTERS.equals(quarter) ? null : quarter;
    Authentication recorder = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    QuarterAccess.check(recorder == null ? null : recorder.getGroupIds(), quarterCode);
    contacts.record(new OutreachContact(quarterCode, type, partner, business, person, outcome, offer, notes),
        execution.getProcessInstanceId(), CurrentUser.of(execution));
  }
}
