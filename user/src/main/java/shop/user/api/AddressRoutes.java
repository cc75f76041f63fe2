package shop.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpResponse;
import shop.user.UserModule;
import shop.user.address.Address;
import shop.user.address.AddressDetails;

/** The caller's saved addresses; another user's address is not found. */
final class AddressRoutes {
  private static final String ITEM = "/users/me/addresses/{id}";

  private AddressRoutes() {}

  static void register(HttpApi.Builder api, UserModule m) {
    api.route(
        "GET /users/me/addresses",
        req ->
            HttpResponse.ok(
                new Listing(
                    m.listAddresses().list(Callers.id(req)).stream().map(View::of).toList())));
    api.route(
        "POST /users/me/addresses",
        req -> {
          var userId = Callers.id(req);
          Address a = m.addAddress().add(userId, req.body(AddressRequest.class).details());
          return HttpResponse.created("/users/me/addresses/" + a.id(), View.of(a));
        });
    api.route(
        "GET " + ITEM,
        req ->
            HttpResponse.ok(
                View.of(
                    m.viewAddress()
                        .view(Callers.id(req), Problems.id(req.path("id"), "address")))));
    api.route(
        "PUT " + ITEM,
        req -> {
          var userId = Callers.id(req);
          var id = Problems.id(req.path("id"), "address");
          AddressDetails details = req.body(AddressRequest.class).details();
          return HttpResponse.ok(View.of(m.changeAddress().change(userId, id, details)));
        });
    api.route(
        "DELETE " + ITEM,
        req -> {
          m.removeAddress().remove(Callers.id(req), Problems.id(req.path("id"), "address"));
          return HttpResponse.noContent();
        });
    api.route(
        "POST " + ITEM + "/default",
        req ->
            HttpResponse.ok(
                View.of(
                    m.makeDefaultAddress()
                        .makeDefault(Callers.id(req), Problems.id(req.path("id"), "address")))));
  }

  record AddressRequest(
      @NotBlank @Size(max = 200) String recipient,
      @NotBlank @Size(max = 200) String line1,
      @Size(max = 200) String line2,
      @NotBlank @Size(max = 100) String city,
      @Size(max = 100) String region,
      @NotBlank @Size(max = 20) String postalCode,
      @NotBlank @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be an ISO 3166-1 alpha-2 code")
          String country,
      @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$", message = "must be an E.164 phone number")
          String phone) {
    AddressDetails details() {
      return new AddressDetails(recipient, line1, line2, city, region, postalCode, country, phone);
    }
  }

  record View(
      String id,
      String recipient,
      String line1,
      String line2,
      String city,
      String region,
      String postalCode,
      String country,
      String phone,
      boolean isDefault) {
    static View of(Address a) {
      AddressDetails d = a.details();
      return new View(
          a.id().toString(),
          d.recipient(),
          d.line1(),
          d.line2(),
          d.city(),
          d.region(),
          d.postalCode(),
          d.country(),
          d.phone(),
          a.isDefault());
    }
  }

  record Listing(java.util.List<View> items) {}
}
