package shop.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.PasswordPolicy;
import shop.user.account.RegisterUser;
import shop.user.fakes.FakeTokens;
import shop.user.fakes.InMemoryAccounts;
import shop.user.fakes.InMemorySessions;
import shop.user.fakes.MutableClock;
import shop.user.fakes.PlainPasswords;

class RefreshSessionTest {
  private static final String PASSWORD = "a long and unusual passphrase";

  private final MutableClock clock = MutableClock.at("2026-11-24T09:00:00Z");
  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final PlainPasswords passwords = new PlainPasswords();
  private final InMemorySessions sessions = new InMemorySessions();
  private final FakeTokens tokens = new FakeTokens();
  private final LogIn logIn = new LogIn(accounts, passwords, sessions, tokens, sessions, clock);
  private final RefreshSession refresh = new RefreshSession(accounts, tokens, sessions, clock);
  private final LogOut logOut = new LogOut(sessions, clock);

  RefreshSessionTest() {
    new RegisterUser(accounts, passwords, PasswordPolicy.standard(), clock)
        .register(new RegisterUser.Command("ada@example.com", PASSWORD, "Ada", null));
  }

  @Test
  void rotatesTheRefreshToken() {
    Session first = login();
    clock.advance(Duration.ofMinutes(20));

    Session second = refresh.refresh(first.refreshToken());

    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(refresh.refresh(second.refreshToken())).isNotNull();
  }

  @Test
  void aReusedRefreshTokenRevokesTheWholeFamily() {
    Session stolen = login();
    Session legitimate = refresh.refresh(stolen.refreshToken());

    assertUnauthenticated(() -> refresh.refresh(stolen.refreshToken()));
    // The thief's replay also ends the legitimate holder's session.
    assertUnauthenticated(() -> refresh.refresh(legitimate.refreshToken()));
    // Other logins are unaffected.
    assertThat(refresh.refresh(login().refreshToken())).isNotNull();
  }

  @Test
  void anExpiredOrUnknownRefreshTokenIsRefused() {
    Session session = login();
    clock.advance(TokenPolicy.REFRESH_TOKEN_LIFETIME.plusSeconds(1));

    assertUnauthenticated(() -> refresh.refresh(session.refreshToken()));
    assertUnauthenticated(() -> refresh.refresh("made-up"));
  }

  @Test
  void logOutRevokesTheFamily() {
    Session session = login();
    Session next = refresh.refresh(session.refreshToken());

    logOut.logOut(next.refreshToken());

    assertUnauthenticated(() -> refresh.refresh(next.refreshToken()));
  }

  private Session login() {
    return logIn.logIn(new LogIn.Command("ada@example.com", PASSWORD));
  }

  private static void assertUnauthenticated(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(UnauthenticatedException.class);
  }
}
