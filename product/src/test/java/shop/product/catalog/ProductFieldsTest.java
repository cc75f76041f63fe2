package shop.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.product.catalog.CatalogTest.assertField;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProductFieldsTest {
  @Test
  void aPriceIsOneMinorUnitUpToTheMaximum() {
    assertThat(ProductFields.price("price", 1L)).isEqualTo(1);
    assertThat(ProductFields.price("price", ProductFields.MAX_PRICE))
        .isEqualTo(ProductFields.MAX_PRICE);
    assertField(() -> ProductFields.price("price", ProductFields.MAX_PRICE + 1), "price");
    assertField(() -> ProductFields.price("price", null), "price");
  }

  @Test
  void stockIsZeroUpToAMillion() {
    assertThat(ProductFields.stock("stock", 0)).isZero();
    assertThat(ProductFields.stock("stock", ProductFields.MAX_STOCK))
        .isEqualTo(ProductFields.MAX_STOCK);
    assertField(() -> ProductFields.stock("stock", ProductFields.MAX_STOCK + 1), "stock");
    assertField(() -> ProductFields.stock("stock", null), "stock");
  }

  @Test
  void aProductIsInAtMostTwentyDistinctCategories() {
    List<String> twenty = IntStream.range(0, 20).mapToObj(i -> "c" + i).toList();

    assertThat(ProductFields.categoryIds(twenty)).hasSize(20);
    assertThat(ProductFields.categoryIds(List.of("c1", "c2", "c1"))).containsExactly("c1", "c2");
    assertThat(ProductFields.categoryIds(null)).isEmpty();
    assertField(() -> ProductFields.categoryIds(Collections.nCopies(21, "c1")), "categoryIds");
    assertField(() -> ProductFields.categoryIds(List.of("c1", "not an id")), "categoryIds[1]");
  }

  @Test
  void aNewProductFromARequestWithoutStockHasNone() {
    assertThat(NewProduct.of("S1", "Mug", null, 100L, "EUR", List.of(), null).stock()).isZero();
    assertThat(NewProduct.of("S1", "Mug", null, 100L, "EUR", List.of(), 7).stock()).isEqualTo(7);
  }

  @Test
  void aQuotedLineIsOneToAThousandUnits() {
    assertThat(QuoteItem.of(0, "p1", 1)).isEqualTo(new QuoteItem("p1", 1));
    assertThat(QuoteItem.of(0, "p1", QuoteItem.MAX_QUANTITY).quantity()).isEqualTo(1000);
    assertField(() -> QuoteItem.of(2, "p1", QuoteItem.MAX_QUANTITY + 1), "items[2].quantity");
    assertField(() -> QuoteItem.of(2, "p1", null), "items[2].quantity");
    assertField(() -> QuoteItem.of(2, "not an id", 1), "items[2].productId");
  }

  @Test
  void aSearchTakesItsBoundsInclusive() {
    ProductSearch search = new ProductSearch("c1", " mug ", 0L, 0L, null, ProductSearch.MAX_LIMIT);

    assertThat(search.categoryId()).isEqualTo("c1");
    assertThat(search.text()).isEqualTo("mug");
    assertThat(new ProductSearch(null, "x".repeat(100), 5L, 5L, null, 1).text()).hasSize(100);
    assertThat(new ProductSearch(null, "   ", null, null, null, 1).text()).isNull();
  }

  @Test
  void aSearchRefusesWhatCannotMatch() {
    assertField(() -> new ProductSearch("not an id", null, null, null, null, 1), "category");
    assertField(() -> new ProductSearch(null, "x".repeat(101), null, null, null, 1), "q");
    assertField(() -> new ProductSearch(null, null, -1L, null, null, 1), "minPrice");
    assertField(() -> new ProductSearch(null, null, null, -1L, null, 1), "maxPrice");
    assertField(() -> new ProductSearch(null, null, null, null, null, 0), "limit");
  }
}
