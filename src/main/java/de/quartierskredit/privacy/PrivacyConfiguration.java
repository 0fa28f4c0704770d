package de.quartierskredit.privacy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one retention policy of the installation, from {@code quartierskredit.retention.*}. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

  @Bean
  RetentionPolicy retentionPolicy(RetentionSettings settings) {
    return settings.policy();
  }
}
