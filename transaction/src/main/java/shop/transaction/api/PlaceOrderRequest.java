package shop.transaction.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /orders}, as openapi.yaml describes it. */
record PlaceOrderRequest(
    @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull Item> items,
    @NotBlank @Size(max = 255) String paymentMethodId,
    @NotNull @Valid Address shippingAddress,
    @Positive Long expectedTotal) {

  record Item(@NotBlank @Size(max = 64) String productId, @Min(1) @Max(1000) int quantity) {}

  record Address(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 200) String line1,
      @Size(max = 200) String line2,
      @NotBlank @Size(max = 100) String city,
      @NotBlank @Size(max = 20) String postalCode,
      @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
          String country) {}
}
