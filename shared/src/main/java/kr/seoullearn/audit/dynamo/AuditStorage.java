package kr.seoullearn.audit.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.audit.port.AuditTrail;
import kr.seoullearn.audit.port.AuditWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the audit context's DynamoDB adapters to its ports. */
@Factory
public class AuditStorage {

    @Singleton
    public AuditWrites auditWrites(@Named("appTable") String table) {
        return writes(table);
    }

    @Singleton
    public AuditTrail auditTrail(DynamoDbClient dynamo, @Named("appTable") String table) {
        return trail(dynamo, table);
    }

    /** For code that wires by hand (tests, other contexts' factories). */
    public static AuditWrites writes(String table) {
        return new DynamoAuditWrites(table);
    }

    public static AuditTrail trail(DynamoDbClient dynamo, String table) {
        return new DynamoAuditTrail(dynamo, table);
    }
}
