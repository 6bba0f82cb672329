package kr.seoullearn.registration.dynamo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.Document;
import kr.seoullearn.registration.domain.DocumentLimits;
import kr.seoullearn.registration.domain.DocumentRefusal;
import kr.seoullearn.registration.domain.UploadAllowance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A person's upload allowance, {@code T#<tenant>#U#<sub> / UPLOADS} (docs/data-model.md,
 * docs/adr/0022): {@code open}, a map of documentId → epoch second its upload URL expires, and
 * {@code bytes}, the declared bytes granted. The limits are conditions of the write that takes a
 * place, so parallel requests can never pass them: {@code size(open) < max + k}, where the k
 * entries removed in the same write are expired ones that must still be there, and
 * {@code bytes <= max - size}.
 */
final class UploadAllowances {
    static final String TYPE = "UPLOADS";
    /** Reads and writes before giving up on a person whose allowance keeps changing under us (then 503). */
    static final int TRIES = 6;
    private static final Log LOG = Log.of(UploadAllowances.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner runner;

    UploadAllowances(DynamoDbClient dynamo, String table, TransactionRunner runner) {
        this.dynamo = dynamo;
        this.table = table;
        this.runner = runner;
    }

    /**
     * Puts the document and takes its place in one transaction; a refusal when a limit would be
     * passed. A write that loses a race with another (the allowance changed since it was read)
     * reads again and decides again. False, with nothing written, when the document's own
     * condition failed: a document with its id exists.
     */
    boolean take(Document d, Instant urlExpiresAt, TransactWriteItem putDocument) {
        Instant now = d.createdAt();
        ItemKey key = RegistrationKeys.uploads(d.tenant(), d.userId());
        for (int tries = 0; tries < TRIES; tries++) {
            Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(key.attributes())).item();
            boolean exists = item != null && !item.isEmpty();
            UploadAllowance allowance = exists ? allowance(item) : UploadAllowance.NONE;
            Optional<DocumentRefusal> refusal = allowance.refusal(now, d.declaredSize());
            if (refusal.isPresent()) {
                LOG.info("upload allowance used", "code", refusal.get().code(), "open", allowance.openAt(now));
                throw new ProblemException(refusal.get(), allowance.details(refusal.get(), now));
            }
            Transaction tx = Transaction.named("start-upload");
            int place = tx.add(exists ? takePlace(key, d, urlExpiresAt, allowance.stale(now)) : firstPlace(key, d, urlExpiresAt));
            int document = tx.add(putDocument);
            TransactionRunner.Outcome outcome = runner.attempt(tx);
            if (outcome.committed()) {
                return true;
            }
            if (outcome.failed(document)) {
                return false;
            }
            if (!outcome.failed(place)) {
                throw runner.refusalOf(tx, outcome);
            }
            runner.backoff().pause(tries + 1);
        }
        LOG.warn("upload allowance kept changing", "tries", TRIES);
        throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
    }

    /**
     * The allowance's part of a document leaving AWAITING_UPLOAD: its URL no longer open, and its
     * bytes given back if nothing arrived. Conditional on the allowance existing (a document
     * issued before allowances were kept has none).
     */
    static TransactWriteItem close(String table, Document d, boolean giveBack) {
        Map<String, String> names = new HashMap<>(Map.of("#open", "open", "#doc", d.documentId()));
        Map<String, AttributeValue> values = new HashMap<>();
        String update = "REMOVE #open.#doc";
        if (giveBack) {
            update += " ADD #bytes :minus";
            names.put("#bytes", "bytes");
            values.put(":minus", AttributeValue.fromN(Long.toString(-d.declaredSize())));
        }
        Update.Builder u = Update.builder().tableName(table).key(RegistrationKeys.uploads(d.tenant(), d.userId()).attributes())
                .updateExpression(update).conditionExpression("attribute_exists(#open)").expressionAttributeNames(names);
        if (!values.isEmpty()) {
            u.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().update(u.build()).build();
    }

    private TransactWriteItem firstPlace(ItemKey key, Document d, Instant urlExpiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key.attributes());
        item.put("type", AttributeValue.fromS(TYPE));
        item.put("open", AttributeValue.fromM(Map.of(d.documentId(), epoch(urlExpiresAt))));
        item.put("bytes", AttributeValue.fromN(Long.toString(d.declaredSize())));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)").build()).build();
    }

    private TransactWriteItem takePlace(ItemKey key, Document d, Instant urlExpiresAt, Set<String> stale) {
        Map<String, String> names = new HashMap<>(Map.of("#open", "open", "#bytes", "bytes", "#doc", d.documentId()));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":until", epoch(urlExpiresAt));
        values.put(":size", AttributeValue.fromN(Long.toString(d.declaredSize())));
        values.put(":openRoom", AttributeValue.fromN(Integer.toString(DocumentLimits.MAX_OPEN_UPLOADS + stale.size())));
        values.put(":byteRoom", AttributeValue.fromN(Long.toString(DocumentLimits.MAX_APPLICANT_BYTES - d.declaredSize())));
        List<String> removals = new ArrayList<>();
        List<String> conditions = new ArrayList<>(List.of("size(#open) < :openRoom", "#bytes <= :byteRoom"));
        int i = 0;
        for (String documentId : stale) {
            String name = "#s" + i++;
            names.put(name, documentId);
            removals.add("#open." + name);
            conditions.add("attribute_exists(#open." + name + ")");
        }
        String update = "SET #open.#doc = :until, #bytes = #bytes + :size"
                + (removals.isEmpty() ? "" : " REMOVE " + String.join(", ", removals));
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key.attributes())
                .updateExpression(update)
                .conditionExpression(String.join(" AND ", conditions))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values).build()).build();
    }

    static UploadAllowance allowance(Map<String, AttributeValue> item) {
        Map<String, Instant> open = new HashMap<>();
        AttributeValue map = item.get("open");
        if (map != null && map.hasM()) {
            map.m().forEach((documentId, until) -> open.put(documentId, Instant.ofEpochSecond(Long.parseLong(until.n()))));
        }
        AttributeValue bytes = item.get("bytes");
        return new UploadAllowance(open, bytes == null ? 0 : Long.parseLong(bytes.n()));
    }

    private static AttributeValue epoch(Instant at) {
        return AttributeValue.fromN(Long.toString(at.getEpochSecond()));
    }
}
