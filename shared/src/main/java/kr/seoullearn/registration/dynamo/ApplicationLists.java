package kr.seoullearn.registration.dynamo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.QueueCursor;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.port.ApplicationStore.QueueFilter;
import kr.seoullearn.registration.port.ApplicationStore.QueuePage;
import kr.seoullearn.registration.port.ApplicationStore.ReviewList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The reviewers' filtered lists (docs/adr/0031): each list is one GSI1 partition of the tenant —
 * the queue {@code T#<t>#QUEUE} (oldest first), the document requests {@code T#<t>#DOCREQ} and
 * the decided {@code T#<t>#DECIDED} (newest first) — the waiting time is a key condition, the
 * other filters a filter expression. A page costs at most {@link #MAX_CALLS} Queries of
 * {@code limit} items however rare the match; the cursor carries on from where it stopped.
 */
final class ApplicationLists {
    static final int MAX_CALLS = 4;
    private final DynamoDbClient dynamo;
    private final String table;

    ApplicationLists(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    QueuePage list(TenantId tenant, QueueFilter f, String after, int limit) {
        String partition = switch (f.list()) {
            case QUEUE -> RegistrationKeys.reviewQueue(tenant);
            case DOCUMENTS_REQUESTED -> RegistrationKeys.documentRequests(tenant);
            case DECIDED -> RegistrationKeys.decided(tenant);
            case APPEALS -> RegistrationKeys.appeals(tenant);
        };
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<String> filters = new ArrayList<>();
        values.put(":p", AttributeValue.fromS(partition));
        String key = "GSI1PK = :p";
        if (f.waitingSince() != null) {
            key += " AND GSI1SK < :since";
            values.put(":since", AttributeValue.fromS(f.waitingSince().toString()));
        }
        if (f.status() != null) {
            filters.add("#status = :status");
            names.put("#status", "status");
            values.put(":status", AttributeValue.fromS(f.status().name()));
        }
        if (f.category() != null) {
            filters.add("contains(categories, :category)");
            values.put(":category", AttributeValue.fromS(f.category()));
        }
        if (f.district() != null) {
            filters.add("district = :district");
            values.put(":district", AttributeValue.fromS(f.district()));
        }
        if (f.schoolLevel() != null) {
            filters.add("schoolLevel = :level");
            values.put(":level", AttributeValue.fromS(f.schoolLevel().name()));
        }
        // age in whole years on today: born on or before today - minAge years, after today - (maxAge + 1) years
        if (f.minAge() != null) {
            filters.add("birthDate <= :bornBy");
            values.put(":bornBy", AttributeValue.fromS(f.today().minusYears(f.minAge()).toString()));
        }
        if (f.maxAge() != null) {
            filters.add("birthDate > :bornAfter");
            values.put(":bornAfter", AttributeValue.fromS(f.today().minusYears(f.maxAge() + 1L).toString()));
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression(key)
                .expressionAttributeValues(values)
                .scanIndexForward(f.list() == ReviewList.QUEUE);
        if (!filters.isEmpty()) {
            request.filterExpression(String.join(" AND ", filters));
        }
        if (!names.isEmpty()) {
            request.expressionAttributeNames(names);
        }
        Map<String, AttributeValue> start = after == null ? null : QueueCursor.decode(after, partition);
        List<Application> applications = new ArrayList<>();
        int calls = 0;
        do {
            QueryResponse page = dynamo.query(request.exclusiveStartKey(start).limit(limit - applications.size()).build());
            calls++;
            page.items().forEach(item -> applications.add(ApplicationItems.application(tenant, item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && applications.size() < limit && calls < MAX_CALLS);
        return new QueuePage(List.copyOf(applications), start == null ? null : QueueCursor.encode(start));
    }
}
