package de.quartierskredit.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.support.QuartierskreditTest;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A stranger guessing the bank's password cannot lock the bank out for longer than the configured
 * maximum delay: Camunda's growing delay between failed logins instead of its permanent lock after
 * {@code login-max-attempts}. The engine clock is moved instead of sleeping.
 */
@QuartierskreditTest
class PasswordGuessingTest {

  private static final String BANK_USER = "bernd";
  private static final int GUESSES = 20;

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngineConfigurationImpl configuration;

  @Test
  void shouldLetTheBankInAgainAtMostTheMaximumDelayAfterTwentyWrongPasswords() {
    int maxDelaySeconds = configuration.getLoginDelayMaxTime();
    assertThat(maxDelaySeconds).as("maximum delay in seconds").isBetween(1, 300);
    long now = System.currentTimeMillis();
    try {
      for (int guess = 1; guess <= GUESSES; guess++) {
        // each guess after the previous delay has run out, so that every one of them counts
        now += (maxDelaySeconds + 1) * 1000L;
        ClockUtil.setCurrentTime(new Date(now));
        assertThat(status(BANK_USER, "guess-" + guess)).as("guess " + guess).isEqualTo(HttpStatus.UNAUTHORIZED);
      }
      // right after the last guess even the right password waits for the delay...
      assertThat(status(BANK_USER, "demo")).isEqualTo(HttpStatus.UNAUTHORIZED);

      // ...and the maximum delay later it works again, without an administrator
      now += maxDelaySeconds * 1000L;
      ClockUtil.setCurrentTime(new Date(now));
      assertThat(status(BANK_USER, "demo")).isEqualTo(HttpStatus.OK);
    } finally {
      ClockUtil.reset();
      identityService.unlockUser(BANK_USER);
    }
  }

  @Test
  void shouldNeverLockAUserPermanently() {
    assertThat(configuration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(configuration.getLoginDelayMaxTime()).isLessThanOrEqualTo(60);
  }

  private HttpStatus status(String user, String password) {
    return HttpStatus.valueOf(rest.withBasicAuth(user, password).getForEntity("/engine-rest/task?maxResults=1",
        String.class).getStatusCode().value());
  }
}
