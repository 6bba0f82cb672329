package kr.seoullearn.reminders.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.figures.dynamo.FiguresStorage;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.port.DigestPlans;
import kr.seoullearn.reminders.port.ReminderQueue;
import kr.seoullearn.reminders.port.ReminderSettingsStore;
import kr.seoullearn.reminders.port.ReminderWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Wires the reminders context's DynamoDB adapters to its ports. */
@Factory
public class RemindersStorage {

    @Singleton
    public ReminderWrites reminderWrites(@Named("appTable") String table) {
        return writes(table);
    }

    @Singleton
    public ReminderQueue reminderQueue(DynamoDbClient dynamo, @Named("appTable") String table, FigureWrites figures) {
        return new DynamoReminderQueue(dynamo, table, figures);
    }

    @Singleton
    public ReminderSettingsStore reminderSettings(DynamoDbClient dynamo, @Named("appTable") String table) {
        return settings(dynamo, table);
    }

    @Singleton
    public DigestPlans digestPlans(DynamoDbClient dynamo, @Named("appTable") String table) {
        return digests(dynamo, table);
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static ReminderWrites writes(String table) {
        return (tx, reminder) -> tx.add(DueItems.put(table, reminder));
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static ReminderQueue queue(DynamoDbClient dynamo, String table) {
        return new DynamoReminderQueue(dynamo, table, FiguresStorage.writes(table));
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static ReminderSettingsStore settings(DynamoDbClient dynamo, String table) {
        return new DynamoReminderSettings(dynamo, table);
    }

    /** For code that wires by hand (tests). */
    public static DigestPlans digests(DynamoDbClient dynamo, String table) {
        return new DynamoDigestPlans(dynamo, table);
    }

    /**
     * The due item's Put, for adapters that still build their transaction as a list of writes
     * (and tests that load due items in batches); new code plans through {@link ReminderWrites}.
     */
    public static TransactWriteItem dueWrite(String table, DueReminder reminder) {
        return DueItems.put(table, reminder);
    }
}
