package shop.transaction.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import shop.transaction.order.ProductQuantity;

/** The bodies of the routes after payment, as openapi.yaml describes them. */
final class AfterPaidRequests {
  private AfterPaidRequests() {}

  record Line(@NotBlank @Size(max = 64) String productId, @Min(1) @Max(1000) int quantity) {
    static List<ProductQuantity> of(List<Line> lines) {
      return lines == null
          ? List.of()
          : lines.stream().map(l -> new ProductQuantity(l.productId(), l.quantity())).toList();
    }
  }

  /** {@code POST /admin/orders/{id}/shipments}; without lines, everything not shipped yet. */
  record Ship(
      @NotBlank @Size(max = 100) String carrier,
      @NotBlank @Size(max = 100) String trackingNumber,
      @Size(max = 2000) String trackingUrl,
      @Size(min = 1, max = 100) List<@Valid @NotNull Line> lines) {}

  /** {@code POST /orders/{id}/returns}. */
  record Return(
      @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull Line> lines,
      @NotBlank @Size(max = 500) String reason) {}

  /** {@code POST /admin/returns/{id}/reject} and {@code POST /admin/orders/{id}/cancel}. */
  record Reason(@NotBlank @Size(max = 500) String reason) {}

  /** {@code POST /admin/orders/{id}/refunds}. */
  record Refund(@NotNull @Positive Long amount, @NotBlank @Size(max = 500) String reason) {}
}
