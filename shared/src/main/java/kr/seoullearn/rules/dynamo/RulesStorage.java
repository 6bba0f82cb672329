package kr.seoullearn.rules.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.audit.dynamo.AuditStorage;
import kr.seoullearn.rules.port.PartnerAreas;
import kr.seoullearn.rules.port.RulesBook;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the rules context's DynamoDB adapters to its ports. */
@Factory
public class RulesStorage {

    @Singleton
    public RulesBook rulesBook(DynamoDbClient dynamo, @Named("appTable") String table) {
        return book(dynamo, table);
    }

    @Singleton
    public PartnerAreas partnerAreas(DynamoDbClient dynamo, @Named("appTable") String table) {
        return areas(dynamo, table);
    }

    /** For code that wires by hand (tests, fixtures). */
    public static RulesBook book(DynamoDbClient dynamo, String table) {
        return new DynamoRulesBook(dynamo, table, AuditStorage.writes(table));
    }

    public static PartnerAreas areas(DynamoDbClient dynamo, String table) {
        return new DynamoPartnerAreas(dynamo, table, AuditStorage.writes(table));
    }
}
