package shop.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.user.fakes.InMemoryUserService.PASSWORD;

import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.SecurityEvent.Kind;
import shop.user.fakes.InMemoryUserService;

class RefreshSessionTest {
  private static final String SOURCE = "198.51.100.7";

  private final InMemoryUserService s = new InMemoryUserService();

  RefreshSessionTest() {
    s.registered("ada@example.com");
  }

  @Test
  void rotatesTheRefreshToken() {
    Session first = login();
    s.clock.advance(Duration.ofMinutes(20));

    Session second = refresh(first);

    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(refresh(second)).isNotNull();
  }

  @Test
  void aReusedRefreshTokenRevokesTheWholeFamilyAndIsASecurityEvent() {
    Session stolen = login();
    Session legitimate = refresh(stolen);

    assertUnauthenticated(() -> refresh(stolen));
    // The thief's replay also ends the legitimate holder's session.
    assertUnauthenticated(() -> refresh(legitimate));
    // Other logins are unaffected.
    assertThat(refresh(login())).isNotNull();
    assertThat(s.security.kinds()).containsExactly(Kind.REFRESH_TOKEN_REUSED);
  }

  @Test
  void aFamilyEndsThirtyDaysAfterTheLoginHoweverOftenItIsRefreshed() {
    Session session = login();
    for (int day = 0; day < 29; day++) {
      s.clock.advance(Duration.ofDays(1));
      session = refresh(session);
    }
    s.clock.advance(Duration.ofHours(23));
    Session lastDay = refresh(session);

    s.clock.advance(Duration.ofHours(1));

    assertUnauthenticated(() -> refresh(lastDay));
  }

  @Test
  void aFamilyUnusedForSevenDaysEnds() {
    Session session = login();
    s.clock.advance(Duration.ofDays(6));
    Session refreshed = refresh(session);

    s.clock.advance(Duration.ofDays(7));

    assertUnauthenticated(() -> refresh(refreshed));
  }

  @Test
  void anUnknownRefreshTokenIsRefused() {
    assertUnauthenticated(() -> s.refresh.refresh("made-up", SOURCE));
  }

  @Test
  void logOutRevokesTheFamily() {
    Session session = login();
    Session next = refresh(session);

    s.logOut.logOut(next.refreshToken());

    assertUnauthenticated(() -> refresh(next));
  }

  private Session login() {
    return s.logIn.logIn(s.credentials("ada@example.com", PASSWORD));
  }

  private Session refresh(Session session) {
    return s.refresh.refresh(session.refreshToken(), SOURCE);
  }

  private static void assertUnauthenticated(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(UnauthenticatedException.class);
  }
}
