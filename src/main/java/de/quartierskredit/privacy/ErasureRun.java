package de.quartierskredit.privacy;

import de.quartierskredit.privacy.PersonalDataRepository.ContactWithoutApplication;
import de.quartierskredit.privacy.PersonalDataRepository.EndedLoan;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One run of the erasure (the nightly {@code data-protection-erasure} model's service task): every case
 * whose retention has ended by today, up to the batch size; the rest the next night. Runs in the job's
 * transaction: a failure rolls the whole run back and the job retries, then raises an incident.
 */
@Service
public class ErasureRun {

  private final RetentionPolicy policy;
  private final RetentionSettings settings;
  private final PersonalDataRepository data;
  private final CaseErasure erasure;
  private final DataProtectionLog log;
  private final Clock clock;

  ErasureRun(RetentionPolicy policy, RetentionSettings settings, PersonalDataRepository data, CaseErasure erasure,
      DataProtectionLog log, Clock clock) {
    this.policy = policy;
    this.settings = settings;
    this.data = data;
    this.erasure = erasure;
    this.log = log;
    this.clock = clock;
  }

  /** How many cases ended in which outcome. */
  public record Summary(Map<CaseErasure.Outcome, Integer> loans, Map<CaseErasure.Outcome, Integer> contacts) {
    public int erased() {
      return loans.getOrDefault(CaseErasure.Outcome.ERASED, 0) + contacts.getOrDefault(CaseErasure.Outcome.ERASED, 0);
    }
  }

  private static int count(Map<CaseErasure.Outcome, Integer> outcomes, CaseErasure.Outcome outcome) {
    return outcomes.getOrDefault(outcome, 0);
  }

  @Transactional
  public Summary eraseDueCases() {
    LocalDate today = LocalDate.now(clock);
    int limit = Math.max(1, settings.erasureBatchSize());
    // candidates by date (a day's margin for month lengths); the policy decides each
    LocalDate applicationsBy = today.minus(policy.applicationWithoutLoan()).plusDays(3);
    LocalDate loansBefore = LocalDate.of(today.getYear() - policy.bookkeepingYears(), 1, 1);
    Map<CaseErasure.Outcome, Integer> loans = new EnumMap<>(CaseErasure.Outcome.class);
    // a case left alone (not yet due, an instance still running) stays a candidate: page past it
    int offset = 0;
    List<EndedLoan> page;
    while (count(loans, CaseErasure.Outcome.ERASED) < limit
        && !(page = data.endedLoans(applicationsBy, loansBefore, offset, limit)).isEmpty()) {
      for (EndedLoan loan : page) {
        CaseErasure.Outcome outcome = erasure.eraseLoan(loan.reference(), null).outcome();
        loans.merge(outcome, 1, Integer::sum);
        offset += outcome == CaseErasure.Outcome.ERASED ? 0 : 1;
      }
    }
    Map<CaseErasure.Outcome, Integer> contacts = new EnumMap<>(CaseErasure.Outcome.class);
    LocalDate contactsBy = today.minus(policy.contactWithoutApplication()).plusDays(3);
    offset = 0;
    List<ContactWithoutApplication> contactPage;
    while (count(contacts, CaseErasure.Outcome.ERASED) < limit
        && !(contactPage = data.contactsWithoutApplication(contactsBy, offset, limit)).isEmpty()) {
      for (ContactWithoutApplication contact : contactPage) {
        CaseErasure.Outcome outcome = erasure.eraseContact(contact);
        contacts.merge(outcome, 1, Integer::sum);
        offset += outcome == CaseErasure.Outcome.ERASED ? 0 : 1;
      }
    }
    // the 15th's quality measures name borrowers of loans running that day: gone when a loan closed that day goes
    int measures = data.eraseQualityMeasuresBefore(loansBefore);
    if (measures > 0) {
      log.record(null, DataProtectionLog.Action.ERASURE, null, null,
          "rule=BOOKKEEPING, qualityAssuranceMeasures=" + measures + ", reportedBefore=" + loansBefore);
    }
    return new Summary(loans, contacts);
  }
}
