package shop.product.api;

import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.product.ProductModule;
import shop.product.catalog.Product;

/** The routes of product images: a presigned upload, then attaching what was uploaded. */
final class ImageRoutes {
  private final ProductModule module;

  ImageRoutes(ProductModule module) {
    this.module = module;
  }

  void register(HttpApi.Builder api) {
    api.route("POST /products/{id}/images/upload-url", this::uploadUrl)
        .route("POST /products/{id}/images", this::attach);
  }

  private HttpResponse uploadUrl(HttpRequest r) {
    r.callerWithRole(Caller.CATALOG);
    var body = r.body(ProductRequests.UploadUrl.class);
    return HttpResponse.ok(
        module
            .requestImageUpload()
            .request(r.path("id"), body.contentType(), body.contentLength()));
  }

  private HttpResponse attach(HttpRequest r) {
    r.callerWithRole(Caller.CATALOG);
    var body = r.body(ProductRequests.AttachImage.class);
    Product product = module.attachImage().attach(r.path("id"), body.key());
    return HttpResponse.ok(ProductViews.of(product, module.images()))
        .withHeader("ETag", "\"" + product.version() + "\"");
  }
}
