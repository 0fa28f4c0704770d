package de.quartierskredit.document;

import static de.quartierskredit.document.DocumentFixtures.documents;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.TasklistSession;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * An upload from the Unterlagen page uses the Tasklist login session: allowed only with Camunda's CSRF
 * token of that session (a page of another site can make the browser send the cookie, not the token).
 */
@QuartierskreditTest
class SessionUploadTest {

  private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");

  @Autowired TestRestTemplate rest;
  @Autowired LoanRepository loans;

  @Test
  void shouldAcceptAnUploadWithTheSessionsTokenAsThePageSendsIt() throws Exception {
    String reference = new DocumentFixtures(loans, rest).application("offenbach");
    TasklistSession anna = TasklistSession.login(rest.getRootUri(), "anna");

    HttpResponse<String> page = anna.page("/api/loans/" + reference + "/unterlagen");
    Matcher token = META_TOKEN.matcher(page.body());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(token.find()).isTrue();
    assertThat(token.group(1)).isNotBlank().isEqualTo(anna.xsrf());

    HttpResponse<String> upload = anna.upload(documents(reference), token.group(1), "APPLICATION", "ID_DOCUMENT",
        "ausweis.pdf", TestFiles.pdf("Sitzung"));

    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    assertThat(new ObjectMapper().readTree(upload.body()).get("uploadedBy").asText()).isEqualTo("anna");
  }

  @Test
  void shouldRefuseASessionUploadWithoutOrWithAWrongToken() throws Exception {
    String reference = new DocumentFixtures(loans, rest).application("offenbach");
    TasklistSession anna = TasklistSession.login(rest.getRootUri(), "anna");

    HttpResponse<String> without = anna.upload(documents(reference), null, "APPLICATION", "ID_DOCUMENT", "a.pdf",
        TestFiles.pdf("ohne"));
    HttpResponse<String> wrong = anna.upload(documents(reference), anna.xsrf() + "0", "APPLICATION", "ID_DOCUMENT",
        "a.pdf", TestFiles.pdf("falsch"));

    for (HttpResponse<String> refused : java.util.List.of(without, wrong)) {
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(new ObjectMapper().readTree(refused.body()).get("title").asText()).isEqualTo("Sicherheitsmerkmal fehlt");
    }
    HttpResponse<String> listing = anna.page(documents(reference));
    assertThat(new ObjectMapper().readTree(listing.body()).get("documents")).isEmpty();
  }

  @Test
  void shouldStillAnswerAnonymousWritesWith401() throws Exception {
    String reference = new DocumentFixtures(loans, rest).application("offenbach");
    TasklistSession anna = TasklistSession.login(rest.getRootUri(), "anna");

    HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(rest.getRootUri() + documents(reference)))
            .header("X-XSRF-TOKEN", anna.xsrf()).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(anonymous.statusCode()).isEqualTo(401);
  }
}
