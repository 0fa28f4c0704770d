package de.quartierskredit.privacy;

import de.quartierskredit.audit.AuditAction;
import de.quartierskredit.audit.AuditDetails;
import de.quartierskredit.audit.AuditTrail;
import de.quartierskredit.document.LoanDocuments;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.privacy.DataProtectionLog.Action;
import de.quartierskredit.privacy.PersonalDataRepository.ContactWithoutApplication;
import de.quartierskredit.privacy.PersonalDataRepository.EndedLoan;
import de.quartierskredit.privacy.RetentionPolicy.Verdict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a case whose retention has ended ({@link RetentionPolicy}): in one transaction our rows are
 * anonymised, the document bytes deleted and the engine's whole history of the case removed (every
 * process instance with the loan's reference as business key, their sub-instances, the outreach
 * instance that led to it, their user operation log and decisions), and the erasure is logged. A case
 * erased already is left alone (idempotent; the loan row's lock makes a second node wait and then find
 * it erased); a case whose retention has not ended, or with an engine instance still running, is never
 * touched.
 */
@Service
public class CaseErasure {

  private static final Logger LOG = LoggerFactory.getLogger(CaseErasure.class);

  /** What became of one request to erase a case. */
  public enum Outcome { ERASED, ALREADY_ERASED, NOT_DUE, STILL_RUNNING, UNKNOWN }

  /** The outcome, and for NOT_DUE the first day the case may be erased. */
  public record Result(Outcome outcome, RetentionPolicy.Rule rule, Optional<LocalDate> erasableFrom) {}

  private final RetentionPolicy policy;
  private final PersonalDataRepository data;
  private final LoanRepository loans;
  private final LoanDocuments documents;
  private final AuditTrail audit;
  private final DataProtectionLog log;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final Clock clock;

  CaseErasure(RetentionPolicy policy, PersonalDataRepository data, LoanRepository loans, LoanDocuments documents,
      AuditTrail audit, DataProtectionLog log, HistoryService history, RuntimeService runtime, Clock clock) {
    this.policy = policy;
    this.data = data;
    this.loans = loans;
    this.documents = documents;
    this.audit = audit;
    this.log = log;
    this.history = history;
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * Erases the loan's case if its retention has ended today; otherwise changes nothing and says why.
   * {@code actor} is who asked (null: the nightly erasure).
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public Result eraseLoan(String reference, String actor) {
    Optional<EndedLoan> found = data.loan(reference);
    if (found.isEmpty()) {
      return new Result(Outcome.UNKNOWN, null, Optional.empty());
    }
    EndedLoan loan = found.get();
    LocalDate today = LocalDate.now(clock);
    Verdict verdict = policy.forLoan(loan.state(), loan.closedOn());
    if (data.erased(reference)) {
      return new Result(Outcome.ALREADY_ERASED, verdict.rule(), verdict.erasableFrom());
    }
    if (!verdict.erasableOn(today)) {
      if (actor != null) {
        log.record(actor, Action.ERASURE_REFUSED, null, reference, "rule=" + verdict.rule()
            + verdict.erasableFrom().map(from -> ", erasableFrom=" + from).orElse(""));
      }
      return new Result(Outcome.NOT_DUE, verdict.rule(), verdict.erasableFrom());
    }
    if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count() > 0) {
      LOG.warn("Case {} is due for erasure but has a running process instance; left for the next run", reference);
      return new Result(Outcome.STILL_RUNNING, verdict.rule(), verdict.erasableFrom());
    }
    if (!loans.erasePersonalData(loan.id())) {
      return new Result(Outcome.ALREADY_ERASED, verdict.rule(), verdict.erasableFrom());
    }
    PersonalDataRepository.Counts counts = data.anonymiseCase(loan, documents.eraseAll(reference));
    Set<String> instances = new LinkedHashSet<>();
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list()
        .forEach(instance -> instances.add(instance.getId()));
    instances.addAll(data.outreachInstancesOf(reference));
    int removed = removeHistory(instances);
    log.record(actor, Action.ERASURE, "applicant-" + loan.applicantId(), reference,
        "rule=" + verdict.rule() + ", state=" + loan.state() + ", closedOn=" + loan.closedOn() + ", " + counts
            + ", processInstances=" + removed);
    // the loan's own record says that, when and by whom its personal data went (the numbers only)
    audit.record(reference, AuditAction.PERSONAL_DATA_ERASED, actor, null, Map.of(AuditDetails.RECORDS, counts.total()));
    return new Result(Outcome.ERASED, verdict.rule(), verdict.erasableFrom());
  }

  /** Erases an outreach contact that led to no application, if its retention has ended and its instance ended. */
  @Transactional(propagation = Propagation.REQUIRED)
  public Outcome eraseContact(ContactWithoutApplication contact) {
    if (!policy.forContactWithoutApplication(contact.contactedOn()).erasableOn(LocalDate.now(clock))) {
      return Outcome.NOT_DUE;
    }
    if (runtime.createProcessInstanceQuery().processInstanceId(contact.processInstanceId()).count() > 0) {
      return Outcome.STILL_RUNNING;
    }
    if (!data.anonymiseContact(contact.id())) {
      return Outcome.ALREADY_ERASED;
    }
    int removed = removeHistory(Set.of(contact.processInstanceId()));
    log.record(null, Action.ERASURE, "outreach-" + contact.id(), null,
        "rule=" + RetentionPolicy.Rule.CONTACT_WITHOUT_APPLICATION + ", contactedOn=" + contact.contactedOn()
            + ", processInstances=" + removed);
    return Outcome.ERASED;
  }

  /**
   * Removes the engine's history of these root instances and all their sub-instances: variables, form
   * fields, tasks, comments, incidents, job logs (Camunda's own deletion), and the user operation log
   * entries and decision instances of each, which that deletion keeps.
   */
  private int removeHistory(Set<String> roots) {
    List<String> all = new ArrayList<>();
    List<String> next = new ArrayList<>(roots);
    while (!next.isEmpty()) {
      List<String> found = new ArrayList<>();
      for (String id : next) {
        if (!all.contains(id)) {
          all.add(id);
          history.createHistoricProcessInstanceQuery().superProcessInstanceId(id).list().stream()
              .map(HistoricProcessInstance::getId).forEach(found::add);
        }
      }
      next = found;
    }
    List<String> existing = all.stream()
        .filter(id -> history.createHistoricProcessInstanceQuery().processInstanceId(id).count() > 0).toList();
    for (String id : existing) {
      history.createUserOperationLogQuery().processInstanceId(id).list()
          .forEach(entry -> history.deleteUserOperationLogEntry(entry.getId()));
      history.createHistoricDecisionInstanceQuery().processInstanceId(id).list()
          .forEach(decision -> history.deleteHistoricDecisionInstanceByInstanceId(decision.getId()));
    }
    if (!existing.isEmpty()) {
      history.deleteHistoricProcessInstancesIfExists(existing);
    }
    return existing.size();
  }
}
