package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.mentoring.port.CalendarFeeds;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Feeds as two items written together (docs/data-model.md, "Mentoring"): the owner's
 * {@code T#<tenant>#U#<sub> / CALFEED} naming the current token's hash, and the lookup
 * {@code T#<tenant>#CALFEED#<sha-256> / CALFEED} naming the owner. Replacing deletes the old
 * lookup in the same transaction, so an old token finds nothing from the moment a new one exists.
 */
final class DynamoCalendarFeeds implements CalendarFeeds {
    static final String FEED = "CALFEED";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner runner;

    DynamoCalendarFeeds(DynamoDbClient dynamo, String table, TransactionRunner runner) {
        this.dynamo = dynamo;
        this.table = table;
        this.runner = runner;
    }

    static ItemKey owner(TenantId tenant, String userId) {
        return ItemKey.of(Keys.user(tenant, userId), FEED);
    }

    static ItemKey lookup(TenantId tenant, String tokenHash) {
        return ItemKey.of(Keys.tenant(tenant, FEED, tokenHash), FEED);
    }

    @Override
    public Optional<Feed> byTokenHash(TenantId tenant, String tokenHash) {
        return get(lookup(tenant, tokenHash)).map(i -> feed(tenant, i));
    }

    @Override
    public Optional<Feed> of(TenantId tenant, String userId) {
        return get(owner(tenant, userId)).map(i -> feed(tenant, i));
    }

    @Override
    public Feed replace(Feed feed, Optional<String> previousHash) {
        Transaction tx = Transaction.named("calendar-feed");
        Map<String, AttributeValue> owner = attributes(feed, owner(feed.tenant(), feed.userId()));
        owner.put("type", AttributeValue.fromS("CALENDAR_FEED"));
        if (previousHash.isPresent()) {
            tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(owner)
                    .conditionExpression("tokenHash = :previous")
                    .expressionAttributeValues(Map.of(":previous", AttributeValue.fromS(previousHash.get())))).build(),
                    Problem.VERSION_CONFLICT);
            tx.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(lookup(feed.tenant(), previousHash.get()).attributes())).build());
        } else {
            tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(owner).conditionExpression("attribute_not_exists(PK)")).build(),
                    Problem.VERSION_CONFLICT);
        }
        Map<String, AttributeValue> lookup = attributes(feed, lookup(feed.tenant(), feed.tokenHash()));
        lookup.put("type", AttributeValue.fromS("CALENDAR_FEED_TOKEN"));
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(lookup).conditionExpression("attribute_not_exists(PK)")).build(),
                Problem.VERSION_CONFLICT);
        runner.commit(tx);
        return feed;
    }

    @Override
    public void revoke(TenantId tenant, String userId, String tokenHash) {
        Transaction tx = Transaction.named("calendar-feed-revoke");
        tx.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(owner(tenant, userId).attributes())
                .conditionExpression("tokenHash = :hash")
                .expressionAttributeValues(Map.of(":hash", AttributeValue.fromS(tokenHash)))).build(), Problem.VERSION_CONFLICT);
        tx.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(lookup(tenant, tokenHash).attributes())).build());
        runner.commit(tx);
    }

    private Optional<Map<String, AttributeValue>> get(ItemKey key) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(key.attributes())).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Map<String, AttributeValue> attributes(Feed feed, ItemKey key) {
        Map<String, AttributeValue> item = new HashMap<>(key.attributes());
        item.put("userId", AttributeValue.fromS(feed.userId()));
        item.put("kind", AttributeValue.fromS(feed.kind().name()));
        item.put("language", AttributeValue.fromS(feed.language().tag()));
        item.put("tokenHash", AttributeValue.fromS(feed.tokenHash()));
        item.put("createdAt", AttributeValue.fromS(feed.createdAt().toString()));
        return item;
    }

    private static Feed feed(TenantId tenant, Map<String, AttributeValue> i) {
        Language language = Language.fromTag(i.get("language").s());
        return new Feed(tenant, i.get("userId").s(), Kind.valueOf(i.get("kind").s()), language == null ? Language.DEFAULT : language,
                i.get("tokenHash").s(), Instant.parse(i.get("createdAt").s()));
    }
}
