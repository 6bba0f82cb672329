package kr.seoullearn.recruitment.dynamo;

import static kr.seoullearn.recruitment.dynamo.Attributes.n;
import static kr.seoullearn.recruitment.dynamo.Attributes.s;
import static kr.seoullearn.recruitment.dynamo.Attributes.text;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.dynamo.AuditStorage;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.dynamo.NotificationsStorage;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.Nomination;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Nominations ({@code T#<t>#ROUND#<id> / NOMINATION#<sha256(email)>}, docs/adr/0042): written once
 * per round and address together with the invitation's outbox item, in one transaction whose
 * condition is that no nomination of that address exists — so a file sent again, a retry, or two
 * uploads at once write each nomination and each invitation once. {@code ttl} deletes one nobody
 * took up; reads treat an item past its {@code ttl} as gone, as DynamoDB may delete it days late.
 */
final class NominationRecords {
    static final String PREFIX = "NOMINATION#";
    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner transactions;

    NominationRecords(DynamoDbClient dynamo, String table, TransactionRunner transactions) {
        this.dynamo = dynamo;
        this.table = table;
        this.transactions = transactions;
    }

    static kr.seoullearn.platform.dynamo.ItemKey key(TenantId tenant, String roundId, String emailKey) {
        return kr.seoullearn.platform.dynamo.ItemKey.of(Keys.tenant(tenant, "ROUND", roundId), PREFIX + emailKey);
    }

    /** True when written now; false when the round already has a nomination of this address (nothing written). */
    boolean nominate(Nomination nomination, Notice invitation) {
        Transaction tx = Transaction.named("nominate mentor");
        int at = tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(nomination))
                .conditionExpression("attribute_not_exists(PK)")).build());
        NotificationsStorage.outboxWrites(table).add(tx, invitation);
        TransactionRunner.Outcome outcome = transactions.attempt(tx);
        if (outcome.committed()) {
            return true;
        }
        if (outcome.failed(at)) {
            return false;
        }
        throw transactions.refusalOf(tx, outcome);
    }

    Optional<Nomination> find(TenantId tenant, String roundId, String emailKey, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(tenant, roundId, emailKey).attributes())).item();
        if (Attributes.absent(item)) {
            return Optional.empty();
        }
        Nomination n = nomination(tenant, item);
        return n.expiresAt() != null && !n.expiresAt().isAfter(now) ? Optional.empty() : Optional.of(n);
    }

    /**
     * Links the nomination to the application of {@code userId}, if the link's secret is the
     * nomination's, it has not expired and nobody else claimed it; true when linked (or already theirs).
     */
    boolean link(TenantId tenant, String roundId, String emailKey, String code, String userId, Instant now) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(tenant, roundId, emailKey).attributes())
                    .updateExpression("SET appliedBy = :user, appliedAt = :at")
                    .conditionExpression("attribute_exists(PK) AND code = :code AND #ttl > :now "
                            + "AND (attribute_not_exists(appliedBy) OR appliedBy = :user)")
                    .expressionAttributeNames(Map.of("#ttl", Keys.TTL))
                    .expressionAttributeValues(Map.of(":user", s(userId), ":at", s(now.toString()), ":code", s(code),
                            ":now", n(now.getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The import's audit entry: counts only, never a name or an address. */
    void recordImport(TenantId tenant, String importId, String roundId, Map<String, String> counts, String by, Instant at) {
        Transaction tx = Transaction.named("nominations-import-audit");
        Map<String, String> after = new HashMap<>(counts);
        after.put("roundId", roundId);
        AuditStorage.writes(table).record(tx, AuditEntry.of(tenant, by, "recruitment.nominations-import", "nomination-import",
                importId, at, Map.of("status", "NONE"), after));
        transactions.commit(tx);
    }

    private static Map<String, AttributeValue> item(Nomination n) {
        Map<String, AttributeValue> item = new HashMap<>(key(n.tenant(), n.roundId(), n.emailKey()).attributes());
        item.put("type", s("NOMINATION"));
        item.put("roundId", s(n.roundId()));
        item.put("emailKey", s(n.emailKey()));
        item.put("name", s(n.name()));
        item.put("email", s(n.email()));
        item.put("university", s(n.university()));
        item.put("subjects", s(String.join(",", n.subjects().stream().map(Enum::name).sorted().toList())));
        item.put("language", s(n.language().tag()));
        item.put("code", s(n.code()));
        item.put("nominatedBy", s(n.nominatedBy()));
        item.put("nominatedAt", s(n.nominatedAt().toString()));
        item.put(Keys.TTL, n(n.expiresAt().getEpochSecond()));
        // the person's nominations found by their address's key (a withdrawal or an export, docs/adr/0042)
        item.put(Keys.GSI1PK, s(Keys.tenant(n.tenant(), "NOMINEE", n.emailKey())));
        item.put(Keys.GSI1SK, s(n.roundId()));
        return item;
    }

    private static Nomination nomination(TenantId tenant, Map<String, AttributeValue> i) {
        Set<MentoringSubject> subjects = EnumSet.noneOf(MentoringSubject.class);
        for (String c : text(i, "subjects").split(",")) {
            MentoringSubject.parse(c).ifPresent(subjects::add);
        }
        Language language = Language.fromTag(text(i, "language"));
        return new Nomination(tenant, text(i, "roundId"), text(i, "emailKey"), text(i, "name"), text(i, "email"),
                text(i, "university"), subjects, language == null ? Language.DEFAULT : language, text(i, "code"),
                text(i, "nominatedBy"), Instant.parse(text(i, "nominatedAt")),
                i.containsKey(Keys.TTL) ? Instant.ofEpochSecond(Long.parseLong(i.get(Keys.TTL).n())) : null, text(i, "appliedBy"));
    }
}
