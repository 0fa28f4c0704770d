package de.quartierskredit.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.loanfile.LoanFileStories;
import de.quartierskredit.support.FundRoom;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Kreditakte reached where people work, in a real Chromium: the committee member opens it from the
 * link at the top of the decision form in Tasklist (form-js keeps the relative link; our script opens
 * it in a new tab), the microfinancer from the "Kreditakte" button of the loan's process instance in
 * Cockpit. The page is German and names the loan.
 */
@QuartierskreditTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoanFileBrowserTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;

  private Browser browser;
  private String reference;

  @BeforeAll
  void openBrowser() throws Exception {
    browser = Browser.open("http://localhost:" + port);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** A loan waiting for the Offenbach committee (created inside a test: coverage records only there). */
  private String loanAtCommittee() {
    if (reference == null) {
      try (FundRoom room = FundRoom.ensure(jdbc, "offenbach", new BigDecimal("10000"))) {
        reference = LoanFileStories.atCommittee(runtime, tasks, management, identity, jdbc, rest,
            "Kiosk Kreditakte", 4000L);
      }
    }
    return reference;
  }

  @Test
  @Order(1)
  void theCommitteeMemberOpensTheKreditakteFromTheDecisionForm() throws Exception {
    String loan = loanAtCommittee();
    Task decide = tasks.createTaskQuery().processInstanceBusinessKey(loan).taskDefinitionKey("Task_DecideApplication")
        .singleResult();
    browser.login("tasklist", "sven");
    browser.go("/camunda/app/tasklist/default/#/?task=" + decide.getId());
    browser.waitFor(By.cssSelector(".fjs-form"));
    WebElement link = browser.waitFor(By.cssSelector(".fjs-form a.qk-loan-link[href$='/kreditakte']"));
    assertThat(link.getDomAttribute("href")).isEqualTo("/api/loans/" + loan + "/kreditakte");
    assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
    assertThat(link.getDomAttribute("rel")).isEqualTo("noopener");
    assertThat(link.getText()).isEqualTo("Kreditakte " + loan + " öffnen");
    WebElement documents = browser.waitFor(By.cssSelector(".fjs-form a.qk-loan-link[href$='/unterlagen']"));
    assertThat(documents.getDomAttribute("href")).isEqualTo("/api/loans/" + loan + "/unterlagen");
    GermanOnly.assertPage(browser.pageText());
    browser.screenshot("kreditakte-01-decision-form");

    String tasklist = browser.driver.getWindowHandle();
    link.click();
    switchToNewTab(tasklist);
    assertKreditakte(loan, "Vergabeausschuss hat noch nicht entschieden");
    browser.screenshot("kreditakte-02-from-tasklist");
    browser.driver.close();
    browser.driver.switchTo().window(tasklist);
  }

  @Test
  @Order(2)
  void theMicrofinancerOpensTheKreditakteFromTheProcessInstanceInCockpit() throws Exception {
    String loan = loanAtCommittee();
    ProcessInstance application = runtime.createProcessInstanceQuery().processDefinitionKey("loan-application")
        .processInstanceBusinessKey(loan).singleResult();
    browser.login("cockpit", "mia");
    browser.go("/camunda/app/cockpit/default/#/process-instance/" + application.getId() + "/runtime");
    WebElement button = browser.waitFor(By.cssSelector("a.qk-loan-file"));
    assertThat(button.getDomAttribute("title")).startsWith("Kreditakte " + loan + " öffnen");
    assertThat(button.getDomAttribute("href")).isEqualTo("/api/loans/" + loan + "/kreditakte");

    // the tab beside the variables: the loan in a sentence and the link written out
    browser.click(By.xpath("//a[contains(@ng-click,'selectTab')][normalize-space()='Kreditakte']"));
    WebElement tabLink = browser.waitFor(By.cssSelector(".qk-loan-file-tab a.qk-loan-file-link"));
    assertThat(tabLink.getText()).isEqualTo("Kreditakte " + loan + " öffnen");
    assertThat(tabLink.getDomAttribute("target")).isEqualTo("_blank");
    browser.waitForText("Kiosk Kreditakte in Offenbach: beantragt, Betrag 4.000,00 EUR.");
    String tab = browser.driver.findElement(By.cssSelector(".qk-loan-file-tab")).getText();
    GermanOnly.assertPage(tab);
    browser.screenshot("kreditakte-03-cockpit-instance");

    String cockpit = browser.driver.getWindowHandle();
    button.click();
    switchToNewTab(cockpit);
    assertKreditakte(loan, "Bürgen und Deckung");
    browser.screenshot("kreditakte-04-from-cockpit");
    browser.driver.close();
    browser.driver.switchTo().window(cockpit);
  }

  private void switchToNewTab(String from) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> d.getWindowHandles().size() == 2);
    List<String> handles = new ArrayList<>(browser.driver.getWindowHandles());
    handles.remove(from);
    browser.driver.switchTo().window(handles.get(0));
  }

  private void assertKreditakte(String loan, String expected) {
    browser.waitFor(By.tagName("h1"));
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kreditakte " + loan);
    String page = browser.pageText();
    assertThat(page).contains("Kiosk Kreditakte", "4.000,00 EUR", "Zeitleiste", expected);
    GermanOnly.assertPage(page);
    assertPrints(loan);
  }

  /**
   * On paper: no button or navigation, a running head with the reference and the print date above each
   * section, each section on its own sheet (the browser's own PDF has more than one page).
   */
  private void assertPrints(String loan) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    ChromeDriver chrome = (ChromeDriver) browser.driver;
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertThat((Boolean) js.executeScript("return Array.from(document.querySelectorAll('.no-print'))"
          + ".every(e => getComputedStyle(e).display === 'none')")).as("buttons and navigation on paper").isTrue();
      @SuppressWarnings("unchecked")
      List<String> heads = (List<String>) js.executeScript("return Array.from(document.querySelectorAll('.print-only'))"
          + ".filter(e => getComputedStyle(e).display !== 'none').map(e => e.textContent)");
      assertThat(heads).isNotEmpty().allSatisfy(head -> assertThat(head).startsWith("Kreditakte " + loan)
          .containsPattern("gedruckt am \\d{2}\\.\\d{2}\\.\\d{4}"));
      assertThat((String) js.executeScript("return getComputedStyle(document.getElementById('zeitleiste')).breakBefore"))
          .isEqualTo("page");
    } finally {
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
    Pdf pdf = chrome.print(new PrintOptions());
    String document = new String(Base64.getDecoder().decode(pdf.getContent()), StandardCharsets.ISO_8859_1);
    assertThat(document).startsWith("%PDF");
    assertThat(Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(document).results().count())
        .as("pages of the printed Kreditakte").isGreaterThanOrEqualTo(8);
  }
}
