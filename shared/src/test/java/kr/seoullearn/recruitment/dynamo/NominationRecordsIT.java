package kr.seoullearn.recruitment.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.identity.EmailKey;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.Nomination;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Nominations on the emulator (docs/adr/0042): the nomination and its invitation's outbox item are
 * written together once per round and address, however many writers race; the link claims it only
 * with its secret, before it expires, for one person; a person's nominations are found by the key.
 */
class NominationRecordsIT {
    static final Instant NOW = Instant.parse("2027-03-10T01:00:00Z");
    static final TenantId SEOUL = TenantId.SEOUL;
    private static TestStack stack;
    private static RecruitmentLedger ledger;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("nomination-records");
        ledger = RecruitmentStorage.ledger(stack.aws().dynamoDb(), stack.table());
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    static Nomination nomination(String round, String email, String code, Instant at) {
        return new Nomination(SEOUL, round, EmailKey.of(email), "김민지", EmailKey.normalise(email), "서울대학교",
                Set.of(MentoringSubject.MATH), Language.VI, code, "admin-1", at, Nomination.expiry(LocalDate.of(2027, 3, 31)), null);
    }

    static Notice invitation(Nomination n, Instant at) {
        return Notice.of(SEOUL, NoticeKind.MENTOR_NOMINATED, n.roundId() + ":" + n.emailKey(), n.recipientId(),
                Map.of("university", n.university(), "roundName", "R", "closesOn", "2027-03-31", "link", "https://x/#/"), at);
    }

    private static List<Map<String, AttributeValue>> outboxFor(Nomination n) {
        // the outbox bucket of the hour they were written in (docs/data-model.md, Notifications)
        return stack.aws().dynamoDb().query(q -> q.tableName(stack.table()).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.tenant(SEOUL, "OUTBOX", "2027-03-10T01")))))
                .items().stream().filter(i -> "NOTICE_DUE".equals(i.get("type").s()) && n.recipientId().equals(i.get("recipientId").s())).toList();
    }

    @Test
    void racingWritersNominateOnceWithOneInvitation() {
        String round = "r-" + UUID.randomUUID();
        String email = "Race-" + UUID.randomUUID() + "@Univ.ac.kr";
        List<CompletableFuture<Boolean>> writers = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            Instant at = NOW.plusMillis(i);
            Nomination n = nomination(round, email, "%032x".formatted(i), at);
            return ledger.nominate(n, invitation(n, at));
        })).toList();
        assertThat(writers.stream().map(CompletableFuture::join).filter(b -> b)).hasSize(1);
        Nomination stored = ledger.nomination(SEOUL, round, EmailKey.of(email), NOW).orElseThrow();
        assertThat(stored.email()).isEqualTo(email.toLowerCase());
        assertThat(stored.language()).isEqualTo(Language.VI);
        assertThat(outboxFor(stored)).hasSize(1);
        // found by the address's key (a withdrawal or an export)
        var byPerson = stack.aws().dynamoDb().query(q -> q.tableName(stack.table()).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS(Keys.tenant(SEOUL, "NOMINEE", EmailKey.of(email)))))).items();
        assertThat(byPerson).singleElement().satisfies(i -> assertThat(i.get("GSI1SK").s()).isEqualTo(round));
    }

    @Test
    void theLinkClaimsTheNominationOnlyWithItsSecretBeforeItExpiresAndForOnePerson() {
        String round = "r-" + UUID.randomUUID();
        String email = "link-" + UUID.randomUUID() + "@univ.ac.kr";
        String code = "0123456789abcdef0123456789abcdef";
        Nomination n = nomination(round, email, code, NOW);
        assertThat(ledger.nominate(n, invitation(n, NOW))).isTrue();
        assertThat(ledger.linkNomination(SEOUL, round, n.emailKey(), "f".repeat(32), "someone", NOW)).isFalse();
        assertThat(ledger.linkNomination(SEOUL, round, n.emailKey(), code, "student-1", NOW)).isTrue();
        assertThat(ledger.linkNomination(SEOUL, round, n.emailKey(), code, "student-1", NOW)).isTrue();
        assertThat(ledger.linkNomination(SEOUL, round, n.emailKey(), code, "student-2", NOW)).isFalse();
        assertThat(ledger.nomination(SEOUL, round, n.emailKey(), NOW).orElseThrow().appliedBy()).isEqualTo("student-1");
        // past its time it is gone for reads and links, though TTL may delete it days later
        Instant late = n.expiresAt().plusSeconds(1);
        assertThat(ledger.nomination(SEOUL, round, n.emailKey(), late)).isEmpty();
        assertThat(ledger.linkNomination(SEOUL, round, n.emailKey(), code, "student-1", late)).isFalse();
        // another tenant's same round id and address: nothing
        assertThat(ledger.nomination(new TenantId("chungbuk"), round, n.emailKey(), NOW)).isEmpty();
    }
}
