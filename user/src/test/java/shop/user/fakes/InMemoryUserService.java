package shop.user.fakes;

import java.time.Duration;
import java.time.Instant;
import shop.platform.auth.Totp;
import shop.platform.testing.MutableClock;
import shop.user.account.Account;
import shop.user.account.ConfirmTotp;
import shop.user.account.GrantRole;
import shop.user.account.PasswordPolicy;
import shop.user.account.RegisterUser;
import shop.user.account.ResendEmailVerification;
import shop.user.account.RevokeRole;
import shop.user.account.SecondFactor;
import shop.user.account.SendEmailVerification;
import shop.user.account.VerifyEmail;
import shop.user.adapter.Rfc6238Codes;
import shop.user.adapter.ZxcvbnStrength;
import shop.user.auth.ChangePassword;
import shop.user.auth.DeleteAccount;
import shop.user.auth.EnrolTotp;
import shop.user.auth.Lockout;
import shop.user.auth.LogIn;
import shop.user.auth.LogOut;
import shop.user.auth.RefreshSession;
import shop.user.auth.RequestPasswordReset;
import shop.user.auth.ResetPassword;
import shop.user.auth.SessionIssuer;
import shop.user.auth.SessionLimits;

/**
 * The account and auth use cases wired to in-memory ports, for unit tests of their rules. The
 * password strength is the real estimate: it is a library, and the rules are about it.
 */
public final class InMemoryUserService {
  public static final String PASSWORD = "a long and unusual passphrase";

  public final MutableClock clock = MutableClock.at("2026-11-24T09:00:00Z");
  public final InMemoryAccounts accounts = new InMemoryAccounts();
  public final PlainPasswords passwords = new PlainPasswords();
  public final InMemorySessions sessions;
  public final InMemoryOneTimeTokens tokens = new InMemoryOneTimeTokens();
  public final RecordingMail mail = new RecordingMail(tokens);
  public final RecordingSecurityEvents security = new RecordingSecurityEvents();
  public final PasswordPolicy policy = new PasswordPolicy(new ZxcvbnStrength());
  public final SessionIssuer issuer;
  public final FakeTokens accessTokens = new FakeTokens();
  public final InMemoryTotpFactors totpFactors = new InMemoryTotpFactors();
  public final Rfc6238Codes totpCodes = new Rfc6238Codes("Shop");
  public final SecondFactor secondFactor;
  public final EnrolTotp enrolTotp;
  public final ConfirmTotp confirmTotp;

  public final RegisterUser register;
  public final VerifyEmail verifyEmail;
  public final LogIn logIn;
  public final RefreshSession refresh;
  public final LogOut logOut;
  public final ChangePassword changePassword;
  public final RequestPasswordReset requestReset;
  public final ResetPassword reset;
  public final GrantRole grantRole;
  public final RevokeRole revokeRole;
  public final FakeGateway gateway = new FakeGateway();
  public final DeleteAccount deleteAccount;
  public final ResendEmailVerification resendVerification;

  public InMemoryUserService() {
    this(Lockout.DEFAULT, SessionLimits.DEFAULT);
  }

  public InMemoryUserService(Lockout lockout, SessionLimits limits) {
    sessions = new InMemorySessions(lockout);
    issuer = new SessionIssuer(accessTokens, sessions, limits, clock);
    secondFactor = new SecondFactor(totpFactors, totpCodes, clock);
    enrolTotp =
        new EnrolTotp(accounts, passwords, sessions, totpFactors, totpCodes, security, clock);
    confirmTotp = new ConfirmTotp(totpFactors, totpCodes, security, clock);
    register =
        new RegisterUser(
            accounts, passwords, policy, new SendEmailVerification(mail, clock), mail, clock);
    verifyEmail = new VerifyEmail(accounts, tokens, clock);
    logIn = new LogIn(accounts, passwords, sessions, lockout, secondFactor, issuer, security);
    refresh = new RefreshSession(accounts, sessions, issuer, security);
    logOut = new LogOut(sessions, clock);
    changePassword =
        new ChangePassword(accounts, passwords, policy, sessions, sessions, issuer, security);
    requestReset = new RequestPasswordReset(accounts, mail, security, clock);
    reset =
        new ResetPassword(
            accounts, passwords, policy, tokens, sessions, sessions, issuer, security);
    grantRole = new GrantRole(accounts, secondFactor, security);
    revokeRole = new RevokeRole(accounts, sessions, security, clock);
    resendVerification =
        new ResendEmailVerification(
            accounts, new SendEmailVerification(mail, clock), Duration.ofMinutes(5), clock);
    deleteAccount = new DeleteAccount(accounts, passwords, sessions, gateway, security, clock);
  }

  /** Registers {@code email} with {@link #PASSWORD}: the new account. */
  public Account registered(String email) {
    register.register(new RegisterUser.Command(email, PASSWORD, "User " + email, null));
    return accounts.byEmail(email).orElseThrow();
  }

  /** Registers {@code email} and follows the link of its confirmation mail. */
  public Account verified(String email) {
    Account account = registered(email);
    verifyEmail.verify(mail.lastToken("confirm-address", email));
    return accounts.byId(account.id()).orElseThrow();
  }

  /**
   * Registers and verifies {@code email}, and enrols and confirms TOTP for it: the returned secret
   * makes its codes. The security log is cleared of the set-up's events.
   */
  public String withTotp(Account account) {
    String secret = enrolTotp.enrol(account.id(), PASSWORD, "test").secret();
    confirmTotp.confirm(account.id(), codeAt(secret, clock.instant()), "test");
    security.recorded.clear();
    return secret;
  }

  /** The code an app with {@code secret} shows at {@code at}. */
  public static String codeAt(String secret, Instant at) {
    return Totp.codeAt(secret, at);
  }

  public LogIn.Command credentials(String email, String password, String otp) {
    return new LogIn.Command(email, password, otp, "198.51.100.7");
  }

  public LogIn.Command credentials(String email, String password) {
    return new LogIn.Command(email, password, "198.51.100.7");
  }
}
