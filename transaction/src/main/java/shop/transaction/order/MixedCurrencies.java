package shop.transaction.order;

import java.util.Set;
import shop.platform.domain.ConflictException;

/** The items are priced in more than one currency; one order is paid in one. */
final class MixedCurrencies extends ConflictException {
  MixedCurrencies(Set<String> currencies) {
    super("the items are priced in different currencies " + currencies + "; order them apart");
  }
}
