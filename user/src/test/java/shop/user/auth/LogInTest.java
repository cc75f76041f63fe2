package shop.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.user.fakes.InMemoryUserService.PASSWORD;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.platform.domain.DomainFailure;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.Account;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvent.Kind;
import shop.user.fakes.InMemoryUserService;

class LogInTest {
  private final InMemoryUserService s = new InMemoryUserService();
  private final Account ada = s.registered("ada@example.com");

  @Test
  void issuesA15MinuteAccessTokenAndAnOpaqueRefreshToken() {
    Session session = s.logIn.logIn(s.credentials("ADA@example.com", PASSWORD));

    assertThat(session.expiresIn()).isEqualTo(900);
    assertThat(session.accessToken()).startsWith("access-for-" + ada.id());
    assertThat(session.refreshToken()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(s.sessions.find(RefreshToken.hashOf(session.refreshToken()))).isPresent();
  }

  @Test
  void unknownEmailAndWrongPasswordFailAlikeAfterOnePasswordCheckEach() {
    int before = s.passwords.checks.get();
    DomainFailure unknown = failure("nobody@example.com", PASSWORD);
    int afterUnknown = s.passwords.checks.get();
    DomainFailure wrong = failure("ada@example.com", "not the password");

    assertThat(unknown).isInstanceOf(UnauthenticatedException.class);
    assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage());
    assertThat(afterUnknown - before).isEqualTo(1);
    assertThat(s.passwords.checks.get() - afterUnknown).isEqualTo(1);
  }

  @Test
  void theStandInForAMissingHashIsOneRealHashMadeOnFirstNeed() {
    int before = s.passwords.hashes.get();

    failure("nobody@example.com", PASSWORD);
    failure("nemo@example.com", PASSWORD);

    assertThat(s.passwords.hashes.get() - before).isEqualTo(1);
    assertThat(
            s.passwords.checked.subList(s.passwords.checked.size() - 2, s.passwords.checked.size()))
        .allSatisfy(hash -> assertThat(hash).startsWith("plain:"))
        .containsOnly(s.passwords.checked.getLast());
  }

  @Test
  void aLockedAccountFailsLikeAWrongPasswordAfterOneCheckOfAnotherHash() {
    DomainFailure wrong = null;
    for (int i = 0; i < 5; i++) {
      wrong = failure("ada@example.com", "wrong " + i);
    }
    int before = s.passwords.checks.get();

    // Even the right password: the account is locked, and must not say so.
    DomainFailure locked = failure("ada@example.com", PASSWORD);

    assertThat(locked).isExactlyInstanceOf(wrong.getClass());
    assertThat(locked.getMessage()).isEqualTo(wrong.getMessage());
    assertThat(s.passwords.checks.get() - before).isEqualTo(1);
    assertThat(s.sessions.failures(ada.id())).isEqualTo(5);
  }

  @Test
  void eachFailureAfterALockDoublesTheNextLock() {
    for (int i = 0; i < 5; i++) {
      failure("ada@example.com", "wrong " + i);
    }
    // Locked for 1 minute after the fifth failure.
    s.clock.advance(Duration.ofSeconds(59));
    failure("ada@example.com", PASSWORD);
    s.clock.advance(Duration.ofSeconds(1));
    failure("ada@example.com", "wrong again");
    // The sixth failure locks for 2 minutes.
    s.clock.advance(Duration.ofSeconds(119));
    failure("ada@example.com", PASSWORD);
    s.clock.advance(Duration.ofSeconds(1));

    assertThat(s.logIn.logIn(s.credentials("ada@example.com", PASSWORD))).isNotNull();
    assertThat(s.sessions.failures(ada.id())).isZero();
  }

  @Test
  void aLockNeverExceedsTheLongestLock() {
    Lockout lockout = Lockout.DEFAULT;

    assertThat(lockout.lockAfter(4)).isZero();
    assertThat(lockout.lockAfter(5)).isEqualTo(Duration.ofMinutes(1));
    assertThat(lockout.lockAfter(7)).isEqualTo(Duration.ofMinutes(4));
    assertThat(lockout.lockAfter(12)).isEqualTo(Duration.ofHours(1));
    assertThat(lockout.lockAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void failuresOlderThanADayAreForgotten() {
    for (int i = 0; i < 4; i++) {
      failure("ada@example.com", "wrong " + i);
    }
    s.clock.advance(Duration.ofDays(1));

    failure("ada@example.com", "wrong once more");

    assertThat(s.sessions.failures(ada.id())).isEqualTo(1);
  }

  @Test
  void failuresAndLocksAreSecurityEvents() {
    failure("nobody@example.com", PASSWORD);
    for (int i = 0; i < 5; i++) {
      failure("ada@example.com", "wrong " + i);
    }
    failure("ada@example.com", PASSWORD);

    assertThat(s.security.recorded)
        .contains(
            new SecurityEvent(Kind.LOGIN_FAILED, null, "198.51.100.7", "no-account"),
            new SecurityEvent(Kind.LOGIN_FAILED, ada.id(), "198.51.100.7", "wrong-password"),
            new SecurityEvent(Kind.ACCOUNT_LOCKED, ada.id(), "198.51.100.7", "locked for PT1M"),
            new SecurityEvent(Kind.LOGIN_FAILED, ada.id(), "198.51.100.7", "locked"));
  }

  @Test
  void rehashesAPasswordHashedWithAnOlderCostOnceItMatched() {
    Account old = olderCostAccount("grace@example.com");

    s.logIn.logIn(s.credentials("grace@example.com", PASSWORD));

    assertThat(s.accounts.byId(old.id()).orElseThrow().passwordHash())
        .isEqualTo("plain:" + PASSWORD);
    assertThat(s.logIn.logIn(s.credentials("grace@example.com", PASSWORD))).isNotNull();
  }

  @Test
  void aRehashThatFailsDoesNotFailTheLogin() {
    Account old = olderCostAccount("grace@example.com");
    s.passwords.hashFailure = new IllegalStateException("out of memory");

    assertThat(s.logIn.logIn(s.credentials("grace@example.com", PASSWORD))).isNotNull();
    assertThat(s.accounts.byId(old.id()).orElseThrow().passwordHash())
        .isEqualTo("old-plain:" + PASSWORD);
  }

  @Test
  void leavesAnOlderHashAloneWhenThePasswordIsWrong() {
    Account old = olderCostAccount("grace@example.com");

    failure("grace@example.com", "not the password");

    assertThat(s.accounts.byId(old.id()).orElseThrow().passwordHash())
        .isEqualTo("old-plain:" + PASSWORD);
  }

  @Test
  void doesNotRehashACurrentHash() {
    int before = s.passwords.hashes.get();

    s.logIn.logIn(s.credentials("ada@example.com", PASSWORD));

    assertThat(s.passwords.hashes.get()).isEqualTo(before);
    assertThat(s.accounts.byId(ada.id()).orElseThrow().passwordHash())
        .isEqualTo("plain:" + PASSWORD);
  }

  private Account olderCostAccount(String email) {
    Account account = s.registered(email);
    s.accounts.replacePasswordHash(account.id(), account.passwordHash(), "old-plain:" + PASSWORD);
    return account;
  }

  private DomainFailure failure(String email, String password) {
    return (DomainFailure)
        assertThatThrownBy(() -> s.logIn.logIn(s.credentials(email, password)))
            .isInstanceOf(DomainFailure.class)
            .actual();
  }
}
