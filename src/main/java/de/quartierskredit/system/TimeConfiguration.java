package de.quartierskredit.system;

import java.time.Clock;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Business time follows the engine clock ({@link ClockUtil}), so that tests and the simulator that
 * move Camunda's clock move the dates written to our own tables with it.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Berlin");

  @Bean
  Clock clock() {
    return new EngineClock(BUSINESS_ZONE);
  }

  /** A {@link Clock} that reads Camunda's (settable) current time. */
  static final class EngineClock extends Clock {
    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new EngineClock(zone);
    }

    @Override
    public java.time.Instant instant() {
      return ClockUtil.now().toInstant();
    }
  }
}
