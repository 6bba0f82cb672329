package kr.seoullearn.platform.dynamo;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The primary key of one item of the application table. Build it through a context's key
 * functions (which use {@link Keys#tenant}), never by concatenating strings at the call site;
 * and read ids from the item's own attributes, never back out of a key.
 */
public record ItemKey(String pk, String sk) {

    public ItemKey {
        if (pk == null || pk.isEmpty() || sk == null || sk.isEmpty()) {
            throw new IllegalArgumentException("a key needs a partition and a sort key");
        }
    }

    public static ItemKey of(String pk, String sk) {
        return new ItemKey(pk, sk);
    }

    /** The key as the SDK wants it. */
    public Map<String, AttributeValue> attributes() {
        return Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk));
    }
}
