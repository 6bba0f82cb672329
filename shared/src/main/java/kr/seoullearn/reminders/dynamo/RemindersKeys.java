package kr.seoullearn.reminders.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.domain.DueReminder;

/**
 * Reminders' keys in the application table (docs/data-model.md, "Reminders"; docs/adr/0013),
 * every partition starting with the tenant:
 * <ul>
 *   <li>due reminders of one UTC hour: {@code T#<tenant>#DUE#<yyyy-MM-ddTHH> / <dueAt second>#<kind>#<subject>#<recipient>};
 *       a run reads the hours since its look-back, so its reads grow with the due reminders, never with the people;</li>
 *   <li>a person's sent markers, one per reminder, written before it is sent: {@code T#<tenant>#SENT#<sub> / <kind>#<subject>};</li>
 *   <li>the tenant's switches: {@code T#<tenant>#CONFIG / REMINDERS};</li>
 *   <li>days whose review digest has been planned: {@code T#<tenant>#DIGEST / <Seoul date>};</li>
 *   <li>reminders given up (dead letters): {@code T#<tenant>#DEADLETTER / <given up at>#<identity or due sort key>}.</li>
 * </ul>
 */
final class RemindersKeys {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private RemindersKeys() {}

    /** The partition of the reminders due in the UTC hour of {@code at}. */
    static String dueBucket(TenantId tenant, Instant at) {
        return Keys.tenant(tenant, "DUE", HOUR.format(at));
    }

    /** The fixed-width UTC second that starts due sort keys (so they sort by time). */
    static String dueSecond(Instant at) {
        return SECOND.format(at);
    }

    static String dueSortKey(Instant dueAt, String identity) {
        return dueSecond(dueAt) + "#" + identity;
    }

    static ItemKey due(DueReminder r) {
        return ItemKey.of(dueBucket(r.tenant(), r.dueAt()), dueSortKey(r.dueAt(), r.identity()));
    }

    static ItemKey marker(DueReminder r) {
        return ItemKey.of(Keys.tenant(r.tenant(), "SENT", r.recipientId()), r.kind().name() + "#" + r.subject());
    }

    static ItemKey settings(TenantId tenant) {
        return ItemKey.of(Keys.tenant(tenant, "CONFIG"), "REMINDERS");
    }

    static String deadLetters(TenantId tenant) {
        return Keys.tenant(tenant, "DEADLETTER");
    }

    static ItemKey deadLetter(TenantId tenant, Instant at, String what) {
        return ItemKey.of(deadLetters(tenant), SECOND.format(at) + "#" + what);
    }

    static ItemKey digest(TenantId tenant, LocalDate day) {
        return ItemKey.of(Keys.tenant(tenant, "DIGEST"), day.toString());
    }
}
