package shop.ops.audit;

import java.time.Instant;

/**
 * One operator action that changed something: a replay or a discard.
 *
 * @param action {@code dlq.replay}, {@code dlq.discard} or {@code archive.replay}
 * @param target the consumer, or {@code all} for an archive replay to every rule
 * @param selection what was selected, in words
 * @param count how many messages or events it touched
 * @param result {@code ok}, {@code partial} or {@code failed}, with details after a colon
 */
public record AuditEntry(
    Instant time,
    String actor,
    String action,
    String target,
    String selection,
    long count,
    String result) {}
