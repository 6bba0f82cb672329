package kr.seoullearn.notifications.dynamo;

import static kr.seoullearn.notifications.dynamo.NoticeItems.num;
import static kr.seoullearn.notifications.dynamo.NoticeItems.s;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import kr.seoullearn.notifications.domain.QuietHours;
import kr.seoullearn.notifications.domain.SmsCodes;
import kr.seoullearn.notifications.domain.SmsVerificationRefusal;
import kr.seoullearn.notifications.port.SmsVerifications;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The codes and verifications as items (docs/data-model.md, "Notifications"):
 * <ul>
 *   <li>the waiting code: {@code T#<tenant>#U#<sub> / SMSCODE#<SELF|GUARDIAN>} (salt, hash, number key, attempts; TTL +10 minutes);</li>
 *   <li>codes of the day per person: {@code T#<tenant>#U#<sub> / SMSCODES#<Seoul date>} ({@code count}; TTL +2 days);</li>
 *   <li>codes of the day per number: {@code T#<tenant>#SMSNUM#<number key> / SMSCODES#<Seoul date>} (the same);</li>
 *   <li>the verification: {@code T#<tenant>#U#<sub> / SMSVERIFIED#<SELF|GUARDIAN>} (the number key, when).</li>
 * </ul>
 * Every limit is a condition of the write that would break it, so parallel requests cannot pass it.
 */
final class DynamoSmsVerifications implements SmsVerifications {
    static final Duration COUNTER_KEPT = Duration.ofDays(2);
    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner transactions;

    DynamoSmsVerifications(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.transactions = new TransactionRunner(dynamo);
    }

    static ItemKey code(TenantId tenant, String userId, Holder holder) {
        return ItemKey.of(Keys.user(tenant, userId), "SMSCODE#" + holder.name());
    }

    static ItemKey verification(TenantId tenant, String userId, Holder holder) {
        return ItemKey.of(Keys.user(tenant, userId), "SMSVERIFIED#" + holder.name());
    }

    static ItemKey personCount(TenantId tenant, String userId, LocalDate day) {
        return ItemKey.of(Keys.user(tenant, userId), "SMSCODES#" + day);
    }

    static ItemKey numberCount(TenantId tenant, String number, LocalDate day) {
        return ItemKey.of(Keys.tenant(tenant, "SMSNUM", SmsCodes.numberKey(number)), "SMSCODES#" + day);
    }

    @Override
    public Issued issue(TenantId tenant, String userId, Holder holder, String number, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, QuietHours.SEOUL);
        long kept = now.plus(COUNTER_KEPT).getEpochSecond();
        String code = SmsCodes.newCode();
        byte[] salt = SmsCodes.newSalt();
        Instant expires = now.plus(SmsCodes.VALID_FOR);
        Transaction tx = Transaction.named("sms-code-issue");
        tx.add(count(personCount(tenant, userId, day), kept), SmsVerificationRefusal.SMS_CODE_LIMIT);
        tx.add(count(numberCount(tenant, number, day), kept), SmsVerificationRefusal.SMS_CODE_LIMIT);
        Map<String, AttributeValue> item = new HashMap<>(code(tenant, userId, holder).attributes());
        item.put("type", s("SMS_CODE"));
        item.put("numberKey", s(SmsCodes.numberKey(number)));
        item.put("salt", AttributeValue.fromB(SdkBytes.fromByteArray(salt)));
        item.put("codeHash", AttributeValue.fromB(SdkBytes.fromByteArray(SmsCodes.hash(salt, code))));
        item.put("attempts", num(0));
        item.put("validUntil", num(expires.getEpochSecond()));
        item.put(Keys.TTL, num(expires.getEpochSecond()));
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build());
        transactions.commit(tx);
        return new Issued(code, expires);
    }

    private TransactWriteItem count(ItemKey key, long kept) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key.attributes())
                .updateExpression("SET #c = if_not_exists(#c, :zero) + :one, #t = :kept, #type = :type")
                .conditionExpression("attribute_not_exists(#c) OR #c < :max")
                .expressionAttributeNames(Map.of("#c", "count", "#t", Keys.TTL, "#type", "type"))
                .expressionAttributeValues(Map.of(":zero", num(0), ":one", num(1), ":kept", num(kept),
                        ":max", num(SmsCodes.MAX_CODES_PER_DAY), ":type", s("SMS_CODE_COUNT")))).build();
    }

    @Override
    public void verify(TenantId tenant, String userId, Holder holder, String number, String guess, Instant now) {
        ItemKey key = code(tenant, userId, holder);
        Map<String, AttributeValue> counted;
        try {
            // the guess is counted before it is compared: parallel guesses cannot pass the limit
            counted = dynamo.updateItem(u -> u.tableName(table).key(key.attributes())
                    .updateExpression("SET attempts = attempts + :one")
                    .conditionExpression("attribute_exists(PK) AND attempts < :max AND validUntil > :now AND numberKey = :nk")
                    .expressionAttributeValues(Map.of(":one", num(1), ":max", num(SmsCodes.MAX_ATTEMPTS),
                            ":now", num(now.getEpochSecond()), ":nk", s(SmsCodes.numberKey(number))))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
        } catch (ConditionalCheckFailedException e) {
            throw new ProblemException(whyNot(key, number, now));
        }
        byte[] salt = counted.get("salt").b().asByteArray();
        byte[] stored = counted.get("codeHash").b().asByteArray();
        if (!SmsCodes.matches(salt, stored, guess)) {
            int left = SmsCodes.MAX_ATTEMPTS - Integer.parseInt(counted.get("attempts").n());
            throw new ProblemException(SmsVerificationRefusal.SMS_CODE_WRONG, Map.of("attemptsLeft", Math.max(0, left)));
        }
        Transaction tx = Transaction.named("sms-number-verify");
        // used once: the same code cannot verify twice, nor after a newer code replaced it
        tx.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key.attributes())
                .conditionExpression("codeHash = :h")
                .expressionAttributeValues(Map.of(":h", AttributeValue.fromB(SdkBytes.fromByteArray(stored))))).build(),
                SmsVerificationRefusal.SMS_CODE_EXPIRED);
        if (holder == Holder.SELF) {
            // the number is still the one in the preferences (not changed while the code was on its way)
            tx.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                    .key(NoticeItems.preferences(tenant, userId).attributes())
                    .conditionExpression("smsNumber = :n").expressionAttributeValues(Map.of(":n", s(number)))).build(),
                    SmsVerificationRefusal.SMS_CODE_EXPIRED);
        }
        Map<String, AttributeValue> item = new HashMap<>(verification(tenant, userId, holder).attributes());
        item.put("type", s("SMS_VERIFIED"));
        item.put("numberKey", s(SmsCodes.numberKey(number)));
        item.put("verifiedAt", s(now.toString()));
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build());
        transactions.commit(tx);
    }

    private SmsVerificationRefusal whyNot(ItemKey key, String number, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(key.attributes()).consistentRead(true)).item();
        if (item == null || item.isEmpty() || !SmsCodes.numberKey(number).equals(item.get("numberKey").s())
                || Long.parseLong(item.get("validUntil").n()) <= now.getEpochSecond()) {
            return SmsVerificationRefusal.SMS_CODE_EXPIRED;
        }
        return SmsVerificationRefusal.SMS_CODE_TOO_MANY_ATTEMPTS;
    }

    @Override
    public boolean verified(TenantId tenant, String userId, Holder holder, String number) {
        if (number == null) {
            return false;
        }
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(verification(tenant, userId, holder).attributes())).item();
        return item != null && item.containsKey("numberKey") && SmsCodes.numberKey(number).equals(item.get("numberKey").s());
    }

    @Override
    public void forget(TenantId tenant, String userId, Holder holder) {
        dynamo.deleteItem(d -> d.tableName(table).key(verification(tenant, userId, holder).attributes()));
        dynamo.deleteItem(d -> d.tableName(table).key(code(tenant, userId, holder).attributes()));
    }
}
