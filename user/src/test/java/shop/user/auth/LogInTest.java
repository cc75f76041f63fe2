package shop.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.platform.domain.DomainFailure;
import shop.platform.domain.TooManyAttemptsException;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.Account;
import shop.user.account.PasswordPolicy;
import shop.user.account.RegisterUser;
import shop.user.fakes.FakeTokens;
import shop.user.fakes.InMemoryAccounts;
import shop.user.fakes.InMemorySessions;
import shop.user.fakes.MutableClock;
import shop.user.fakes.PlainPasswords;

class LogInTest {
  private static final String PASSWORD = "a long and unusual passphrase";

  private final MutableClock clock = MutableClock.at("2026-11-24T09:00:00Z");
  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final PlainPasswords passwords = new PlainPasswords();
  private final InMemorySessions sessions = new InMemorySessions();
  private final LogIn logIn =
      new LogIn(accounts, passwords, sessions, new FakeTokens(), sessions, clock);
  private final Account ada =
      new RegisterUser(accounts, passwords, PasswordPolicy.standard(), clock)
          .register(new RegisterUser.Command("ada@example.com", PASSWORD, "Ada", null));

  @Test
  void issuesA15MinuteAccessTokenAndAnOpaqueRefreshToken() {
    Session session = logIn.logIn(new LogIn.Command("ADA@example.com", PASSWORD));

    assertThat(session.expiresIn()).isEqualTo(900);
    assertThat(session.accessToken()).startsWith("access-for-" + ada.id());
    assertThat(session.refreshToken()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(sessions.find(RefreshToken.hashOf(session.refreshToken()))).isPresent();
  }

  @Test
  void unknownEmailAndWrongPasswordFailAlikeAfterOnePasswordCheckEach() {
    int before = passwords.checks.get();
    DomainFailure unknown = failure(new LogIn.Command("nobody@example.com", PASSWORD));
    int afterUnknown = passwords.checks.get();
    DomainFailure wrong = failure(new LogIn.Command("ada@example.com", "not the password"));

    assertThat(unknown).isInstanceOf(UnauthenticatedException.class);
    assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage());
    assertThat(afterUnknown - before).isEqualTo(1);
    assertThat(passwords.checks.get() - afterUnknown).isEqualTo(1);
  }

  @Test
  void locksTheAccountAfterFiveFailuresInFifteenMinutes() {
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(1));
      assertThat(failure(new LogIn.Command("ada@example.com", "wrong " + i)))
          .isInstanceOf(UnauthenticatedException.class);
    }

    DomainFailure locked = failure(new LogIn.Command("ada@example.com", PASSWORD));

    // The first failure was at 09:01; it leaves the window at 09:16; it is now 09:05.
    assertThat(locked)
        .isInstanceOfSatisfying(
            TooManyAttemptsException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(11)));
  }

  @Test
  void unlocksWhenTheFailuresLeaveTheWindowAndASuccessClearsThem() {
    for (int i = 0; i < 5; i++) {
      failure(new LogIn.Command("ada@example.com", "wrong " + i));
    }
    clock.advance(Lockout.WINDOW.plusSeconds(1));

    assertThat(logIn.logIn(new LogIn.Command("ada@example.com", PASSWORD))).isNotNull();
    assertThat(sessions.since(ada.id(), clock.instant().minus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void rehashesAPasswordHashedWithAnOlderCostOnceItMatched() {
    Account old = olderCostAccount("grace@example.com");

    logIn.logIn(new LogIn.Command("grace@example.com", PASSWORD));

    assertThat(accounts.byId(old.id()).orElseThrow().passwordHash()).isEqualTo("plain:" + PASSWORD);
    assertThat(logIn.logIn(new LogIn.Command("grace@example.com", PASSWORD))).isNotNull();
  }

  @Test
  void leavesAnOlderHashAloneWhenThePasswordIsWrong() {
    Account old = olderCostAccount("grace@example.com");

    failure(new LogIn.Command("grace@example.com", "not the password"));

    assertThat(accounts.byId(old.id()).orElseThrow().passwordHash())
        .isEqualTo("old-plain:" + PASSWORD);
  }

  @Test
  void doesNotRehashACurrentHash() {
    int before = passwords.hashes.get();

    logIn.logIn(new LogIn.Command("ada@example.com", PASSWORD));

    assertThat(passwords.hashes.get()).isEqualTo(before);
    assertThat(accounts.byId(ada.id()).orElseThrow().passwordHash()).isEqualTo("plain:" + PASSWORD);
  }

  private Account olderCostAccount(String email) {
    Account account =
        new RegisterUser(accounts, passwords, PasswordPolicy.standard(), clock)
            .register(new RegisterUser.Command(email, PASSWORD, "Grace", null));
    accounts.replacePasswordHash(account.id(), account.passwordHash(), "old-plain:" + PASSWORD);
    return account;
  }

  private DomainFailure failure(LogIn.Command command) {
    return (DomainFailure)
        assertThatThrownBy(() -> logIn.logIn(command)).isInstanceOf(DomainFailure.class).actual();
  }
}
