package kr.seoullearn.registration.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.domain.ReminderKind;

/**
 * The reminder about documents still missing (docs/product.md: "missing documents trigger
 * reminders"), planned with the state that asks for them: a new draft, a submission that requires
 * documents. It is sent only if some are still missing when it is due; its subject names the
 * occurrence, so each is sent at most once however often it is planned.
 */
public final class DocumentsReminders {
    /** Documents are reminded about this long after they were asked for. */
    public static final Duration AFTER = Duration.ofDays(3);

    private DocumentsReminders() {}

    /** The reminder about documents asked for at a submission: {@code <sub>@<submittedAt>}, due 3 days later. */
    public static DueReminder afterSubmission(TenantId tenant, String userId, Instant submittedAt) {
        return of(tenant, userId, submittedAt.toString(), submittedAt);
    }

    /** The reminder about the documents of a draft: {@code <sub>@draft}, due 3 days after it was started. */
    public static DueReminder forDraft(TenantId tenant, String userId, Instant createdAt) {
        return of(tenant, userId, "draft", createdAt);
    }

    private static DueReminder of(TenantId tenant, String userId, String occurrence, Instant from) {
        return DueReminder.of(tenant, ReminderKind.DOCUMENTS_MISSING, userId + "@" + occurrence, userId,
                from.plus(AFTER), Map.of("occurrence", occurrence));
    }
}
