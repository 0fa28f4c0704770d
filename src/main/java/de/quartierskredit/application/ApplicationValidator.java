package de.quartierskredit.application;

import de.quartierskredit.fund.QuarterRepository;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.GermanFormat;
import de.quartierskredit.shared.InputRefusedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Server-side check of an application, whichever way it arrives (start form, outreach, REST):
 * every field that is wrong is named with a German message, and nothing is stored unless all pass.
 */
@Component
public class ApplicationValidator {

  /** Select value on the forms for a business outside the participating quarters. */
  public static final String OUTSIDE_QUARTERS = "OUTSIDE";

  private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]|[\\p{Cs}\\uFFFE\\uFFFF]");

  private final QuarterRepository quarters;

  ApplicationValidator(QuarterRepository quarters) {
    this.quarters = quarters;
  }

  /** The validated application, or {@link InputRefusedException} naming every wrong field. */
  public NewApplication validate(ApplicationRequest r) {
    List<FieldError> errors = new ArrayList<>();
    String firstName = text(errors, "applicantFirstName", r.applicantFirstName(), true, 100);
    String lastName = text(errors, "applicantLastName", r.applicantLastName(), true, 100);
    String email = text(errors, "applicantEmail", r.applicantEmail(), false, 254);
    if (email != null && !EMAIL.matcher(email).matches()) {
      errors.add(new FieldError("applicantEmail", "Bitte eine gültige E-Mail-Adresse angeben."));
    }
    String phone = text(errors, "applicantPhone", r.applicantPhone(), false, 50);
    String businessName = text(errors, "businessName", r.businessName(), true, 200);
    BusinessStage stage = stage(errors, r.businessStage());
    String sector = text(errors, "businessSector", r.businessSector(), false, 100);
    String street = text(errors, "businessStreet", r.businessStreet(), false, 200);
    String postalCode = text(errors, "businessPostalCode", r.businessPostalCode(), false, 5);
    if (postalCode != null && !POSTAL_CODE.matcher(postalCode).matches()) {
      errors.add(new FieldError("businessPostalCode", "Die Postleitzahl hat fünf Ziffern."));
    }
    String city = text(errors, "businessCity", r.businessCity(), false, 100);
    String quarterCode = quarter(errors, r.quarterCode());
    String purpose = text(errors, "loanPurpose", r.loanPurpose(), true, 1000);
    if (r.commercialPurpose() == null) {
      errors.add(new FieldError("commercialPurpose", "Bitte angeben, ob der Kredit einem gewerblichen Zweck dient."));
    }
    BigDecimal amount = amount("loanAmount", errors, r.loanAmount());
    if (!errors.isEmpty()) {
      throw new InputRefusedException(errors);
    }
    return new NewApplication(firstName, lastName, email, phone, Boolean.TRUE.equals(r.sgb2Recipient()),
        businessName, stage, sector, street, postalCode, city, quarterCode, purpose, amount);
  }

  /** Reads the start form's variables; a value of the wrong type is a field error, not a crash. */
  public ApplicationRequest fromVariables(Map<String, Object> v) {
    List<FieldError> errors = new ArrayList<>();
    var request = new ApplicationRequest(
        string(errors, v, "applicantFirstName"), string(errors, v, "applicantLastName"),
        string(errors, v, "applicantEmail"), string(errors, v, "applicantPhone"),
        bool(errors, v, "sgb2Recipient"), string(errors, v, "businessName"),
        string(errors, v, "businessStage"), string(errors, v, "businessSector"),
        string(errors, v, "businessStreet"), string(errors, v, "businessPostalCode"),
        string(errors, v, "businessCity"), string(errors, v, "quarterCode"),
        string(errors, v, "loanPurpose"), bool(errors, v, "commercialPurpose"),
        number(errors, v, "loanAmount"));
    if (!errors.isEmpty()) {
      throw new InputRefusedException(errors);
    }
    return request;
  }

  /** The amount rule of {@link EligibilityPolicy} with the field's messages; null when wrong. */
  public static BigDecimal amount(String field, List<FieldError> errors, BigDecimal amount) {
    if (amount == null) {
      errors.add(new FieldError(field, "Bitte den Kreditbetrag in Euro angeben."));
      return null;
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      errors.add(new FieldError(field, "Der Kreditbetrag hat höchstens zwei Nachkommastellen (Cent)."));
      return null;
    }
    if (!EligibilityPolicy.amountWithinBounds(amount)) {
      errors.add(new FieldError(field, EligibilityPolicy.amountBoundsMessage()));
      return null;
    }
    return amount.setScale(2);
  }

  private static String text(List<FieldError> errors, String field, String value, boolean required, int max) {
    String trimmed = value == null ? null : value.strip();
    if (trimmed == null || trimmed.isEmpty()) {
      if (required) {
        errors.add(new FieldError(field, "Bitte ausfüllen."));
      }
      return null;
    }
    if (trimmed.codePointCount(0, trimmed.length()) > max) {
      errors.add(new FieldError(field, "Höchstens " + GermanFormat.number(max) + " Zeichen."));
      return null;
    }
    if (CONTROL.matcher(trimmed).find()) {
      errors.add(new FieldError(field, "Enthält unzulässige Steuerzeichen."));
      return null;
    }
    return trimmed;
  }

  private static BusinessStage stage(List<FieldError> errors, String value) {
    if (value != null) {
      for (BusinessStage stage : BusinessStage.values()) {
        if (stage.name().equals(value)) {
          return stage;
        }
      }
    }
    errors.add(new FieldError("businessStage",
        "Bitte die Art des Vorhabens wählen: Neugründung, Übernahme oder bestehender Betrieb."));
    return null;
  }

  private String quarter(List<FieldError> errors, String code) {
    if (OUTSIDE_QUARTERS.equals(code)) {
      return null;
    }
    if (code != null && code.length() <= 40 && quarters.find(code).isPresent()) {
      return code;
    }
    errors.add(new FieldError("quarterCode",
        "Bitte das Quartier des Betriebs wählen (oder „außerhalb der Quartiere“)."));
    return null;
  }

  private static String string(List<FieldError> errors, Map<String, Object> v, String name) {
    Object value = v.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    errors.add(new FieldError(name, "Bitte einen Text eingeben."));
    return null;
  }

  private static Boolean bool(List<FieldError> errors, Map<String, Object> v, String name) {
    Object value = v.get(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    errors.add(new FieldError(name, "Bitte ja oder nein angeben."));
    return null;
  }

  private static BigDecimal number(List<FieldError> errors, Map<String, Object> v, String name) {
    Object value = v.get(name);
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof Number || value instanceof String) {
        BigDecimal number = new BigDecimal(value.toString().strip());
        if (number.abs().compareTo(new BigDecimal("1e12")) < 0) {
          return number;
        }
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    errors.add(new FieldError(name, "Bitte den Betrag in Euro als Zahl angeben."));
    return null;
  }
}
