package de.quartierskredit.system.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description of our own {@code /api} (springdoc, settings in application.yaml):
 * served at {@code /api/openapi.json}, readable at {@code /api/docs}. Both lie under {@code /api},
 * so {@link ApiAuthenticationFilter} asks for the same login as every other API call (anonymous: 401
 * problem), and a browser already logged into Cockpit or Tasklist reads them with its session.
 * Camunda's {@code /engine-rest} is described by Camunda and is not part of it. Each operation says
 * in German what it does; the request bodies carry examples ({@code BankEventController},
 * {@code ApplicationController}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

  static final String BASIC = "basic";

  static final String PORTFOLIO_TAG = "Portfolio";
  private static final String PORTFOLIO_READERS = " Das Management, der Mikrofinanzierer und die "
      + "Prozessverantwortlichen sehen das ganze Portfolio, Quartiersberatung und Vergabeausschuss nur ihr "
      + "Quartier; andere Rollen erhalten 403.";

  /**
   * German summaries of the portfolio operations, kept here rather than as annotations in
   * {@code PortfolioController} (whose figures grow in parallel work); "GET /api/portfolio/report".
   * An operation without a summary fails {@code ApiDescriptionTest}.
   */
  static final Map<String, String[]> PORTFOLIO_OPERATIONS = Map.of(
      "/api/portfolio/report", new String[] {"Portfoliobericht zu einem Stichtag",
          "Störungsquote nach Anzahl und Restschuld je Quartier und außerhalb der Quartiere, Fondsauslastung, "
              + "Verluste des Mikrofinanzierers gegenüber der 20-%-Grenze und Ergebnisse der Fälle, zum Datum "
              + "`asOf` (JJJJ-MM-TT, sonst heute)." + PORTFOLIO_READERS},
      "/api/portfolio/standard", new String[] {"10-%-Standard in Worten",
          "Ob die Störungsquote am letzten Stichtag (15.) und am Datum `asOf` den Standard des Fonds "
              + "(höchstens 10 % gestörte Kredite) einhält." + PORTFOLIO_READERS},
      "/api/portfolio/snapshots", new String[] {"Monatliche Stichtagswerte",
          "Die am 15. jedes Monats festgehaltenen Zahlen der letzten `months` Monate (1-120, sonst 12)."
              + PORTFOLIO_READERS},
      "/api/portfolio/indicators", new String[] {"Kennzahlen des Portfolios",
          "PAR30 und PAR90 (mit umgeschuldeten Krediten), Überfälligkeit nach Tagen, Ausfallquote je vergebene "
              + "Kredite und je Rückzahlungen, Abschreibungsquote, Verluste je Träger, Rückzahlungsquote, Tage "
              + "bis zur Entscheidung und Auszahlung je Quartier, außerhalb der Quartiere und gesamt, dazu "
              + "Fallzahl und pünktliche Monatskontakte je Berater:in; zum Datum `asOf`, Zeitraumkennzahlen "
              + "von `from` an (sonst die zwölf Monate bis `asOf`)." + PORTFOLIO_READERS},
      "/api/portfolio/pipeline", new String[] {"Anträge in Bearbeitung",
          "Wartende Anträge je Stufe mit Alter, offene Entscheidungen des Vergabeausschusses je Quartier mit "
              + "dem, was noch fehlt, und Verträge, die bei der Bank liegen bleiben." + PORTFOLIO_READERS},
      "/api/portfolio/trend", new String[] {"Verlauf der Stichtage",
          "Störungsquote, PAR30 und PAR90 an den letzten `months` Stichtagen (15., 1-36, sonst 12) je Bereich."
              + PORTFOLIO_READERS},
      "/api/portfolio/funder-report", new String[] {"Monatsbericht für den Geldgeber (Druckansicht)",
          "Die Kennzahlen des Monats `month` (JJJJ-MM) als druckbare Seite, ohne personenbezogene Daten; "
              + "für Management, Mikrofinanzierer und Prozessverantwortliche."},
      "/api/portfolio/funder-report.csv", new String[] {"Monatsbericht für den Geldgeber (CSV)",
          "Die Kennzahlen des Monats `month` (JJJJ-MM) als CSV für Excel (Semikolon, Dezimalkomma, UTF-8 mit "
              + "BOM), eine Zeile je Quartier, außerhalb und gesamt; für Management, Mikrofinanzierer und "
              + "Prozessverantwortliche."});

  @Bean
  OpenAPI quartierskreditApi() {
    return new OpenAPI()
        .info(new Info()
            .title("Quartierskredit-API")
            .version("1")
            .description("""
                Die eigene Schnittstelle des Quartierskredits (MIQUA-Modell): Anträge erfassen und lesen, \
                Bankereignisse melden, Portfoliozahlen abrufen, laufende Kredite auf geänderte Modelle \
                migrieren. Anmeldung mit HTTP Basic (Benutzer der Camunda-Webapps); wer was darf, steht \
                bei jeder Operation. Fehler kommen als Problem Details (RFC 9457) auf Deutsch, \
                Eingabefehler mit den betroffenen Feldern (`errors`). Beträge in EUR mit zwei \
                Nachkommastellen, Daten als JJJJ-MM-TT. Eingaben werden streng gelesen: unbekannte \
                oder doppelte Felder, Zahlen in Anführungszeichen und Inhalte über 256 KB werden \
                abgelehnt."""))
        .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("basic")
            .description("Benutzername und Passwort eines Benutzers der Camunda-Webapps")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC))
        .addTagsItem(new Tag().name(PORTFOLIO_TAG).description("Zahlen für Management und Geldgeber."));
  }

  /** Fills in the portfolio operations' German summaries and tag (see {@link #PORTFOLIO_OPERATIONS}). */
  @Bean
  OpenApiCustomizer portfolioOperations() {
    return api -> api.getPaths().forEach((path, item) -> {
      String[] text = PORTFOLIO_OPERATIONS.get(path);
      if (text != null && item.getGet() != null && item.getGet().getSummary() == null) {
        item.getGet().summary(text[0]).description(text[1]).tags(java.util.List.of(PORTFOLIO_TAG));
      }
    });
  }
}
