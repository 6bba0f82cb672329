package kr.seoullearn.recruitment.dynamo;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import kr.seoullearn.mentoring.dynamo.MentorOnboardingStorage;
import kr.seoullearn.mentoring.port.MentorOnboarding;
import kr.seoullearn.privacy.dynamo.PrivacyStorage;
import kr.seoullearn.privacy.port.ConsentRecords;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.registration.port.RetentionDue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the recruitment context's DynamoDB adapters to its port; mentors are made through
 * mentoring's {@link MentorOnboarding}, and a decision's documents are put on the 30-day rule
 * through registration's {@link RetentionDue} (docs/adr/0038), and the applicant's acceptance of the
 * privacy notice through privacy's {@link ConsentRecords} (docs/adr/0037).
 */
@Factory
public class RecruitmentStorage {

    @Singleton
    public RecruitmentLedger recruitmentLedger(DynamoDbClient dynamo, @Named("appTable") String table, MentorOnboarding onboarding,
                                               RetentionDue retention, ConsentRecords consents) {
        return new DynamoRecruitmentLedger(dynamo, table, onboarding, retention, consents);
    }

    /** For code that wires by hand (tests, the local cloud's seeders). */
    public static RecruitmentLedger ledger(DynamoDbClient dynamo, String table) {
        return new DynamoRecruitmentLedger(dynamo, table, MentorOnboardingStorage.onboarding(dynamo, table),
                RegistrationStorage.retentionDue(dynamo, table), PrivacyStorage.consents(dynamo, table));
    }
}
