package de.quartierskredit.duties;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who did which step of a loan (table {@code loan_participant}); the only writer of that table. */
@Repository
public class LoanParticipants {

  private final JdbcClient jdbc;
  private final Clock clock;

  LoanParticipants(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records that {@code userId} did {@code step} on the loan; false when there is no such loan. */
  public boolean record(String loanReference, Step step, String userId, String taskId, String processInstanceId) {
    return jdbc.sql("""
            INSERT INTO loan_participant (loan_id, step, user_id, task_id, process_instance_id, occurred_at)
            SELECT id, :step, :user, :task, :pi, :at FROM loan WHERE reference = :reference""")
        .param("step", step.name())
        .param("user", userId)
        .param("task", taskId)
        .param("pi", processInstanceId)
        .param("at", LocalDateTime.now(clock))
        .param("reference", loanReference)
        .update() > 0;
  }

  /** Everything recorded for the loan, in the order it happened. */
  public List<Participation> of(String loanReference) {
    return jdbc.sql("""
            SELECT p.step, p.user_id, p.occurred_at FROM loan_participant p JOIN loan l ON l.id = p.loan_id
            WHERE l.reference = :reference ORDER BY p.id""")
        .param("reference", loanReference)
        .query((rs, row) -> new Participation(Step.valueOf(rs.getString("step")), rs.getString("user_id"),
            rs.getObject("occurred_at", LocalDateTime.class)))
        .list();
  }
}
