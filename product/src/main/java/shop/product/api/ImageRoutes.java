package shop.product.api;

import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.product.ProductModule;
import shop.product.catalog.Product;

/** The routes of product images: a presigned upload, then attaching what was uploaded. */
final class ImageRoutes {
  private final ProductModule m;

  ImageRoutes(ProductModule module) {
    this.m = module;
  }

  void register(HttpApi.Builder api) {
    api.route("POST /products/{id}/images/upload-url", this::uploadUrl)
        .route("POST /products/{id}/images", this::attach);
  }

  private HttpResponse uploadUrl(HttpRequest r) {
    r.callerWithRole(Caller.ADMIN);
    var body = r.body(ProductRequests.UploadUrl.class);
    return HttpResponse.ok(
        m.requestImageUpload.request(r.path("id"), body.contentType(), body.contentLength()));
  }

  private HttpResponse attach(HttpRequest r) {
    r.callerWithRole(Caller.ADMIN);
    var body = r.body(ProductRequests.AttachImage.class);
    Product product = m.attachImage.attach(r.path("id"), body.key());
    return HttpResponse.ok(ProductViews.of(product, m.images))
        .withHeader("ETag", "\"" + product.version() + "\"");
  }
}
