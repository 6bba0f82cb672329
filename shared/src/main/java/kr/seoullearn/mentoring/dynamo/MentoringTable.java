package kr.seoullearn.mentoring.dynamo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.notifications.port.NoticeWrites;
import kr.seoullearn.reminders.port.ReminderWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What every part of the mentoring adapter works with: the table, the one transaction runner, and the figures, reminders and notices it writes into its transactions. */
record MentoringTable(DynamoDbClient dynamo, String name, TransactionRunner runner, FigureWrites figures, ReminderWrites reminders,
                      NoticeWrites notices) {

    /** The item as stored now (a consistent read), if any. */
    Optional<Map<String, AttributeValue>> get(ItemKey key) {
        var item = dynamo.getItem(g -> g.tableName(name).consistentRead(true).key(key.attributes())).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** The first {@code limit} items of a GSI1 partition (a queue, oldest first): one page. */
    List<Map<String, AttributeValue>> oldestInIndex(String partition, int limit) {
        return dynamo.query(q -> q.tableName(name).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                .limit(limit)).items();
    }
}
