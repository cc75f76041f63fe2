package shop.product.api;

import java.util.List;

/** The JSON bodies product's routes read; unknown fields are ignored, types are strict. */
final class ProductRequests {
  private ProductRequests() {}

  record CreateProduct(
      String sku,
      String name,
      String description,
      Long price,
      String currency,
      List<String> categoryIds,
      Integer stock) {}

  record UpdateProduct(
      String name, String description, Long price, String currency, List<String> categoryIds) {}

  record SetStock(Integer stock) {}

  record Category(String name, String parentId) {}

  record UploadUrl(String contentType, Long contentLength) {}

  record AttachImage(String key) {}

  record PriceQuotes(List<Item> items) {
    record Item(String productId, Integer quantity) {}
  }
}
