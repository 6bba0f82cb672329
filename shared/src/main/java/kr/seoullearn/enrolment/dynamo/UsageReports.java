package kr.seoullearn.enrolment.dynamo;

import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.ENROLLED;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.ZERO;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.s;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.enrolment.port.SeatActivity.ImportOutcome;
import kr.seoullearn.enrolment.port.SeatActivity.Report;
import kr.seoullearn.platform.dynamo.Backoff;
import kr.seoullearn.platform.dynamo.BoundedWrites;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Providers' usage reports: each line moves a seat's last activity forward, reached through the
 * access link's reference (the reference items the ledger writes with each enrolment).
 */
final class UsageReports {
    /** BatchGetItem's most keys per call. */
    static final int BATCH = 100;
    /** Updates of one import in flight at once (a report of thousands of lines in a few seconds). */
    static final int PARALLEL_UPDATES = 8;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;

    UsageReports(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.backoff = backoff;
    }

    ImportOutcome record(TenantId tenant, String providerId, List<Report> lines) {
        // one update per reference: its latest day
        Map<String, LocalDate> latest = new LinkedHashMap<>();
        for (Report r : lines) {
            latest.merge(r.learnerRef(), r.lastActiveOn(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<String, String> userOf = owners(tenant, providerId, new ArrayList<>(latest.keySet()));
        int unknown = latest.size() - userOf.size();
        int updated = 0;
        int unchanged = 0;
        for (boolean moved : BoundedWrites.each(List.copyOf(userOf.entrySet()), PARALLEL_UPDATES,
                e -> moveForward(tenant, providerId, e.getValue(), latest.get(e.getKey())))) {
            if (moved) {
                updated++;
            } else {
                unchanged++;
            }
        }
        return new ImportOutcome(updated, unchanged, unknown);
    }

    /** The learners behind these references, when they are enrolments of this provider (BatchGetItem, 100 a call). */
    private Map<String, String> owners(TenantId tenant, String providerId, List<String> refs) {
        Map<String, String> userOf = new HashMap<>();
        for (int from = 0; from < refs.size(); from += BATCH) {
            // each answer is matched to its reference through the key asked for
            Map<String, String> refOfPartition = new HashMap<>();
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String ref : refs.subList(from, Math.min(refs.size(), from + BATCH))) {
                var key = EnrolmentKeys.learnerRef(tenant, ref);
                refOfPartition.put(key.pk(), ref);
                keys.add(key.attributes());
            }
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            for (int round = 0; !pending.isEmpty(); round++) {
                Map<String, KeysAndAttributes> asked = pending;
                var answer = dynamo.batchGetItem(b -> b.requestItems(asked));
                for (Map<String, AttributeValue> item : answer.responses().getOrDefault(table, List.of())) {
                    if (providerId.equals(item.get("providerId").s())) {
                        userOf.put(refOfPartition.get(item.get(Keys.PK).s()), item.get("userId").s());
                    }
                }
                pending = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
                if (!pending.isEmpty()) {
                    if (round >= Backoff.CONFLICT_RETRIES) {
                        throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
                    }
                    backoff.pause(round + 1);
                }
            }
        }
        return userOf;
    }

    /** New activity on a seat: its day moves forward and the reminders start again. */
    private boolean moveForward(TenantId tenant, String providerId, String userId, LocalDate day) {
        try {
            dynamo.updateItem(u -> u.tableName(table)
                    .key(EnrolmentKeys.enrolment(tenant, userId, providerId).attributes())
                    .updateExpression("SET lastActiveOn = :day, reminders = :zero, GSI1SK = :idle REMOVE lastRemindedOn")
                    .conditionExpression("#status = :enrolled AND lastActiveOn < :day")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":day", s(day.toString()), ":zero", ZERO, ":enrolled", s(ENROLLED),
                            ":idle", s(EnrolmentKeys.idleSortKey(day.toString(), userId)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // older than what is known, or a waitlist place
        }
    }
}
