package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.CurrentUser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Step 12, default: records what each guarantor paid (0 up to the guaranteed amount), checked on the server. */
@Component("callOnGuarantorsListener")
class CallOnGuarantorsListener implements TaskListener {

  private final ServicingRepository servicing;
  private final LossRepository losses;

  CallOnGuarantorsListener(ServicingRepository servicing, LossRepository losses) {
    this.servicing = servicing;
    this.losses = losses;
  }

  @Override
  public void notify(DelegateTask task) {
    long loanId = servicing.standing(CaseLoan.reference(task)).id();
    var guarantors = losses.guarantors(loanId);
    List<FieldError> errors = new ArrayList<>();
    Map<Long, BigDecimal> paid = new LinkedHashMap<>();
    for (int i = 0; i < guarantors.size(); i++) {
      String field = GUARANTOR_PAID_PREFIX + (i + 1) + GUARANTOR_PAID_SUFFIX;
      List<FieldError> wrong = ServicingInputPolicy.guarantorPaid(field, task.getVariable(field), guarantors.get(i).guaranteed());
      errors.addAll(wrong);
      if (wrong.isEmpty()) {
        paid.put(guarantors.get(i).id(), ServicingInputPolicy.decimal(task.getVariable(field)));
      }
    }
    InputRefusedException.refuseIfAny(errors);
    losses.recordRecoveries(loanId, paid, CurrentUser.completing(task));
  }
}
