package de.quartierskredit.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.committee.CommitteeDecisionProcess;
import de.quartierskredit.document.TestFiles;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.shared.Roles;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A loan's documents in a real (headless) Chromium (issue 17): the advisor uploads a real PDF on the
 * Unterlagen page through its file input, and a renamed text file is refused with the server's German
 * message on the page; the committee member sees the PDF in the dossier of the decision task in Tasklist
 * and downloads it in her session, byte for byte; a Leipzig advisor gets 404 for the list and the file.
 */
@QuartierskreditTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentsBrowserTest {

  private static final String FETCH = """
      const done = arguments[arguments.length - 1];
      fetch(arguments[0], {credentials: 'same-origin'})
        .then(r => r.arrayBuffer().then(b => crypto.subtle.digest('SHA-256', b)).then(d => done({status: r.status,
          sha256: Array.from(new Uint8Array(d)).map(x => x.toString(16).padStart(2, '0')).join('')})))
        .catch(e => done({status: -1, sha256: String(e)}));""";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired LoanRepository loans;

  private Browser browser;
  private TasklistSteps steps;
  private String reference;
  private String processInstanceId;
  private byte[] pdf;
  private String downloadPath;

  @BeforeAll
  void openBrowser() throws Exception {
    browser = Browser.open("http://localhost:" + port);
    steps = new TasklistSteps(browser, taskService, managementService);
    reference = loans.register(new NewApplication("Ayşe", "Demir", null, "069 123456", false, "Schneiderei Unterlagen",
        BusinessStage.NEW_FOUNDER, "Handwerk", "Marktplatz 3", "63065", "Offenbach", "offenbach", "Nähmaschine",
        new BigDecimal("4000.00"))).reference();
    pdf = TestFiles.pdf("Personalausweis Ayse Demir");
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (processInstanceId != null) {
      runtimeService.deleteProcessInstance(processInstanceId, "Browser-Test beendet");
    }
  }

  @Test
  @Order(1)
  void advisorUploadsAPdfThroughTheFileInputOfTheUnterlagenPage() throws Exception {
    browser.login("tasklist", "anna");
    browser.go("/api/loans/" + reference + "/unterlagen");
    browser.waitForText("Unterlagen zum Kredit " + reference);
    Path file = Files.createDirectories(Path.of("target", "documents-browser")).resolve("Ausweis Demir.pdf");
    Files.write(file, pdf);

    row("ID_DOCUMENT").findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
    row("ID_DOCUMENT").findElement(By.cssSelector("button[type=submit]")).click();

    // the page reloads after the upload: a row found just before the reload goes stale, so look again
    new WebDriverWait(browser.driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d ->
        row("ID_DOCUMENT").findElement(By.cssSelector(".status")).getText().equals("vorhanden"));
    WebElement link = row("ID_DOCUMENT").findElement(By.cssSelector("a.download"));
    assertThat(link.getText()).isEqualTo("Ausweis Demir.pdf");
    downloadPath = link.getDomAttribute("href");
    assertThat(row("BUSINESS_PLAN").findElement(By.cssSelector(".status")).getText()).isEqualTo("fehlt");
    GermanOnly.assertPage(browser.pageText());
    assertThat(browser.pageText()).contains("Datei wählen").doesNotContain("Choose File", "No file chosen");
    browser.screenshot("documents-01-uploaded");
  }

  @Test
  @Order(2)
  void aRenamedTextFileIsRefusedWithTheGermanMessageOnThePage() throws Exception {
    Path renamed = Path.of("target", "documents-browser", "Businessplan.pdf");
    Files.write(renamed, TestFiles.text());

    row("BUSINESS_PLAN").findElement(By.cssSelector("input[type=file]")).sendKeys(renamed.toAbsolutePath().toString());
    row("BUSINESS_PLAN").findElement(By.cssSelector("button[type=submit]")).click();

    new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d ->
        row("BUSINESS_PLAN").findElement(By.cssSelector(".message")).getText().startsWith("Nur PDF-"));
    assertThat(row("BUSINESS_PLAN").findElement(By.cssSelector(".chosen")).getText()).isEqualTo("Businessplan.pdf");
    assertThat(row("BUSINESS_PLAN").findElement(By.cssSelector(".message")).getText())
        .startsWith("Nur PDF-, JPEG- und PNG-Dateien werden angenommen");
    assertThat(row("BUSINESS_PLAN").findElement(By.cssSelector(".status")).getText()).isEqualTo("fehlt");
    GermanOnly.assertPage(browser.pageText());
    browser.screenshot("documents-02-refused");
  }

  @Test
  @Order(3)
  void committeeMemberSeesTheDocumentInTheDossierAndDownloadsIt() throws Exception {
    startCommitteeDecision();
    loginFromAnyPage("sven");
    steps.open(taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(CommitteeDecisionProcess.Activities.DECIDE_APPLICATION).singleResult());

    assertThat(browser.pageText()).contains("Unterlagen", "Personalausweis oder Pass: Ausweis Demir.pdf",
        "Businessplan: fehlt", "Unterlagen zum Kredit " + reference);
    List<WebElement> links = browser.driver.findElements(By.cssSelector(".fjs-form a[href*='/documents/']"));
    assertThat(links).hasSize(1);
    String href = links.get(0).getDomAttribute("href");
    assertThat(href).isEqualTo("/api/loans/" + reference + "/documents/" + downloadPath.substring(downloadPath.lastIndexOf('/') + 1));
    // the dossier's link and the one at the top of every loan task form (beside the Kreditakte, loanfile)
    assertThat(browser.driver.findElements(By.cssSelector(".fjs-form a[href='/api/loans/" + reference + "/unterlagen']")))
        .hasSize(2);
    browser.screenshot("documents-03-dossier");

    Map<?, ?> fetched = fetch(href);

    assertThat(((Number) fetched.get("status")).intValue()).isEqualTo(200);
    assertThat(fetched.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
  }

  @Test
  @Order(4)
  void leipzigAdvisorGets404ForTheListAndTheFile() {
    loginFromAnyPage("lars");
    String file = "/api/loans/" + reference + "/documents/" + downloadPath.substring(downloadPath.lastIndexOf('/') + 1);

    assertThat(((Number) fetch("/api/loans/" + reference + "/documents").get("status")).intValue()).isEqualTo(404);
    assertThat(((Number) fetch(file).get("status")).intValue()).isEqualTo(404);
    assertThat(((Number) fetch("/api/loans/" + reference + "/unterlagen").get("status")).intValue()).isEqualTo(404);
  }

  /** From a page of ours (no logout link there): back to Tasklist, then log the current user out and the next in. */
  private void loginFromAnyPage(String user) {
    browser.go("/camunda/app/tasklist/default/");
    new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d ->
        !d.findElements(By.cssSelector("input[ng-model=username]")).isEmpty()
            || !d.findElements(By.cssSelector("a[ng-click='logout()']")).isEmpty());
    browser.login("tasklist", user);
  }

  /** GET in the logged-in page's session: the status and the SHA-256 of the body. */
  private Map<?, ?> fetch(String path) {
    return (Map<?, ?>) ((JavascriptExecutor) browser.driver).executeAsyncScript(FETCH, path);
  }

  private WebElement row(String type) {
    return browser.waitFor(By.cssSelector("table.checklist tr[data-type='" + type + "']"));
  }

  /** The committee decision of the loan, its template prepared: the dossier is compiled now. */
  private void startCommitteeDecision() {
    processInstanceId = runtimeService.startProcessInstanceByKey(CommitteeDecisionProcess.KEY, reference, Map.of(
        CommitteeDecisionProcess.Variables.LOAN_REFERENCE, reference,
        CommitteeDecisionProcess.Variables.QUARTER_CODE, "offenbach",
        CommitteeDecisionProcess.Variables.ADVISOR_GROUP, Roles.advisors("offenbach"),
        CommitteeDecisionProcess.Variables.COMMITTEE_GROUP, Roles.committee("offenbach"))).getId();
    String template = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    taskService.complete(template, Map.of(
        CommitteeDecisionProcess.Variables.IMPROVES_SITUATION, "Ja: eigenes Einkommen.",
        CommitteeDecisionProcess.Variables.CAN_REPAY, "Ja: Rate rund 180 EUR.",
        CommitteeDecisionProcess.Variables.RECOMMENDATION, "APPROVE"));
  }
}
