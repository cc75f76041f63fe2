package shop.transaction.order;

/** Reads a carrier's webhook: checks its signature and age, then decodes it. */
public interface CarrierNotices {
  /**
   * The notice in {@code body}, if {@code signature} signs it with the carrier secret and is
   * recent; throws {@code InvalidCarrierNotice} otherwise.
   */
  CarrierNotice verify(String body, String signature);
}
