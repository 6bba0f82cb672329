package kr.seoullearn.registration.dynamo;

import static kr.seoullearn.registration.dynamo.ApplicationItems.str;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Account;
import kr.seoullearn.registration.port.Accounts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Accounts in the application table: {@code ACCOUNT#<sub> / ACCOUNT}; the tenant is set once, on condition. */
final class DynamoAccounts implements Accounts {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoAccounts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Account> find(String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(RegistrationKeys.account(userId).attributes())).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        String tenant = item.containsKey("tenant") ? item.get("tenant").s() : null;
        return Optional.of(new Account(userId,
                item.containsKey("username") ? item.get("username").s() : null,
                TenantId.isValid(tenant) ? new TenantId(tenant) : null,
                Optional.ofNullable(item.get("language")).map(a -> Language.fromTag(a.s())).orElse(Language.DEFAULT),
                Instant.parse(item.get("openedAt").s())));
    }

    @Override
    public boolean open(Account account) {
        Map<String, AttributeValue> item = new HashMap<>(RegistrationKeys.account(account.userId()).attributes());
        item.put("type", str("ACCOUNT"));
        item.put("userId", str(account.userId()));
        item.put("language", str(account.language().tag()));
        item.put("openedAt", str(account.openedAt().toString()));
        if (account.username() != null) {
            item.put("username", str(account.username()));
        }
        account.chosenTenant().ifPresent(t -> item.put("tenant", str(t.value())));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean chooseTenant(String userId, TenantId tenant) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(RegistrationKeys.account(userId).attributes())
                    .updateExpression("SET tenant = :t")
                    .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(tenant) OR tenant = :t)")
                    .expressionAttributeValues(Map.of(":t", str(tenant.value()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
