package de.quartierskredit.document;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.document.DocumentAccessPolicy.Reading;
import de.quartierskredit.loan.LoanState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who reads, opens and adds which documents of a loan. */
class DocumentAccessPolicyTest {

  private static final List<String> ADVISOR_OFFENBACH = List.of("advisors-offenbach");
  private static final List<String> COMMITTEE_OFFENBACH = List.of("committee-offenbach");
  private static final List<String> BANK = List.of("bank");
  private static final List<String> MANAGER = List.of("managers");
  private static final List<String> MICROFINANCER = List.of("microfinancer");

  @Test
  void shouldLetTheQuarterAndTheWholeProgrammeReadAndOthersNot() {
    assertThat(DocumentAccessPolicy.reading(ADVISOR_OFFENBACH, "offenbach", LoanState.APPLIED)).isEqualTo(Reading.ALL);
    assertThat(DocumentAccessPolicy.reading(COMMITTEE_OFFENBACH, "offenbach", LoanState.APPLIED)).isEqualTo(Reading.ALL);
    assertThat(DocumentAccessPolicy.reading(ADVISOR_OFFENBACH, "leipzig", LoanState.APPLIED)).isEqualTo(Reading.NONE);
    assertThat(DocumentAccessPolicy.reading(ADVISOR_OFFENBACH, null, LoanState.APPLIED)).isEqualTo(Reading.NONE);
    assertThat(DocumentAccessPolicy.reading(MANAGER, null, LoanState.APPLIED)).isEqualTo(Reading.ALL);
    assertThat(DocumentAccessPolicy.reading(MICROFINANCER, "leipzig", LoanState.APPLIED)).isEqualTo(Reading.ALL);
  }

  @Test
  void shouldLetTheBankReadTheContractOfLoansThatReachedItOnly() {
    assertThat(DocumentAccessPolicy.reading(BANK, "offenbach", LoanState.APPLIED)).isEqualTo(Reading.NONE);
    assertThat(DocumentAccessPolicy.reading(BANK, "offenbach", LoanState.REJECTED)).isEqualTo(Reading.NONE);
    for (LoanState state : DocumentStage.REACHED_THE_BANK) {
      Reading reading = DocumentAccessPolicy.reading(BANK, "offenbach", state);
      assertThat(reading).as(state.name()).isEqualTo(Reading.CONTRACT_ONLY);
      assertThat(reading.covers("CONTRACT")).isTrue();
      assertThat(reading.covers("APPLICATION")).isFalse();
    }
    assertThat(DocumentAccessPolicy.readsNone(BANK)).isFalse();
    assertThat(DocumentAccessPolicy.readsNone(List.of("metrics"))).isTrue();
  }

  @Test
  void shouldLetEveryReaderOpenFilesExceptManagers() {
    assertThat(DocumentAccessPolicy.open(COMMITTEE_OFFENBACH, "offenbach", LoanState.APPLIED, "APPLICATION").ok()).isTrue();
    assertThat(DocumentAccessPolicy.open(MICROFINANCER, null, LoanState.APPLIED, "APPLICATION").ok()).isTrue();
    assertThat(DocumentAccessPolicy.open(BANK, "offenbach", LoanState.ACTIVE, "CONTRACT").ok()).isTrue();
    assertThat(DocumentAccessPolicy.open(BANK, "offenbach", LoanState.ACTIVE, "APPLICATION").ok()).isFalse();
    var manager = DocumentAccessPolicy.open(MANAGER, "offenbach", LoanState.APPLIED, "APPLICATION");
    assertThat(manager.ok()).isFalse();
    assertThat(manager.reason()).contains("Datenminimierung");
    // a manager who also advises the quarter opens its files as its advisor
    assertThat(DocumentAccessPolicy.open(List.of("managers", "advisors-offenbach"), "offenbach", LoanState.APPLIED,
        "APPLICATION").ok()).isTrue();
  }

  @Test
  void shouldLetAdvisorsOfTheQuarterTheMicrofinancerProcessOwnersAndForTheContractTheBankAdd() {
    assertThat(DocumentAccessPolicy.add(ADVISOR_OFFENBACH, "offenbach", LoanState.APPLIED, "APPLICATION").ok()).isTrue();
    assertThat(DocumentAccessPolicy.add(ADVISOR_OFFENBACH, "leipzig", LoanState.APPLIED, "APPLICATION").ok()).isFalse();
    assertThat(DocumentAccessPolicy.add(ADVISOR_OFFENBACH, null, LoanState.APPLIED, "APPLICATION").ok()).isFalse();
    assertThat(DocumentAccessPolicy.add(MICROFINANCER, null, LoanState.APPLIED, "APPLICATION").ok()).isTrue();
    assertThat(DocumentAccessPolicy.add(List.of("process-owners"), "kiel", LoanState.ACTIVE, "CONTRACT").ok()).isTrue();
    assertThat(DocumentAccessPolicy.add(BANK, "offenbach", LoanState.CONTRACTED, "CONTRACT").ok()).isTrue();
    assertThat(DocumentAccessPolicy.add(BANK, "offenbach", LoanState.CONTRACTED, "APPLICATION").ok()).isFalse();
    assertThat(DocumentAccessPolicy.add(BANK, "offenbach", LoanState.APPLIED, "CONTRACT").ok()).isFalse();
    assertThat(DocumentAccessPolicy.add(COMMITTEE_OFFENBACH, "offenbach", LoanState.APPLIED, "APPLICATION").reason())
        .contains("Vergabeausschuss");
    assertThat(DocumentAccessPolicy.add(MANAGER, "offenbach", LoanState.APPLIED, "APPLICATION").ok()).isFalse();
  }
}
