package shop.transaction.order;

import java.util.Set;
import shop.platform.domain.ConflictException;

/** The items are priced in more than one currency; one order is paid in one. */
public final class MixedCurrencies extends ConflictException {
  public MixedCurrencies(Set<String> currencies) {
    super("the items are priced in different currencies " + currencies + "; order them apart");
  }
}
