package kr.seoullearn.notifications.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.notifications.port.Inbox;
import kr.seoullearn.notifications.port.NoticeOutbox;
import kr.seoullearn.notifications.port.NoticeWrites;
import kr.seoullearn.notifications.port.PreferencesStore;
import kr.seoullearn.notifications.port.SmsVerifications;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Wires the notifications context's DynamoDB adapters to its ports. */
@Factory
public class NotificationsStorage {

    @Singleton
    public NoticeWrites noticeWrites(@Named("appTable") String table) {
        return writes(table);
    }

    @Singleton
    public NoticeOutbox noticeOutbox(DynamoDbClient dynamo, @Named("appTable") String table) {
        return outbox(dynamo, table);
    }

    @Singleton
    public Inbox inbox(DynamoDbClient dynamo, @Named("appTable") String table) {
        return inboxOf(dynamo, table);
    }

    @Singleton
    public PreferencesStore preferencesStore(DynamoDbClient dynamo, @Named("appTable") String table) {
        return preferences(dynamo, table);
    }

    @Singleton
    public SmsVerifications smsVerifications(DynamoDbClient dynamo, @Named("appTable") String table) {
        return smsVerificationsOf(dynamo, table);
    }

    public static SmsVerifications smsVerificationsOf(DynamoDbClient dynamo, String table) {
        return new DynamoSmsVerifications(dynamo, table);
    }

    /**
     * For code that wires by hand (tests, the local cloud's seeders). The inbox entry and the outbox
     * item are plain Puts keyed on the notice: the caller's own condition decides whether the
     * transaction happens; writing the same notice again rewrites the same two items.
     */
    public static NoticeWrites writes(String table) {
        return (tx, notice) -> {
            tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(NoticeItems.inboxItem(notice))).build());
            tx.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                    .item(NoticeItems.outboxItem(notice, notice.at(), 0, null))).build());
        };
    }

    /**
     * For a notice to someone without an account (a nominee's invitation, docs/adr/0042): the
     * outbox item only — there is no inbox to put it in; the dispatch finds the address through
     * the recipient id.
     */
    public static NoticeWrites outboxWrites(String table) {
        return (tx, notice) -> tx.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(NoticeItems.outboxItem(notice, notice.at(), 0, null))).build());
    }

    public static NoticeOutbox outbox(DynamoDbClient dynamo, String table) {
        return new DynamoNoticeOutbox(dynamo, table);
    }

    public static Inbox inboxOf(DynamoDbClient dynamo, String table) {
        return new DynamoInbox(dynamo, table);
    }

    public static PreferencesStore preferences(DynamoDbClient dynamo, String table) {
        return new DynamoPreferences(dynamo, table);
    }
}
