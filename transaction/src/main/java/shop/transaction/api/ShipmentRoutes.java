package shop.transaction.api;

import java.util.Map;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.transaction.TransactionModule;
import shop.transaction.order.Order;
import shop.transaction.order.ShipOrderCommand;

/**
 * Parcels: staff ship an order and may say a parcel arrived; carriers say so through their signed
 * webhook (no token: the signature authenticates it).
 */
final class ShipmentRoutes {
  private final TransactionModule module;

  ShipmentRoutes(TransactionModule module) {
    this.module = module;
  }

  void register(HttpApi.Builder api) {
    api.route("POST /admin/orders/{id}/shipments", this::ship)
        .route("POST /admin/shipments/{id}/delivered", this::delivered)
        .route("POST /webhooks/carrier", this::carrier);
  }

  private HttpResponse ship(HttpRequest request) {
    request.callerWithRole(Caller.ORDERS);
    var body = request.body(AfterPaidRequests.Ship.class);
    String orderId = request.path("id");
    var shipment =
        module
            .shipOrder()
            .ship(
                new ShipOrderCommand(
                    orderId,
                    body.carrier(),
                    body.trackingNumber(),
                    body.trackingUrl(),
                    AfterPaidRequests.Line.of(body.lines())));
    return HttpResponse.created(
        "/orders/" + orderId, AfterPaidJson.ShipmentJson.of(orderId, shipment));
  }

  private HttpResponse delivered(HttpRequest request) {
    request.callerWithRole(Caller.ORDERS);
    String shipmentId = request.path("id");
    Order order = module.deliverShipment().deliver(shipmentId, null);
    return HttpResponse.ok(
        AfterPaidJson.ShipmentJson.of(
            order.id(), order.fulfilment().shipment(shipmentId).orElseThrow()));
  }

  private HttpResponse carrier(HttpRequest request) {
    module
        .applyCarrierNotice()
        .apply(request.body(), request.header("Carrier-Signature").orElse(null));
    return HttpResponse.ok(Map.of("received", true));
  }
}
