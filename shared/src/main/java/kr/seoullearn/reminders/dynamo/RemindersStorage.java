package kr.seoullearn.reminders.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.reminders.port.ReminderWrites;

/** Wires the reminders context's DynamoDB adapters to its ports. */
@Factory
public class RemindersStorage {

    @Singleton
    public ReminderWrites reminderWrites(@Named("appTable") String table) {
        return writes(table);
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static ReminderWrites writes(String table) {
        return (tx, reminder) -> tx.add(DynamoReminderQueue.scheduleWrite(table, reminder));
    }
}
