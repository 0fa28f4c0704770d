package de.quartierskredit.guarantor;

import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.guarantorAmount;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.guarantorContact;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.guarantorName;

import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads the guarantor slots of form record-guarantors: an empty slot is skipped, a partly filled
 * one is kept as it is so that {@link GuarantorPolicy} names what is missing. The engine does not
 * validate form input, so nothing here trusts it.
 */
final class GuarantorSlots {

  private GuarantorSlots() {}

  static List<Guarantor> read(VariableScope variables) {
    List<Guarantor> guarantors = new ArrayList<>();
    for (int slot = 1; slot <= GuarantorCheckProcess.SLOTS; slot++) {
      String name = text(variables.getVariable(guarantorName(slot)));
      String contact = text(variables.getVariable(guarantorContact(slot)));
      Object amount = variables.getVariable(guarantorAmount(slot));
      boolean noAmount = amount == null || amount instanceof String s && s.isBlank();
      if (name.isEmpty() && contact.isEmpty() && noAmount) {
        continue;
      }
      guarantors.add(new Guarantor(slot, name, contact, noAmount ? null : amountOrNull(amount)));
    }
    return guarantors;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().strip();
  }

  private static BigDecimal amountOrNull(Object amount) {
    try {
      return Money.fromVariable(amount);
    } catch (IllegalArgumentException notAnAmount) {
      return null;
    }
  }
}
