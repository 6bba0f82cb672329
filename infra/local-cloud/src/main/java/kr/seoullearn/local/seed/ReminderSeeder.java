package kr.seoullearn.local.seed;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import kr.seoullearn.reminders.dynamo.RemindersStorage;
import kr.seoullearn.reminders.port.ReminderSettingsStore;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Seed data of the reminders (ADR 13): each tenant's reminder switches as data. Seoul sends
 * every kind; the Chungbuk pilot's reviewers work from the queue and have the daily digest off.
 * Idempotent: switches saved before (by an admin or an earlier start) are left as they are.
 */
final class ReminderSeeder {
    private ReminderSeeder() {}

    static void seed(DynamoDbClient dynamo, String table, Consumer<String> progress) {
        ReminderSettingsStore settings = RemindersStorage.settings(dynamo, table);
        save(settings, TenantId.SEOUL, Set.of());
        save(settings, new TenantId("chungbuk"), EnumSet.of(ReminderKind.REVIEW_DIGEST));
        progress.accept("seeded reminder switches (chungbuk: review digest off)");
    }

    private static void save(ReminderSettingsStore settings, TenantId tenant, Set<ReminderKind> off) {
        if (settings.find(tenant).version() == 0) {
            try {
                settings.save(tenant, off, 0);
            } catch (kr.seoullearn.platform.http.ProblemException e) {
                // saved in the meantime
            }
        }
    }
}
