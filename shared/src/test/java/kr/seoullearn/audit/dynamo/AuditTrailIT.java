package kr.seoullearn.audit.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.domain.AuditQuery;
import kr.seoullearn.audit.domain.AuditRefusal;
import kr.seoullearn.audit.port.AuditTrail;
import kr.seoullearn.audit.port.AuditWrites;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The audit adapters against the emulator, on the template's table: an entry lands exactly when
 * the change it describes commits; each filter is one partition's Query, newest first, paged;
 * a tenant reads only its own entries; a cursor works only for the query it came from.
 */
class AuditTrailIT {
    private static final TenantId TENANT = new TenantId("chungbuk");
    private static final Instant T0 = Instant.parse("2026-11-28T01:00:00Z");
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static AuditWrites writes;
    private static AuditTrail trail;
    private static TransactionRunner runner;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("audit-trail");
        dynamo = stack.aws().dynamoDb();
        writes = AuditStorage.writes(stack.table());
        trail = AuditStorage.trail(dynamo, stack.table());
        runner = new TransactionRunner(dynamo);
    }

    @AfterAll
    static void close() {
        dynamo.close();
        stack.close();
    }

    /** A change (a counter's put, conditional on it being absent) and its audit entry in one transaction. */
    private static boolean change(String counter, AuditEntry entry) {
        Transaction tx = Transaction.named("test-change");
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(stack.table())
                .item(Map.of("PK", AttributeValue.fromS("T#" + TENANT.value() + "#TEST"), "SK", AttributeValue.fromS(counter)))
                .conditionExpression("attribute_not_exists(PK)")).build(),
                AuditRefusal.AUDIT_FILTER_INVALID);
        writes.record(tx, entry);
        return runner.attempt(tx).committed();
    }

    private static AuditEntry entry(String actor, String action, String subject, Instant at) {
        return new AuditEntry(null, TENANT, actor, action, "provider", subject, at, "corr-1",
                Map.of("seats", "40"), Map.of("seats", "50"));
    }

    private static List<AuditEntry> page(String actor, String action, String subject) {
        return trail.page(TENANT, new AuditQuery(actor, action, subject, null, null, 50, null)).entries();
    }

    @Test
    void aRefusedChangeWritesNoEntryAndACommittedOneExactlyOne() {
        String subject = "p-" + UUID.randomUUID();
        String counter = "c-" + UUID.randomUUID();
        assertThat(change(counter, entry("admin-1", "seats.set", subject, T0))).isTrue();
        // the same change again: its condition fails, so the whole transaction (and its entry) is refused
        assertThat(change(counter, entry("admin-1", "seats.set", subject, T0.plusSeconds(1)))).isFalse();

        assertThat(page(null, null, subject)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("admin-1");
            assertThat(e.before()).isEqualTo(Map.of("seats", "40"));
            assertThat(e.after()).isEqualTo(Map.of("seats", "50"));
            assertThat(e.correlationId()).isEqualTo("corr-1");
            assertThat(e.at()).isEqualTo(T0);
        });
    }

    @Test
    void eachFilterIsAPartitionNewestFirstAndTheFiltersCombine() {
        String subject = "p-" + UUID.randomUUID();
        String actor = "a-" + UUID.randomUUID();
        String other = "a-" + UUID.randomUUID();
        String action = "seats.t" + lettersOnly(UUID.randomUUID());
        change("c-" + UUID.randomUUID(), entry(actor, action, subject, T0.plusMillis(1)));
        change("c-" + UUID.randomUUID(), entry(other, action, subject, T0.plusMillis(2)));
        change("c-" + UUID.randomUUID(), entry(actor, "courses.set", subject, T0.plusSeconds(3)));
        change("c-" + UUID.randomUUID(), entry(actor, action, "p-" + UUID.randomUUID(), T0.plusSeconds(4)));

        assertThat(page(null, null, subject)).extracting(AuditEntry::at)
                .containsExactly(T0.plusSeconds(3), T0.plusMillis(2), T0.plusMillis(1));
        assertThat(page(actor, null, null)).hasSize(3).extracting(AuditEntry::actor).containsOnly(actor);
        assertThat(page(null, action, null)).hasSize(3).extracting(AuditEntry::action).containsOnly(action);
        assertThat(page(actor, action, null)).extracting(AuditEntry::at).containsExactly(T0.plusSeconds(4), T0.plusMillis(1));
        assertThat(page(actor, action, subject)).extracting(AuditEntry::at).containsExactly(T0.plusMillis(1));
        assertThat(trail.page(TENANT, new AuditQuery(null, null, subject, T0.plusMillis(2), T0.plusSeconds(2), 50, null)).entries())
                .extracting(AuditEntry::at).containsExactly(T0.plusMillis(2));
        // another tenant's trail holds none of them
        assertThat(trail.page(TenantId.SEOUL, new AuditQuery(actor, null, null, null, null, 50, null)).entries()).isEmpty();
        assertThat(trail.page(TenantId.SEOUL, new AuditQuery(null, null, subject, null, null, 50, null)).entries()).isEmpty();
    }

    @Test
    void pagesFollowEachOtherAndACursorServesOnlyItsOwnQuery() {
        String actor = "a-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            change("c-" + UUID.randomUUID(), entry(actor, "seats.set", "p-" + i, T0.plusSeconds(i)));
        }
        List<Instant> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = trail.page(TENANT, new AuditQuery(actor, null, null, null, null, 2, cursor));
            page.entries().forEach(e -> seen.add(e.at()));
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactly(T0.plusSeconds(4), T0.plusSeconds(3), T0.plusSeconds(2), T0.plusSeconds(1), T0);

        String first = trail.page(TENANT, new AuditQuery(actor, null, null, null, null, 2, null)).next();
        assertThat(first).isNotNull();
        // the cursor of one actor's page read against another actor, or another tenant: refused
        assertThatThrownBy(() -> trail.page(TENANT, new AuditQuery("someone-else", null, null, null, null, 2, first)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(AuditRefusal.AUDIT_FILTER_INVALID));
        assertThatThrownBy(() -> trail.page(TenantId.SEOUL, new AuditQuery(actor, null, null, null, null, 2, first)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(AuditRefusal.AUDIT_FILTER_INVALID));
        assertThatThrownBy(() -> trail.page(TENANT, new AuditQuery(actor, null, null, null, null, 2, "not-a-cursor!")))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void anEntryRefusesPersonalFreeTextShapesAndMalformedCodes() {
        assertThatThrownBy(() -> entry("admin 1", "seats.set", "p", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry("admin", "Seats", "p", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry("admin", "seats.set", "kim@example.com", T0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An action code must be letters: each hex digit of a random id becomes one of 16 letters (a random id may hold few letters of its own). */
    private static String lettersOnly(UUID id) {
        StringBuilder letters = new StringBuilder();
        for (char c : id.toString().replace("-", "").toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }
}
