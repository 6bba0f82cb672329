package kr.seoullearn.recruitment.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.mentoring.dynamo.MentorOnboardingStorage;
import kr.seoullearn.mentoring.port.MentorOnboarding;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the recruitment context's DynamoDB adapters to its port; mentors are made through mentoring's {@link MentorOnboarding}. */
@Factory
public class RecruitmentStorage {

    @Singleton
    public RecruitmentLedger recruitmentLedger(DynamoDbClient dynamo, @Named("appTable") String table, MentorOnboarding onboarding) {
        return new DynamoRecruitmentLedger(dynamo, table, onboarding);
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static RecruitmentLedger ledger(DynamoDbClient dynamo, String table) {
        return new DynamoRecruitmentLedger(dynamo, table, MentorOnboardingStorage.onboarding(dynamo, table));
    }
}
