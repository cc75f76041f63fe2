package shop.user.fakes;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import shop.user.account.Account;
import shop.user.account.AccountMail;
import shop.user.account.OneTimeTokens.Purpose;
import shop.user.account.OpaqueToken;

/**
 * Keeps the account mails it was asked to send, tokens included, for tests to follow the links;
 * like the real mail, records each mail's token in {@code tokens}.
 */
public final class RecordingMail implements AccountMail {
  /** One mail: its kind, to whom, and the token it carries (null for a notice). */
  public record Mail(String kind, String email, String token, Instant expiresAt) {}

  public final List<Mail> sent = new CopyOnWriteArrayList<>();
  private final InMemoryOneTimeTokens tokens;

  public RecordingMail(InMemoryOneTimeTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void confirmAddress(Account account, String token, Instant expiresAt) {
    issue(account, token, Purpose.VERIFY_EMAIL, expiresAt);
    sent.add(new Mail("confirm-address", account.email(), token, expiresAt));
  }

  @Override
  public void registrationAttempted(Account owner, Instant at) {
    sent.add(new Mail("registration-attempted", owner.email(), null, null));
  }

  @Override
  public void resetPassword(Account account, String token, Instant expiresAt) {
    issue(account, token, Purpose.RESET_PASSWORD, expiresAt);
    sent.add(new Mail("reset-password", account.email(), token, expiresAt));
  }

  private void issue(Account account, String token, Purpose purpose, Instant expiresAt) {
    Instant issuedAt = expiresAt.minus(purpose.lifetime());
    tokens.issue(OpaqueToken.hashOf(token), account.id(), purpose, expiresAt, issuedAt);
  }

  /** The token of the last mail of {@code kind} to {@code email}. */
  public String lastToken(String kind, String email) {
    return sent.reversed().stream()
        .filter(m -> m.kind().equals(kind) && m.email().equals(email))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " mail to " + email + ": " + sent))
        .token();
  }
}
