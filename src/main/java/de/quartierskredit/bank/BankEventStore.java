package de.quartierskredit.bank;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The applied bank events with their first answer ({@code bank_event}): what makes a repeat harmless. */
@Repository
class BankEventStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  BankEventStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** An applied event: its canonical payload and the answer given the first time. */
  record StoredEvent(String payload, int status, String body) {}

  Optional<StoredEvent> find(String eventId) {
    return jdbc.sql("SELECT payload, response_status, response_body FROM bank_event WHERE event_id = :id")
        .param("id", eventId)
        .query((rs, row) -> new StoredEvent(rs.getString("payload"), rs.getInt("response_status"),
            rs.getString("response_body")))
        .optional();
  }

  /** Inserts the event; a concurrent insert of the same id fails on the primary key. */
  void insert(BankEventRequest event, String payload, int status, String body) {
    jdbc.sql("""
            INSERT INTO bank_event (event_id, loan_reference, event_type, amount, value_date, payload,
                                    response_status, response_body, received_at)
            VALUES (:id, :reference, :type, :amount, :valueDate, :payload, :status, :body, :now)""")
        .param("id", event.eventId())
        .param("reference", event.loanReference())
        .param("type", event.type().name())
        .param("amount", event.amount())
        .param("valueDate", event.valueDate())
        .param("payload", payload)
        .param("status", status)
        .param("body", body)
        .param("now", LocalDateTime.now(clock))
        .update();
  }

  /** The latest value date of the loan's applied instalment events: the ledger's date never goes back. */
  Optional<LocalDate> latestInstalmentValueDate(String reference) {
    return jdbc.sql("""
            SELECT MAX(value_date) FROM bank_event
            WHERE loan_reference = :reference
              AND event_type IN ('INSTALMENT_PAID', 'INSTALMENT_PARTLY_PAID', 'INSTALMENT_MISSED')""")
        .param("reference", reference)
        .query((rs, row) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)))
        .single();
  }
}
