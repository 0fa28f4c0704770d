package de.quartierskredit.loanfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every task form of a loan opens with the links to its Kreditakte and Unterlagen (the bank's forms: the
 * Unterlagen only, the bank reads no loan file); forms of steps without a loan yet have none.
 */
class LoanFileLinksInFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Outreach (no loan yet), the start forms and the portfolio's quality measures (no single loan). */
  private static final Set<String> WITHOUT_LOAN = Set.of("record-outreach-contact", "loan-application-start",
      "start-rescheduling", "record-quality-measures");
  /** Tasks of the bank (candidate group bank). */
  private static final Set<String> BANK = Set.of("confirm-contract", "confirm-disbursement");

  @Test
  void shouldLinkEveryLoanTaskFormToTheLoanFileAndItsDocumentsFirst() throws IOException {
    for (Path form : forms()) {
      String name = form.getFileName().toString().replace(".form", "");
      JsonNode components = JSON.readTree(Files.readString(form)).path("components");
      List<JsonNode> links = Stream.of(components).flatMap(c -> java.util.stream.StreamSupport.stream(c.spliterator(), false))
          .filter(c -> "Text_LoanFileLinks".equals(c.path("id").asText())).toList();
      if (WITHOUT_LOAN.contains(name)) {
        assertThat(links).as(name).isEmpty();
        continue;
      }
      assertThat(components.get(0).path("id").asText()).as(name + ": the links come first").isEqualTo("Text_LoanFileLinks");
      String text = components.get(0).path("text").asText();
      assertThat(components.get(0).path("conditional").path("hide").asText()).isEqualTo("=caseReference = null");
      assertThat(text).as(name).contains("](/api/loans/{{caseReference}}/unterlagen)");
      if (BANK.contains(name)) {
        assertThat(text).as(name).doesNotContain("kreditakte");
      } else {
        assertThat(text).as(name).contains("[Kreditakte {{caseReference}} öffnen](/api/loans/{{caseReference}}/kreditakte)");
      }
    }
  }

  @Test
  void shouldKnowEveryFormItNamesAsExisting() throws IOException {
    List<String> names = forms().stream().map(f -> f.getFileName().toString().replace(".form", "")).toList();
    assertThat(names).containsAll(WITHOUT_LOAN).containsAll(BANK);
  }

  private static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
  }
}
