package kr.seoullearn.laptops.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.UUID;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The laptop ledger against the emulator, on the template's table (the handlers' ITs are in functions/laptops). */
class LaptopLedgerIT {
    private static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");
    private static final TenantId SEOUL = new TenantId("seoul");
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static LaptopLedger ledger;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("laptop-ledger");
        dynamo = stack.aws().dynamoDb();
        ledger = LaptopsStorage.ledger(dynamo, stack.table());
        ledger.openDistrict(SEOUL, "guro-gu", "Test model", 5, NOW);
    }

    @AfterAll
    static void close() {
        dynamo.close();
        stack.close();
    }

    @Test
    void aTransactionSentAgainAfterItCommittedAnswersAsDone() {
        // as the SDK does after a timeout: the same request and the same change, sent twice
        String learner = UUID.randomUUID().toString();
        var once = new LaptopLedger.NewRequest(SEOUL, learner, "guro-gu", UUID.randomUUID().toString(), "ACDEFG", null, NOW);
        var first = ledger.request(once);
        var again = ledger.request(once);
        assertThat(again.request().requestId()).isEqualTo(first.request().requestId());
        assertThat(again.replayed()).isFalse();
        var officer = new Actor(UUID.randomUUID().toString(), Actor.Kind.OFFICER);
        var current = first.request();
        var ready = ledger.change(current, current.version(), LaptopStatus.READY_FOR_PICKUP, officer, null, null, NOW);
        var readyAgain = ledger.change(current, current.version(), LaptopStatus.READY_FOR_PICKUP, officer, null, null, NOW);
        assertThat(readyAgain.status()).isEqualTo(ready.status());
        assertThat(ledger.find(SEOUL, current.requestId()).orElseThrow().version()).isEqualTo(current.version() + 1);
        // a different change from the same stale version is still a conflict
        var stale = catchThrowableOfType(ProblemException.class,
                () -> ledger.change(current, current.version(), LaptopStatus.REJECTED, officer, "x", null, NOW));
        assertThat(stale.problem().code()).isEqualTo("version-conflict");
    }
}
