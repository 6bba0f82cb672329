package kr.seoullearn.registration.dynamo;

import kr.seoullearn.platform.dynamo.Keys;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Profiles in the application table: one item per person, key {@code T#tenant#U#sub / PROFILE}. */
@Singleton
public class DynamoProfileRepository implements ProfileRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoProfileRepository(DynamoDbClient dynamo, @Named("appTable") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Profile> find(TenantId tenant, String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(tenant, userId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Profile(
                tenant,
                userId,
                item.containsKey("username") ? item.get("username").s() : null,
                RegistrationStatus.valueOf(item.get("status").s()),
                item.containsKey("displayName") ? item.get("displayName").s() : null,
                Optional.ofNullable(item.get("language"))
                        .map(a -> Language.fromTag(a.s())).orElse(Language.DEFAULT),
                Instant.parse(item.get("createdAt").s()),
                Long.parseLong(item.get("version").n())));
    }

    @Override
    public boolean createIfAbsent(Profile profile) {
        Map<String, AttributeValue> item = new HashMap<>(key(profile.tenant(), profile.userId()));
        item.put("type", s("PROFILE"));
        item.put("tenant", s(profile.tenant().value()));
        item.put("userId", s(profile.userId()));
        item.put("status", s(profile.status().name()));
        item.put("language", s(profile.preferredLanguage().tag()));
        item.put("createdAt", s(profile.createdAt().toString()));
        item.put("version", AttributeValue.fromN(Long.toString(profile.version())));
        if (profile.username() != null) {
            item.put("username", s(profile.username()));
        }
        if (profile.displayName() != null) {
            item.put("displayName", s(profile.displayName()));
        }
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(TenantId tenant, String userId) {
        return Map.of(Keys.PK, s(Keys.user(tenant, userId)), Keys.SK, s(Keys.PROFILE));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
