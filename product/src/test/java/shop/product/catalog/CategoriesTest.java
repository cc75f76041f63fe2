package shop.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.product.catalog.CatalogTest.assertField;

import org.junit.jupiter.api.Test;

class CategoriesTest {
  private final InMemoryCatalog catalog = new InMemoryCatalog();
  private final CreateCategory create = new CreateCategory(catalog);
  private final UpdateCategory update = new UpdateCategory(catalog);

  @Test
  void aCategoryGoesAtTheTopOrUnderAnExistingParent() {
    Category home = create.create(new NewCategory("Home", null));
    Category kitchen = create.create(new NewCategory("Kitchen", home.id()));

    assertThat(kitchen.parentId()).isEqualTo(home.id());
    assertThat(new ListCategories(catalog).list()).containsExactlyInAnyOrder(home, kitchen);
    assertField(() -> create.create(new NewCategory("Garden", "nope")), "parentId");
  }

  @Test
  void renamesMovesAndMovesBackToTheTop() {
    Category home = create.create(new NewCategory("Home", null));
    Category kitchen = create.create(new NewCategory("Kitchen", null));

    assertThat(update.update(kitchen.id(), new CategoryChanges("Cooking", null)).name())
        .isEqualTo("Cooking");
    assertThat(update.update(kitchen.id(), new CategoryChanges(null, home.id())).parentId())
        .isEqualTo(home.id());
    assertThat(update.update(kitchen.id(), new CategoryChanges(null, "")).parentId()).isNull();
  }

  @Test
  void refusesAParentThatDoesNotExistOrACategoryThatDoesNot() {
    Category home = create.create(new NewCategory("Home", null));

    assertField(() -> update.update(home.id(), new CategoryChanges(null, "nope")), "parentId");
    assertThatThrownBy(() -> update.update("nope", new CategoryChanges("X", null)))
        .isInstanceOf(CategoryNotFound.class);
  }

  @Test
  void aCategoryCannotBeItsOwnParent() {
    Category home = create.create(new NewCategory("Home", null));

    assertField(() -> update.update(home.id(), new CategoryChanges(null, home.id())), "parentId");
  }

  @Test
  void anEditNamesSomethingToChange() {
    assertThat(new CategoryChanges(null, "").movesToTop()).isTrue();
    assertThat(new CategoryChanges(null, "c1").movesToTop()).isFalse();
    assertThat(new CategoryChanges(" Mugs ", null).name()).isEqualTo("Mugs");
    assertField(() -> new CategoryChanges(null, null), "body");
    assertField(() -> new CategoryChanges(null, "not an id"), "parentId");
  }
}
