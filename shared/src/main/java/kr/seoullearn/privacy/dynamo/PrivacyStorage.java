package kr.seoullearn.privacy.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.privacy.port.ConsentRecords;
import kr.seoullearn.privacy.port.PersonalRecords;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the privacy context's adapters to its ports. */
@Factory
public class PrivacyStorage {

    @Singleton
    public PersonalRecords personalRecordsBean(DynamoDbClient dynamo, @Named("appTable") String table) {
        return records(dynamo, table);
    }

    public static PersonalRecords records(DynamoDbClient dynamo, String table) {
        return new DynamoPersonalRecords(dynamo, table);
    }

    @Singleton
    public ConsentRecords consentRecordsBean(DynamoDbClient dynamo, @Named("appTable") String table) {
        return consents(dynamo, table);
    }

    public static ConsentRecords consents(DynamoDbClient dynamo, String table) {
        return new DynamoConsentRecords(dynamo, table);
    }
}
