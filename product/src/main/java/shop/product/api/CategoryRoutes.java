package shop.product.api;

import java.util.Map;
import shop.platform.auth.Caller;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.product.ProductModule;
import shop.product.catalog.Category;
import shop.product.catalog.CategoryChanges;
import shop.product.catalog.NewCategory;

/** The routes of {@code /categories}. */
final class CategoryRoutes {
  private final ProductModule module;

  CategoryRoutes(ProductModule module) {
    this.module = module;
  }

  void register(HttpApi.Builder api) {
    api.route("GET /categories", this::list)
        .route("POST /categories", this::create)
        .route("PATCH /categories/{id}", this::update)
        .route("DELETE /categories/{id}", this::delete);
  }

  private HttpResponse list(HttpRequest r) {
    return HttpResponse.ok(Map.of("items", module.listCategories().list()));
  }

  private HttpResponse create(HttpRequest r) {
    r.callerWithRole(Caller.CATALOG);
    var body = r.body(ProductRequests.Category.class);
    Category created =
        module.createCategory().create(new NewCategory(body.name(), body.parentId()));
    return HttpResponse.created("/categories/" + created.id(), created);
  }

  private HttpResponse update(HttpRequest r) {
    r.callerWithRole(Caller.CATALOG);
    var body = r.body(ProductRequests.Category.class);
    return HttpResponse.ok(
        module
            .updateCategory()
            .update(r.path("id"), new CategoryChanges(body.name(), body.parentId())));
  }

  private HttpResponse delete(HttpRequest r) {
    r.callerWithRole(Caller.CATALOG);
    module.deleteCategory().delete(r.path("id"));
    return HttpResponse.noContent();
  }
}
