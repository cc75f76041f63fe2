package shop.user.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;
import shop.platform.domain.NotFoundException;
import shop.platform.testing.MutableClock;
import shop.user.fakes.InMemoryAddresses;

class AddressUseCasesTest {
  private static final UUID ADA = UUID.randomUUID();
  private static final UUID BOB = UUID.randomUUID();
  private static final UUID NOWHERE = UUID.randomUUID();

  private final InMemoryAddresses addresses = new InMemoryAddresses();
  private final MutableClock clock = MutableClock.at("2026-12-06T10:00:00Z");
  private final AddAddress add = new AddAddress(addresses, clock);

  @Test
  void theFirstAddressBecomesTheDefaultAndLaterOnesDoNot() {
    Address home = add.add(ADA, details("Ada"));
    clock.advance(Duration.ofMinutes(1));
    Address work = add.add(ADA, details("Ada at work"));

    assertThat(home.isDefault()).isTrue();
    assertThat(work.isDefault()).isFalse();
    assertThat(home.userId()).isEqualTo(ADA);
    assertThat(work.createdAt()).isEqualTo(clock.instant());
    assertThat(new ListAddresses(addresses).list(ADA)).containsExactly(home, work);
  }

  @Test
  void aUserSavesAtMostTwentyAddresses() {
    IntStream.range(1, AddAddress.MAX_ADDRESSES).forEach(i -> add.add(ADA, details("Ada " + i)));

    add.add(ADA, details("the twentieth"));

    assertThatThrownBy(() -> add.add(ADA, details("one too many")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("at most 20 addresses");
    assertThat(addresses.count(ADA)).isEqualTo(AddAddress.MAX_ADDRESSES);
    assertThat(add.add(BOB, details("Bob")).isDefault()).isTrue();
  }

  @Test
  void changesAndMakesDefaultOnlyTheUsersOwnAddress() {
    add.add(ADA, details("Ada"));
    Address work = add.add(ADA, details("Ada at work"));

    Address changed = new ChangeAddress(addresses).change(ADA, work.id(), details("Ada, office"));
    Address madeDefault = new MakeDefaultAddress(addresses).makeDefault(ADA, work.id());

    assertThat(changed.details().recipient()).isEqualTo("Ada, office");
    assertThat(madeDefault.isDefault()).isTrue();
    assertThat(new ViewAddress(addresses).view(ADA, work.id())).isEqualTo(madeDefault);
    assertThatThrownBy(() -> new ChangeAddress(addresses).change(BOB, work.id(), details("Bob")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> new MakeDefaultAddress(addresses).makeDefault(BOB, work.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> new ViewAddress(addresses).view(BOB, work.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void removesOnlyTheUsersOwnAddress() {
    Address home = add.add(ADA, details("Ada"));
    RemoveAddress remove = new RemoveAddress(addresses);

    assertThatThrownBy(() -> remove.remove(BOB, home.id())).isInstanceOf(NotFoundException.class);
    remove.remove(ADA, home.id());

    assertThat(addresses.list(ADA)).isEmpty();
    assertThatThrownBy(() -> remove.remove(ADA, NOWHERE)).isInstanceOf(NotFoundException.class);
  }

  private static AddressDetails details(String recipient) {
    return new AddressDetails(recipient, "1 Main St", null, "London", null, "N1 9GU", "GB", null);
  }
}
