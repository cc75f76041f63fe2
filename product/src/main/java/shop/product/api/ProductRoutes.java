package shop.product.api;

import static shop.product.api.ProductViews.of;

import java.util.OptionalLong;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.platform.http.ProblemException;
import shop.product.ProductModule;
import shop.product.catalog.NewProduct;
import shop.product.catalog.Product;
import shop.product.catalog.ProductChanges;
import shop.product.catalog.ProductSearch;

/** The routes of {@code /products}: decode, one use case, encode. */
final class ProductRoutes {
  private final ProductModule module;

  ProductRoutes(ProductModule module) {
    this.module = module;
  }

  void register(HttpApi.Builder api) {
    api.route("GET /products", this::list)
        .route("POST /products", this::create)
        .route("GET /products/{id}", this::get)
        .route("PATCH /products/{id}", this::update)
        .route("DELETE /products/{id}", this::archive)
        .route("PUT /products/{id}/stock", this::setStock);
  }

  private HttpResponse list(HttpRequest r) {
    ProductSearch search =
        new ProductSearch(
            r.query("category").orElse(null),
            r.query("q").orElse(null),
            r.queryLong("minPrice", 0).orElse(null),
            r.queryLong("maxPrice", 0).orElse(null),
            r.query("cursor").orElse(null),
            r.queryInt("limit", ProductSearch.DEFAULT_LIMIT, 1, ProductSearch.MAX_LIMIT));
    return HttpResponse.ok(of(module.listProducts().list(search), module.images()));
  }

  private HttpResponse get(HttpRequest r) {
    return product(module.getProduct().get(r.path("id")));
  }

  private HttpResponse create(HttpRequest r) {
    r.callerWithRole(Caller.CATALOG);
    var body = r.body(ProductRequests.CreateProduct.class);
    Product created =
        module
            .createProduct()
            .create(
                NewProduct.of(
                    body.sku(),
                    body.name(),
                    body.description(),
                    body.price(),
                    body.currency(),
                    body.categoryIds(),
                    body.stock()));
    return HttpResponse.created("/products/" + created.id(), of(created, module.images()))
        .withHeader("ETag", etag(created));
  }

  private HttpResponse update(HttpRequest r) {
    r.callerWithRole(Caller.CATALOG);
    OptionalLong expected = ifMatch(r);
    var body = r.body(ProductRequests.UpdateProduct.class);
    ProductChanges changes =
        new ProductChanges(
            body.name(), body.description(), body.price(), body.currency(), body.categoryIds());
    return product(module.updateProduct().update(r.path("id"), expected, changes));
  }

  private HttpResponse archive(HttpRequest r) {
    r.callerWithRole(Caller.CATALOG);
    module.archiveProduct().archive(r.path("id"));
    return HttpResponse.noContent();
  }

  private HttpResponse setStock(HttpRequest r) {
    r.callerWithRole(Caller.CATALOG);
    var body = r.body(ProductRequests.SetStock.class);
    return product(module.setStock().set(r.path("id"), body.stock()));
  }

  private HttpResponse product(Product p) {
    return HttpResponse.ok(of(p, module.images())).withHeader("ETag", etag(p));
  }

  private static String etag(Product p) {
    return "\"" + p.version() + "\"";
  }

  /** The version an {@code If-Match} header names: {@code "3"}, {@code W/"3"} or {@code *}. */
  private static OptionalLong ifMatch(HttpRequest r) {
    String value = r.header("if-match").map(String::strip).orElse("");
    if (value.isEmpty() || value.equals("*")) {
      return OptionalLong.empty();
    }
    String tag = value.startsWith("W/") ? value.substring(2) : value;
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      long version = Long.parseLong(tag);
      if (version >= 1) {
        return OptionalLong.of(version);
      }
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField("If-Match", "must be the product's ETag, e.g. \"3\"");
    }
    throw ProblemException.invalidField("If-Match", "must be the product's ETag, e.g. \"3\"");
  }
}
