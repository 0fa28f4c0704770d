package de.quartierskredit.bank;

import static de.quartierskredit.contract.BankContractProcess.Variables.CONTRACT_NUMBER;
import static de.quartierskredit.contract.BankContractProcess.Variables.CONTRACT_SIGNED_ON;
import static de.quartierskredit.contract.BankContractProcess.Variables.DISBURSED_AMOUNT;
import static de.quartierskredit.contract.BankContractProcess.Variables.DISBURSED_ON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.bank.BankEventStore.StoredEvent;
import de.quartierskredit.bank.DisturbancePolicy.Change;
import de.quartierskredit.bank.DisturbancePolicy.Disturbance;
import de.quartierskredit.bank.LedgerRepository.LedgerLoan;
import de.quartierskredit.bank.RepaymentLedgerPolicy.Booking;
import de.quartierskredit.bank.RepaymentLedgerPolicy.Line;
import de.quartierskredit.contract.BankContractProcess;
import de.quartierskredit.loan.IllegalLoanStateException;
import de.quartierskredit.loan.LoanHistory;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.UnknownLoanException;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Steps 8-10 as the bank reports them: applies one bank event exactly once, in one transaction
 * (loan row locked, ledger booked, disturbance flag set, processes correlated, first answer stored).
 *
 * <p>Only applied events are stored; a refused event (400, 404, 409) leaves nothing behind and may
 * be sent again once the cause is gone (e.g. DISBURSED that arrived before CONTRACT_SIGNED). A repeat
 * of an applied event id returns the stored answer; the same id with another content is a 409.
 *
 * <p>The caller's group was checked by the controller; the engine work runs without the caller's
 * authentication so that the bank needs no rights on process instances (it cannot change them over
 * {@code /engine-rest}): this endpoint is the only way its reports reach the processes.
 */
@Service
class BankEventService {

  private static final Logger LOG = LoggerFactory.getLogger(BankEventService.class);
  static final int APPLIED = 200;

  private final BankEventInputPolicy input = new BankEventInputPolicy();
  private final BankEventDatePolicy dates = new BankEventDatePolicy();
  private final RepaymentLedgerPolicy ledger = new RepaymentLedgerPolicy();
  private final DisturbancePolicy disturbance = new DisturbancePolicy();
  private final BankEventStore events;
  private final LedgerRepository loans;
  private final LoanRepository loanRows;
  private final LoanHistory history;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final Clock clock;
  private final ApplicationEventPublisher published;

  BankEventService(BankEventStore events, LedgerRepository loans, LoanRepository loanRows, LoanHistory history,
      RuntimeService runtime, IdentityService identity, PlatformTransactionManager transactions, ObjectMapper json,
      Clock clock, ApplicationEventPublisher published) {
    this.events = events;
    this.loans = loans;
    this.loanRows = loanRows;
    this.history = history;
    this.runtime = runtime;
    this.identity = identity;
    this.transaction = new TransactionTemplate(transactions);
    this.json = json;
    this.clock = clock;
    this.published = published;
  }

  /** The answer: HTTP status and JSON body, and whether it is the stored answer of an earlier delivery. */
  record Answer(int status, String body, boolean replayed) {}

  Answer receive(BankEventRequest event) {
    List<FieldError> errors = input.check(event, LocalDate.now(clock));
    if (!errors.isEmpty()) {
      throw new InputRefusedException(errors);
    }
    String payload = canonical(event);
    Optional<StoredEvent> earlier = events.find(event.eventId());
    if (earlier.isPresent()) {
      return replay(earlier.get(), payload, event.eventId());
    }
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return transaction.execute(status -> apply(event, payload));
    } catch (DuplicateKeyException concurrent) {
      // another delivery of this id (for another loan, so not serialised by the row lock) won the insert
      return events.find(event.eventId()).map(stored -> replay(stored, payload, event.eventId()))
          .orElseThrow(() -> concurrent);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private Answer apply(BankEventRequest event, String payload) {
    String reference = event.loanReference();
    LedgerLoan loan = loans.lock(reference).orElseThrow(() -> new UnknownLoanException(reference));
    // a concurrent delivery of the same event held the lock until it committed: now we see its answer
    Optional<StoredEvent> earlier = events.find(event.eventId());
    if (earlier.isPresent()) {
      return replay(earlier.get(), payload, event.eventId());
    }
    // refused before anything is booked; the exception rolls back the row lock and nothing else
    dates.check(event.type(), event.valueDate(), loans.dates(loan.id()), LocalDate.now(clock))
        .ifPresent(refused -> {
          throw new InputRefusedException(List.of(refused));
        });
    BankEventAnswer answer = switch (event.type()) {
      case CONTRACT_SIGNED -> contractSigned(loan, event);
      case DISBURSED -> disbursed(loan, event);
      case INSTALMENT_PAID, INSTALMENT_PARTLY_PAID, INSTALMENT_MISSED -> instalment(loan, event);
    };
    String body = write(answer);
    events.insert(event, payload, APPLIED, body);
    LOG.info("Bank event {} ({}) applied to loan {}: {}", event.eventId(), event.type(), reference, body);
    return new Answer(APPLIED, body, false);
  }

  private BankEventAnswer contractSigned(LedgerLoan loan, BankEventRequest event) {
    require(loan, LoanState.APPROVED, event);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CONTRACT_NUMBER, event.contractNumber().strip());
    variables.put(CONTRACT_SIGNED_ON, event.valueDate().toString());
    correlateContract(BankContractProcess.Messages.CONTRACT_SIGNED, event, variables);
    return contractAnswer(event);
  }

  private BankEventAnswer disbursed(LedgerLoan loan, BankEventRequest event) {
    require(loan, LoanState.CONTRACTED, event);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(DISBURSED_ON, event.valueDate().toString());
    variables.put(DISBURSED_AMOUNT, Money.euros(event.amount()).toPlainString());
    correlateContract(BankContractProcess.Messages.LOAN_DISBURSED, event, variables);
    return contractAnswer(event);
  }

  private BankEventAnswer instalment(LedgerLoan loan, BankEventRequest event) {
    require(loan, LoanState.ACTIVE, event);
    List<Line> lines = loans.currentLines(loan.id());
    if (lines.isEmpty()) {
      throw IllegalLoanStateException.german("Der Kredit " + loan.reference() + " hat keinen Tilgungsplan.");
    }
    LocalDate valueDate = event.valueDate();
    Booking booking = event.type() == BankEventType.INSTALMENT_MISSED
        ? ledger.miss(lines, valueDate)
        : ledger.pay(lines, event.amount());
    if (!booking.ok()) {
      throw IllegalLoanStateException.german("Kredit " + loan.reference() + ": " + booking.reason());
    }
    loans.updateLines(booking.changed());
    BigDecimal outstanding = Money.euros(loan.outstandingPrincipal().subtract(booking.principalRepaid()).max(Money.ZERO));
    // arrears as of the latest value date reported so far: a late payment with an old value date
    // must not hide an instalment missed since
    LocalDate asOf = events.latestInstalmentValueDate(loan.reference())
        .filter(latest -> latest.isAfter(valueDate)).orElse(valueDate);
    BigDecimal arrears = ledger.arrears(booking.lines(), asOf);
    Disturbance flag = disturbance.after(loan.disturbed(), loan.disturbedSince(), arrears, valueDate);
    loanRows.bookInstalment(loan.id(), outstanding, flag.disturbed(), flag.since());
    recordHistory(loan, event, booking.principalRepaid(), flag);
    LocalDate oldestUnpaid = ledger.oldestUnpaidDueOn(booking.lines());
    if (!java.util.Objects.equals(oldestUnpaid, ledger.oldestUnpaidDueOn(lines))) {
      history.oldestUnpaidInstalment(loan.id(), valueDate, oldestUnpaid);
    }
    boolean repaid = ledger.repaid(booking.lines(), outstanding);
    boolean becameRepaid = repaid && !ledger.repaid(lines, loan.outstandingPrincipal());
    tellServicing(loan.reference(), flag, arrears, valueDate, becameRepaid);
    // in this transaction, loan row locked: the early warning reads the ledger's facts (servicing.EarlyWarnings)
    published.publishEvent(InstalmentBooked.of(loan.id(), loan.reference(), event.type(), valueDate, asOf, lines,
        booking, flag.disturbed(), becameRepaid));
    return new BankEventAnswer(event.eventId(), loan.reference(), event.type(), loan.state().name(), outstanding,
        arrears, flag.disturbed(), flag.since(), repaid);
  }

  /** The dated history that reports as of any date read (principal movements, disturbance periods). */
  private void recordHistory(LedgerLoan loan, BankEventRequest event, BigDecimal principalRepaid, Disturbance flag) {
    history.principalMoved(loan.id(), event.valueDate(), principalRepaid.negate(), LoanHistory.Movement.REPAYMENT,
        "bank-event:" + event.eventId());
    if (flag.change() == Change.BECAME_DISTURBED) {
      history.disturbanceStarted(loan.id(), flag.since());
    } else if (flag.change() == Change.ARREARS_CLEARED) {
      history.disturbanceEnded(loan.id(), event.valueDate());
    }
  }

  /** The servicing process learns of state changes of the ledger; nothing waiting is no error. */
  private void tellServicing(String reference, Disturbance flag, BigDecimal arrears, LocalDate valueDate,
      boolean becameRepaid) {
    if (flag.change() == Change.BECAME_DISTURBED) {
      correlateAll(reference, BankEventMessages.LOAN_DISTURBED, Map.of(
          BankEventMessages.Variables.ARREARS, arrears.toPlainString(),
          BankEventMessages.Variables.DISTURBED_SINCE, flag.since().toString()));
    } else if (flag.change() == Change.ARREARS_CLEARED) {
      correlateAll(reference, BankEventMessages.ARREARS_CLEARED, Map.of(
          BankEventMessages.Variables.ARREARS, Money.ZERO.toPlainString(),
          BankEventMessages.Variables.CLEARED_ON, valueDate.toString()));
    }
    if (becameRepaid) {
      correlateAll(reference, BankEventMessages.LOAN_REPAID,
          Map.of(BankEventMessages.Variables.REPAID_ON, valueDate.toString()));
    }
  }

  private void correlateAll(String reference, String message, Map<String, Object> variables) {
    int reached = runtime.createMessageCorrelation(message)
        .processInstanceBusinessKey(reference)
        .setVariables(variables)
        .correlateAllWithResult()
        .size();
    LOG.info("Message {} for loan {} reached {} process instance(s)", message, reference, reached);
  }

  private void correlateContract(String message, BankEventRequest event, Map<String, Object> variables) {
    try {
      runtime.createMessageCorrelation(message)
          .processInstanceBusinessKey(event.loanReference())
          .setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException nothingWaits) {
      throw IllegalLoanStateException.german("Für den Kredit " + event.loanReference()
          + " wartet kein Vertragsprozess auf das Ereignis „" + event.type() + "“.");
    } catch (RuntimeException failed) {
      // the bank-contract delegates check number, amount and dates (BankConfirmationPolicy)
      var refused = InputRefusedException.in(failed).orElseThrow(() -> failed);
      throw new InputRefusedException(refused.errors().stream()
          .map(e -> new FieldError(REQUEST_FIELDS.getOrDefault(e.field(), "valueDate"), e.message()))
          .toList());
    }
  }

  /** The request field of the bank event that each bank-contract form field comes from. */
  private static final Map<String, String> REQUEST_FIELDS = Map.of(
      BankContractProcess.Variables.CONTRACT_NUMBER, "contractNumber",
      BankContractProcess.Variables.CONTRACT_SIGNED_ON, "valueDate",
      BankContractProcess.Variables.DISBURSED_AMOUNT, "amount",
      BankContractProcess.Variables.DISBURSED_ON, "valueDate");

  private BankEventAnswer contractAnswer(BankEventRequest event) {
    LedgerLoan after = loans.lock(event.loanReference()).orElseThrow();
    return new BankEventAnswer(event.eventId(), after.reference(), event.type(), after.state().name(),
        Money.euros(after.outstandingPrincipal()), Money.ZERO, after.disturbed(), after.disturbedSince(), false);
  }

  private static void require(LedgerLoan loan, LoanState expected, BankEventRequest event) {
    if (loan.state() != expected) {
      throw IllegalLoanStateException.german("Der Kredit " + loan.reference() + " ist " + loan.state().label()
          + "; das Ereignis „" + event.type() + "“ passt nur zu einem Kredit im Stand „" + expected.label() + "“.");
    }
  }

  private static Answer replay(StoredEvent stored, String payload, String eventId) {
    if (!stored.payload().equals(payload)) {
      throw IllegalLoanStateException.german(
          "Die Ereignis-ID " + eventId + " wurde bereits für ein anderes Ereignis verwendet.");
    }
    return new Answer(stored.status(), stored.body(), true);
  }

  /** The request as stored: amounts with two decimals, so that 12.5 and 12.50 are the same event. */
  private String canonical(BankEventRequest event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("eventId", event.eventId());
    fields.put("loanReference", event.loanReference());
    fields.put("type", event.type().name());
    fields.put("amount", event.amount() == null ? null : Money.euros(event.amount()).toPlainString());
    fields.put("valueDate", event.valueDate().toString());
    fields.put("contractNumber", event.contractNumber());
    return write(fields);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value, e);
    }
  }
}
