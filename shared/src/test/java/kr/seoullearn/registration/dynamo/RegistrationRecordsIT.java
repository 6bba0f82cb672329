package kr.seoullearn.registration.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Document;
import kr.seoullearn.registration.domain.DocumentContentType;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.DocumentStatus;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.ProgrammeJson;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.port.DocumentRecords;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Profiles, programmes and document records against the emulator, on the template's table. */
class RegistrationRecordsIT {
    private static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static ProfileRepository profiles;
    private static ProgrammeCatalogue programmes;
    private static DocumentRecords documents;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("registration-records");
        dynamo = stack.aws().dynamoDb();
        profiles = RegistrationStorage.profiles(dynamo, stack.table());
        programmes = RegistrationStorage.programmes(dynamo, stack.table());
        documents = RegistrationStorage.documents(dynamo, stack.table());
    }

    @AfterAll
    static void close() {
        dynamo.close();
        stack.close();
    }

    @Test
    void aDraftIsCreatedOnceHoweverOftenTheSignUpIsRetried() {
        String sub = "s-" + UUID.randomUUID();
        Profile draft = Profile.newDraft(TenantId.SEOUL, sub, sub + "@example.org", Language.VI, NOW);

        assertThat(profiles.createDraft(draft)).isTrue();
        assertThat(profiles.createDraft(draft)).isFalse();
        assertThat(profiles.createIfAbsent(draft)).isFalse();

        Profile stored = profiles.find(TenantId.SEOUL, sub).orElseThrow();
        assertThat(stored.status()).isEqualTo(RegistrationStatus.DRAFT);
        assertThat(stored.preferredLanguage()).isEqualTo(Language.VI);
        assertThat(stored.createdAt()).isEqualTo(NOW);
    }

    @Test
    void theProgrammeInForceIsTheLatestStartedAndSavingKeepsItsCounter() {
        TenantId tenant = new TenantId("t" + UUID.randomUUID().toString().substring(0, 8));
        EligibilityProgramme old = programme(tenant, "old", "2021-03-01", 10);
        EligibilityProgramme current = programme(tenant, "current", "2026-03-01", 10);
        programmes.save(old);
        programmes.save(current);
        dynamo.updateItem(r -> r.tableName(stack.table()).key(RegistrationKeys.programme(current).attributes())
                .updateExpression("SET admitted = :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN("3"))));

        assertThat(programmes.inForce(tenant, LocalDate.of(2025, 6, 1)).orElseThrow().id()).isEqualTo("old");
        assertThat(programmes.inForce(tenant, LocalDate.of(2026, 6, 1)).orElseThrow().id()).isEqualTo("current");
        assertThat(programmes.inForce(tenant, LocalDate.of(2020, 6, 1))).isEmpty();
        programmes.save(programme(tenant, "current", "2026-03-01", 20));
        var item = dynamo.getItem(r -> r.tableName(stack.table()).key(RegistrationKeys.programme(current).attributes())).item();
        assertThat(item.get("admitted").n()).isEqualTo("3");
        assertThat(item.get("quota").n()).isEqualTo("20");
    }

    @Test
    void aDocumentIsRecordedSettledAndEveryReadIsAudited() {
        String sub = "d-" + UUID.randomUUID();
        profiles.createIfAbsent(new Profile(TenantId.SEOUL, sub, sub, RegistrationStatus.SUBMITTED, null, Language.KO, NOW, 2));
        String id = UUID.randomUUID().toString();
        Document awaiting = new Document(TenantId.SEOUL, sub, id, DocumentKind.INCOME_PROOF, DocumentContentType.PDF, 1000, null,
                "tenant/seoul/applicant/" + sub + "/x", null, DocumentStatus.AWAITING_UPLOAD, null, NOW, null, NOW.plusSeconds(604800));
        documents.create(awaiting, NOW.plusSeconds(600));
        assertThat(documents.settle(awaiting.settled(DocumentStatus.VERIFIED, 900L, "v1", null, NOW.plusSeconds(60), null),
                DocumentStatus.AWAITING_UPLOAD)).isTrue();

        Document verified = documents.find(TenantId.SEOUL, sub, id).orElseThrow();
        assertThat(verified.status()).isEqualTo(DocumentStatus.VERIFIED);
        assertThat(verified.size()).isEqualTo(900L);
        assertThat(verified.s3VersionId()).isEqualTo("v1");
        assertThat(verified.expiresAt()).isNull();

        documents.recordRead(TenantId.SEOUL, sub, id, "reviewer-1", NOW.plusSeconds(120));
        assertThat(documents.startReview(TenantId.SEOUL, sub)).isTrue();
        assertThat(documents.startReview(TenantId.SEOUL, sub)).isFalse();
        assertThat(profiles.find(TenantId.SEOUL, sub).orElseThrow().status()).isEqualTo(RegistrationStatus.UNDER_REVIEW);
        var audit = kr.seoullearn.audit.dynamo.AuditStorage.trail(dynamo, stack.table()).page(TenantId.SEOUL,
                new kr.seoullearn.audit.domain.AuditQuery(null, null, sub, null, null, 10, null)).entries();
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("document.read");
            assertThat(a.after()).containsEntry("document", id);
            assertThat(a.actor()).isEqualTo("reviewer-1");
        });
    }

    private static EligibilityProgramme programme(TenantId tenant, String id, String from, int quota) {
        return ProgrammeJson.fromMap(Json.readObject("""
                {"tenant":"%s","id":"%s","effectiveFrom":"%s",
                 "categories":[{"code":"LOW_INCOME","recordsCanDecide":true,"requiredDocuments":["INCOME_PROOF"]}],
                 "incomeLinePercent":80,"minAge":6,"maxAge":24,"schoolLevels":["MIDDLE"],"pickLimit":1,"quota":%d}"""
                .formatted(tenant.value(), id, from, quota)));
    }
}
