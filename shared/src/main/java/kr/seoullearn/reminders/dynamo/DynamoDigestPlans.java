package kr.seoullearn.reminders.dynamo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.port.DigestPlans;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The planned days ({@link RemindersKeys#digest}), kept 30 days. */
final class DynamoDigestPlans implements DigestPlans {
    static final Duration KEPT = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDigestPlans(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean planned(TenantId tenant, LocalDate day) {
        var item = dynamo.getItem(g -> g.tableName(table).key(RemindersKeys.digest(tenant, day).attributes()).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public void markPlanned(TenantId tenant, LocalDate day, int newApplications, int reminders, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(RemindersKeys.digest(tenant, day).attributes());
        item.put("type", AttributeValue.fromS("DIGEST_PLANNED"));
        item.put("newApplications", AttributeValue.fromN(Integer.toString(newApplications)));
        item.put("reminders", AttributeValue.fromN(Integer.toString(reminders)));
        item.put(Keys.TTL, AttributeValue.fromN(Long.toString(now.plus(KEPT).getEpochSecond())));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException e) {
            // a parallel run planned it too: the same reminders, sent once each
        }
    }
}
