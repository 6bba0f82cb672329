package kr.seoullearn.reminders.port;

import kr.seoullearn.reminders.domain.DueReminder;

import java.time.Instant;
import java.util.function.Consumer;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Due reminders, found by time (never by scanning people), and the markers that make each one
 * go out at most once: {@link #claim} records "sending" and takes the reminder off the due list
 * in one conditional write before anything is sent; {@link #confirm} records it as sent;
 * {@link #release} puts it back for the next run after a failed send.
 */
public interface ReminderQueue {

    /** How a claimed reminder ended, when it was not sent. */
    enum Outcome { SENT, FAILED }

    /** Writes (or rewrites, harmlessly) a due reminder. */
    void schedule(DueReminder reminder);

    /**
     * Calls {@code each} for every reminder of the tenant due in {@code (from, to]}, in due order.
     * A due item that cannot be read as a reminder (poisoned) is moved to the dead letters at
     * once, since trying again cannot mend it. Returns how many were moved so.
     */
    int due(TenantId tenant, Instant from, Instant to, Consumer<DueReminder> each);

    /**
     * Takes the reminder for sending: writes its marker ("sending", with {@code runId}) if no
     * marker exists and deletes the due item if it is still there, in one transaction. False
     * when another run took it first or it was sent before.
     */
    boolean claim(DueReminder reminder, String runId, Instant now);

    /** The message went out. */
    void confirm(DueReminder reminder, String runId, String messageId, Instant now);

    /**
     * The send failed: the marker goes and the reminder is due again (attempts + 1) for the next
     * run; after {@code maxAttempts} it is given up: the marker says FAILED and a dead letter is
     * written in the same transaction. Returns whether it will be tried again.
     */
    boolean release(DueReminder reminder, String runId, String failure, int maxAttempts, Instant now);

    /**
     * Preparing the reminder failed before it was claimed (a dependency threw, its content could
     * not be made): it stays due with attempts + 1 for the next run; once {@code maxAttempts} is
     * reached it is quarantined instead (off the due list, into the dead letters). Returns whether
     * it will be tried again. Nothing happens if another run changed it meanwhile.
     */
    boolean retryLater(DueReminder reminder, String failure, int maxAttempts, Instant now);

    /** The tenant's reminders given up (newest first): what an operator looks at. */
    java.util.List<kr.seoullearn.reminders.domain.DeadLetter> deadLetters(TenantId tenant, int limit);

    /** No longer to be sent (switched off, no longer applies, too late, no address): off the due list. */
    void drop(DueReminder reminder);
}
