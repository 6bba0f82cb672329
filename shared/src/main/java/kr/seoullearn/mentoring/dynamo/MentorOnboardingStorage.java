package kr.seoullearn.mentoring.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.mentoring.port.MentorOnboarding;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires mentoring's {@link MentorOnboarding} port (used by recruitment) to its DynamoDB adapter. */
@Factory
public class MentorOnboardingStorage {

    @Singleton
    public MentorOnboarding mentorOnboarding(DynamoDbClient dynamo, @Named("appTable") String table) {
        return onboarding(dynamo, table);
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static MentorOnboarding onboarding(DynamoDbClient dynamo, String table) {
        return new DynamoMentorOnboarding(dynamo, table);
    }
}
