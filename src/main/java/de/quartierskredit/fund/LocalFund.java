package de.quartierskredit.fund;

import java.math.BigDecimal;
import java.util.List;

/** A quarter's local liability fund (lokaler Haftungsfonds) and the partners who paid in. */
public record LocalFund(long id, String quarterCode, String name, BigDecimal paidInCapital,
    List<Partner> partners) {

  public LocalFund {
    partners = List.copyOf(partners);
  }

  /** A partner's paid-in contribution. */
  public record Partner(String name, PartnerKind kind, BigDecimal contribution) {}

  /** Who the partners typically are (DOMAIN.md: city, savings bank, IHK, housing company). */
  public enum PartnerKind { CITY, SAVINGS_BANK, CHAMBER_OF_COMMERCE, HOUSING_COMPANY, OTHER }
}
