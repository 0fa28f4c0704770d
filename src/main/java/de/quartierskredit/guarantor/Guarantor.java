package de.quartierskredit.guarantor;

import java.math.BigDecimal;

/**
 * A guarantor (Bürge) as the advisor recorded them in one slot of the form: {@code slot} is the
 * slot number (1-3) so that a reason can point at it; {@code amount} is null when missing or not a
 * number. Whether the guarantor is acceptable is decided by {@link GuarantorPolicy}, not here.
 */
public record Guarantor(int slot, String name, String contact, BigDecimal amount) {

  /** Column sizes of the {@code guarantor} table. */
  static final int NAME_MAX_LENGTH = 200;
  static final int CONTACT_MAX_LENGTH = 300;
}
