package kr.seoullearn.audit.dynamo;

import java.util.HashMap;
import java.util.Map;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.port.AuditWrites;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The two puts of an entry (the trail's and the subject's), each under a fresh id. */
final class DynamoAuditWrites implements AuditWrites {
    private final String table;

    DynamoAuditWrites(String table) {
        this.table = table;
    }

    @Override
    public void record(Transaction tx, AuditEntry e) {
        String sk = e.timeKey();
        tx.add(put(item(e, AuditKeys.trail(e.tenant()), sk, AuditKeys.actor(e.tenant(), e.actor()))));
        tx.add(put(item(e, AuditKeys.subject(e.tenant(), e.subjectId()), sk, AuditKeys.action(e.tenant(), e.action()))));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)")).build();
    }

    static Map<String, AttributeValue> item(AuditEntry e, String pk, String sk, String gsi1pk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(pk));
        item.put(Keys.SK, s(sk));
        item.put(Keys.GSI1PK, s(gsi1pk));
        item.put(Keys.GSI1SK, s(sk));
        item.put("type", s("AUDIT"));
        item.put("entryId", s(e.id()));
        item.put("actor", s(e.actor()));
        item.put("action", s(e.action()));
        item.put("subjectType", s(e.subjectType()));
        item.put("subjectId", s(e.subjectId()));
        item.put("at", s(AuditEntry.TIME.format(e.at())));
        item.put("correlationId", s(e.correlationId()));
        item.put("before", map(e.before()));
        item.put("after", map(e.after()));
        return item;
    }

    private static AttributeValue map(Map<String, String> state) {
        Map<String, AttributeValue> m = new HashMap<>();
        state.forEach((k, v) -> m.put(k, s(v)));
        return AttributeValue.fromM(m);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
