package shop.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;

class CatalogTest {
  private final InMemoryCatalog catalog = new InMemoryCatalog();

  static NewProduct mug(String sku, long price) {
    return new NewProduct(sku, "Enamel mug", null, price, "EUR", List.of(), 5);
  }

  @Test
  void aNewProductChecksEveryField() {
    assertField(() -> new NewProduct("bad sku", "Mug", null, 100, "EUR", List.of(), 1), "sku");
    assertField(() -> new NewProduct("S1", "", null, 100, "EUR", List.of(), 1), "name");
    assertField(
        () -> new NewProduct("S1", "x".repeat(201), null, 100, "EUR", List.of(), 1), "name");
    assertField(() -> new NewProduct("S1", "Mug", null, 0, "EUR", List.of(), 1), "price");
    assertField(() -> new NewProduct("S1", "Mug", null, 100, "XXX", List.of(), 1), "currency");
    assertField(() -> new NewProduct("S1", "Mug", null, 100, "ABC", List.of(), 1), "currency");
    assertField(() -> new NewProduct("S1", "Mug", null, 100, "EUR", List.of(), -1), "stock");
    assertField(() -> NewProduct.of("S1", "Mug", null, null, "EUR", List.of(), 1), "price");
    assertThat(new NewProduct("S1", "  Mug ", null, 100, "EUR", null, 0).name()).isEqualTo("Mug");
  }

  @Test
  void createRefusesUnknownCategories() {
    Category mugs = catalog.insertCategory(new NewCategory("Mugs", null));

    assertField(
        () ->
            new CreateProduct(catalog)
                .create(new NewProduct("S1", "Mug", null, 100, "EUR", List.of("nope"), 1)),
        "categoryIds");
    assertThat(
            new CreateProduct(catalog)
                .create(new NewProduct("S2", "Mug", null, 100, "EUR", List.of(mugs.id()), 1))
                .categoryIds())
        .containsExactly(mugs.id());
  }

  @Test
  void pagesThroughEveryProductOnceWithTheCursor() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(catalog.insert(mug("S" + i, 100)).id());
    }
    ListProducts list = new ListProducts(catalog);
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      ProductPage page = list.list(new ProductSearch(null, null, null, null, cursor, 3));
      page.items().forEach(p -> seen.add(p.id()));
      cursor = page.nextCursor();
    } while (cursor != null);

    assertThat(seen).containsExactlyElementsOf(created);
  }

  @Test
  void refusesCursorsItDidNotIssue() {
    ListProducts list = new ListProducts(catalog);

    assertField(() -> list.list(new ProductSearch(null, null, null, null, "%%%", 3)), "cursor");
    String foreign =
        java.util.Base64.getUrlEncoder().encodeToString("x:1".getBytes(StandardCharsets.UTF_8));
    assertField(() -> list.list(new ProductSearch(null, null, null, null, foreign, 3)), "cursor");
    assertField(() -> new ProductSearch(null, null, null, null, null, 101), "limit");
    assertField(() -> new ProductSearch(null, null, 5L, 1L, null, 10), "maxPrice");
  }

  @Test
  void editsRefuseAStaleVersion() {
    Product p = catalog.insert(mug("S1", 100));
    UpdateProduct update = new UpdateProduct(catalog);

    Product edited =
        update.update(
            p.id(), OptionalLong.of(1), new ProductChanges("Cup", null, null, null, null));

    assertThat(edited.version()).isEqualTo(2);
    assertThatThrownBy(
            () ->
                update.update(
                    p.id(), OptionalLong.of(1), new ProductChanges("Mug", null, null, null, null)))
        .isInstanceOf(StaleVersionException.class);
    assertField(() -> new ProductChanges(null, null, null, null, null), "body");
  }

  @Test
  void archivedProductsAreNotFoundButStillQuotedAsArchived() {
    Product p = catalog.insert(mug("S1", 100));
    new ArchiveProduct(catalog).archive(p.id());

    assertThatThrownBy(() -> new GetProduct(catalog).get(p.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(
            new QuotePrices(catalog)
                .quote(List.of(new QuoteItem(p.id(), 1), new QuoteItem("ghost", 1))))
        .extracting(PriceQuote::status)
        .containsExactly(PriceQuote.Status.ARCHIVED, PriceQuote.Status.UNKNOWN_PRODUCT);
  }

  @Test
  void quotesServerPricesAndAvailability() {
    Product p = catalog.insert(mug("S1", 1250));

    List<PriceQuote> quotes =
        new QuotePrices(catalog).quote(List.of(new QuoteItem(p.id(), 5), new QuoteItem(p.id(), 6)));

    assertThat(quotes.get(0).unitPrice()).isEqualTo(1250);
    assertThat(quotes.get(0).available()).isTrue();
    assertThat(quotes.get(1).available()).isFalse();
    assertField(() -> QuoteItem.of(3, "p1", 0), "items[3].quantity");
  }

  @Test
  void aCategoryCannotBecomeItsOwnAncestorNorBeDeletedWhileUsed() {
    Category top = catalog.insertCategory(new NewCategory("Home", null));
    Category child = catalog.insertCategory(new NewCategory("Kitchen", top.id()));

    assertField(
        () -> new UpdateCategory(catalog).update(top.id(), new CategoryChanges(null, child.id())),
        "parentId");
    assertThatThrownBy(() -> new DeleteCategory(catalog).delete(top.id()))
        .isInstanceOf(ConflictException.class);
    new DeleteCategory(catalog).delete(child.id());
    assertThat(catalog.categories()).containsExactly(top);
  }

  @Test
  void recognisesImagesByTheirFirstBytes() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(ImageFormat.detect(png)).contains(ImageFormat.PNG);
    assertThat(ImageFormat.detect(jpeg)).contains(ImageFormat.JPEG);
    assertThat(ImageFormat.detect(webp)).contains(ImageFormat.WEBP);
    assertThat(ImageFormat.detect("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(ImageFormat.detect(new byte[0])).isEmpty();
  }

  @Test
  void anEditWithoutAVersionAppliesToTheCurrentOneAndChecksItsCategories() {
    Product p = catalog.insert(mug("S1", 100));
    UpdateProduct update = new UpdateProduct(catalog);

    assertThat(
            update
                .update(
                    p.id(), OptionalLong.empty(), new ProductChanges("Cup", null, null, null, null))
                .name())
        .isEqualTo("Cup");
    assertField(
        () ->
            update.update(
                p.id(),
                OptionalLong.empty(),
                new ProductChanges(null, null, null, null, List.of("nope"))),
        "categoryIds");
    assertThatThrownBy(
            () ->
                update.update(
                    "ghost",
                    OptionalLong.empty(),
                    new ProductChanges("Cup", null, null, null, null)))
        .isInstanceOf(ProductNotFound.class);
  }

  @Test
  void anEditLosingTheRaceToAnotherAdminIsStaleAndOneToAnArchiveIsNotFound() {
    Product p = catalog.insert(mug("S1", 100));
    UpdateProduct update = new UpdateProduct(catalog);
    ProductChanges cup = new ProductChanges("Cup", null, null, null, null);

    catalog.beforeNextUpdate =
        () -> catalog.update(p.id(), 1, new ProductChanges("Beaker", null, null, null, null));
    assertThatThrownBy(() -> update.update(p.id(), OptionalLong.empty(), cup))
        .isInstanceOfSatisfying(
            StaleVersionException.class, e -> assertThat(e).hasMessageContaining("at version 2"));

    catalog.beforeNextUpdate = () -> catalog.archive(p.id());
    assertThatThrownBy(() -> update.update(p.id(), OptionalLong.empty(), cup))
        .isInstanceOf(ProductNotFound.class);
  }

  @Test
  void aPageExactlyAsLongAsTheLimitIsTheLast() {
    for (int i = 0; i < 3; i++) {
      catalog.insert(mug("S" + i, 100));
    }

    ProductPage page =
        new ListProducts(catalog).list(new ProductSearch(null, null, null, null, null, 3));

    assertThat(page.items()).hasSize(3);
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void quotesOneToAHundredItems() {
    Product p = catalog.insert(mug("S1", 100));
    QuotePrices quote = new QuotePrices(catalog);

    assertThat(quote.quote(java.util.Collections.nCopies(100, new QuoteItem(p.id(), 1))))
        .hasSize(100);
    assertField(
        () -> quote.quote(java.util.Collections.nCopies(101, new QuoteItem(p.id(), 1))), "items");
    assertField(() -> quote.quote(List.of()), "items");
  }

  @Test
  void aCustomerSeesAnActiveProduct() {
    Product p = catalog.insert(mug("S1", 100));

    assertThat(new GetProduct(catalog).get(p.id())).isEqualTo(p);
  }

  static void assertField(Runnable action, String field) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
