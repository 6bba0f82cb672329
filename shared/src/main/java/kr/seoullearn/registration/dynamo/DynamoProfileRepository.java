package kr.seoullearn.registration.dynamo;

import static kr.seoullearn.registration.dynamo.ApplicationItems.num;
import static kr.seoullearn.registration.dynamo.ApplicationItems.str;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.registration.domain.DocumentsReminders;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.port.ReminderWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Profiles in the application table: one item per person, key {@code T#tenant#U#sub / PROFILE}. */
final class DynamoProfileRepository implements ProfileRepository {
    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner runner;
    private final ReminderWrites reminders;

    DynamoProfileRepository(DynamoDbClient dynamo, String table, TransactionRunner runner, ReminderWrites reminders) {
        this.dynamo = dynamo;
        this.table = table;
        this.runner = runner;
        this.reminders = reminders;
    }

    @Override
    public Optional<Profile> find(TenantId tenant, String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(RegistrationKeys.profile(tenant, userId).attributes())).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Profile(
                tenant,
                userId,
                item.containsKey("username") ? item.get("username").s() : null,
                RegistrationStatus.valueOf(item.get("status").s()),
                item.containsKey("displayName") ? item.get("displayName").s() : null,
                Optional.ofNullable(item.get("language"))
                        .map(a -> Language.fromTag(a.s())).orElse(Language.DEFAULT),
                Instant.parse(item.get("createdAt").s()),
                Long.parseLong(item.get("version").n())));
    }

    @Override
    public boolean createIfAbsent(Profile profile) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(profile)).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * The profile and its documents reminder in one transaction. When the profile exists (the
     * trigger was retried), the reminder is planned on its own: its identity is the person's
     * draft, so it is sent at most once however often it is planned. The profile's own condition
     * is the guard against creating it twice; no witness is needed besides.
     */
    @Override
    public boolean createDraft(Profile draft) {
        DueReminder reminder = DocumentsReminders.forDraft(draft.tenant(), draft.userId(), draft.createdAt());
        Transaction tx = Transaction.named("create-draft");
        int profile = tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(draft))
                .conditionExpression("attribute_not_exists(PK)")).build());
        reminders.plan(tx, reminder);
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (outcome.committed()) {
            return true;
        }
        if (!outcome.failed(profile)) {
            throw runner.refusalOf(tx, outcome);
        }
        Transaction again = Transaction.named("plan-draft-reminder");
        reminders.plan(again, reminder);
        runner.commit(again);
        return false;
    }

    private static Map<String, AttributeValue> item(Profile profile) {
        Map<String, AttributeValue> item = new HashMap<>(RegistrationKeys.profile(profile.tenant(), profile.userId()).attributes());
        item.put("type", str("PROFILE"));
        item.put("tenant", str(profile.tenant().value()));
        item.put("userId", str(profile.userId()));
        item.put("status", str(profile.status().name()));
        item.put("language", str(profile.preferredLanguage().tag()));
        item.put("createdAt", str(profile.createdAt().toString()));
        item.put("version", num(profile.version()));
        if (profile.status() == kr.seoullearn.registration.domain.RegistrationStatus.DRAFT) {
            // an abandoned draft goes (docs/adr/0038); each save moves this on
            item.put(kr.seoullearn.platform.dynamo.Keys.TTL, num(kr.seoullearn.registration.domain.RetentionPeriods
                    .draftExpires(profile.createdAt()).getEpochSecond()));
        }
        if (profile.username() != null) {
            item.put("username", str(profile.username()));
        }
        if (profile.displayName() != null) {
            item.put("displayName", str(profile.displayName()));
        }
        return item;
    }
}
