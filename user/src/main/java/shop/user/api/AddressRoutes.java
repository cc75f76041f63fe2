package shop.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.user.UserModule;
import shop.user.address.Address;
import shop.user.address.AddressDetails;

/** The caller's saved addresses; another user's address is not found. */
final class AddressRoutes {
  private static final String ITEM = "/users/me/addresses/{id}";

  private final UserModule m;

  AddressRoutes(UserModule module) {
    this.m = module;
  }

  void register(HttpApi.Builder api) {
    api.route("GET /users/me/addresses", this::list)
        .route("POST /users/me/addresses", this::add)
        .route("GET " + ITEM, this::view)
        .route("PUT " + ITEM, this::change)
        .route("DELETE " + ITEM, this::remove)
        .route("POST " + ITEM + "/default", this::makeDefault);
  }

  private HttpResponse list(HttpRequest req) {
    return HttpResponse.ok(
        new Listing(m.listAddresses().list(Callers.id(req)).stream().map(View::of).toList()));
  }

  private HttpResponse add(HttpRequest req) {
    var userId = Callers.id(req);
    Address a = m.addAddress().add(userId, req.body(AddressRequest.class).details());
    return HttpResponse.created("/users/me/addresses/" + a.id(), View.of(a));
  }

  private HttpResponse view(HttpRequest req) {
    return HttpResponse.ok(View.of(m.viewAddress().view(Callers.id(req), addressId(req))));
  }

  private HttpResponse change(HttpRequest req) {
    var userId = Callers.id(req);
    var id = addressId(req);
    AddressDetails details = req.body(AddressRequest.class).details();
    return HttpResponse.ok(View.of(m.changeAddress().change(userId, id, details)));
  }

  private HttpResponse remove(HttpRequest req) {
    m.removeAddress().remove(Callers.id(req), addressId(req));
    return HttpResponse.noContent();
  }

  private HttpResponse makeDefault(HttpRequest req) {
    return HttpResponse.ok(
        View.of(m.makeDefaultAddress().makeDefault(Callers.id(req), addressId(req))));
  }

  private static UUID addressId(HttpRequest req) {
    return PathIds.uuid(req.path("id"), "address");
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

  record Listing(List<View> items) {}
}
