package kr.seoullearn.reminders.port;

import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.reminders.domain.DueReminder;

/**
 * How other contexts plan a reminder: its due item is written in the same transaction as the
 * state that makes it due (a session booked, a laptop ready), so it exists exactly when that
 * state does (docs/adr/0013).
 */
public interface ReminderWrites {

    /** Plans {@code reminder} in the transaction. */
    void plan(Transaction tx, DueReminder reminder);
}
