package de.quartierskredit.loanfile;

import de.quartierskredit.shared.LoanVisibility;
import de.quartierskredit.shared.LoanVisibility.Visibility;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The loan file for whoever may read the loan, by the one visibility rule of the API
 * ({@link LoanVisibility}): empty for an unknown reference and for one of another quarter (the
 * caller cannot tell which); 403 for a caller who may read no loan at all (the bank: it learns of a
 * loan from the microfinancer's recommendation and reports to our bank API, it does not browse files).
 */
@Service
public class LoanFiles {

  private static final int REFERENCE_MAX_LENGTH = 40;

  private final LoanFileReader reader;
  private final LoanFileAttachments attachments;
  private final IdentityService identity;
  private final Clock clock;

  LoanFiles(LoanFileReader reader, LoanFileAttachments attachments, IdentityService identity, Clock clock) {
    this.reader = reader;
    this.attachments = attachments;
    this.identity = identity;
    this.clock = clock;
  }

  /** The file as of today, read in one transaction so that its sections agree with each other. */
  @Transactional(readOnly = true)
  public Optional<LoanFile> find(String reference) {
    Authentication caller = identity.getCurrentAuthentication();
    Visibility visible = LoanVisibility.of(caller == null ? List.of() : caller.getGroupIds());
    if (visible.none()) {
      throw new AuthorizationException("Die Kreditakte lesen der Mikrofinanzierer, das Management, die "
          + "Prozessverantwortlichen und die Quartiersberatung und der Vergabeausschuss ihres Quartiers.");
    }
    if (reference == null || reference.isBlank() || reference.length() > REFERENCE_MAX_LENGTH) {
      return Optional.empty();
    }
    Optional<Optional<String>> quarter = reader.quarterOf(reference);
    if (caller == null || quarter.isEmpty() || !visible.sees(quarter.get().orElse(null))) {
      return Optional.empty();
    }
    // the rule above decided what the caller reads; caseworkers' names are looked up without her own
    // authorizations (an advisor may not list users, yet the file names who did each step)
    identity.clearAuthentication();
    try {
      Map<String, String> documentLabels = attachments.documentLabels(reference);
      return Optional.of(reader.read(reference, LocalDate.now(clock), documentLabels)
          .with(attachments.documents(reference, caller.getGroupIds()),
              attachments.audit(reference), documentLabels));
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
