package de.quartierskredit.servicing;

import org.springframework.stereotype.Component;

/** Step 10: answers from the loan table (the truth) whether a loan is still disturbed; used by the model's intensive contact loop. */
@Component("loanStanding")
public class LoanStanding {

  private final ServicingRepository servicing;

  LoanStanding(ServicingRepository servicing) {
    this.servicing = servicing;
  }

  public boolean disturbed(String loanReference) {
    return servicing.standing(loanReference).disturbed();
  }
}
