package kr.seoullearn.reminders.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * One reminder to one person at one time, written by the feature whose state calls for it.
 * {@code subject} names the thing reminded about and its occurrence (e.g. {@code <sub>@draft},
 * a notice id, {@code <session id>@<start>}): kind, subject and recipient together are the
 * reminder's identity, so it is sent at most once however often it is written or read.
 * {@code params} are what the message needs and are never personal data (ids, dates, counts);
 * names and addresses are looked up when it is sent. After {@code staleAt} (if any) it is no
 * longer worth sending (a session that has started).
 */
public record DueReminder(TenantId tenant, ReminderKind kind, String subject, String recipientId, Instant dueAt,
                          Instant staleAt, Map<String, String> params, int attempts) {

    public DueReminder {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(dueAt);
        if (subject == null || subject.isBlank() || subject.contains("#")) {
            throw new IllegalArgumentException("subject must be non-blank without '#'");
        }
        if (recipientId == null || recipientId.isBlank() || recipientId.contains("#")) {
            throw new IllegalArgumentException("recipient must be non-blank without '#'");
        }
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public static DueReminder of(TenantId tenant, ReminderKind kind, String subject, String recipientId, Instant dueAt,
                                 Map<String, String> params) {
        return new DueReminder(tenant, kind, subject, recipientId, dueAt, null, params, 0);
    }

    public DueReminder staleAfter(Instant at) {
        return new DueReminder(tenant, kind, subject, recipientId, dueAt, at, params, attempts);
    }

    /** The reminder's identity within the tenant: {@code <kind>#<subject>#<recipient>}. */
    public String identity() {
        return kind.name() + "#" + subject + "#" + recipientId;
    }
}
