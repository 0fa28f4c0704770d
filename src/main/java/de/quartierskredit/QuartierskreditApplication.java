package de.quartierskredit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Quartierskredit: neighbourhood microloans from outreach to the last instalment, on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuartierskreditApplication {

  public static void main(String[] args) {
    SpringApplication.run(QuartierskreditApplication.class, args);
  }
}
