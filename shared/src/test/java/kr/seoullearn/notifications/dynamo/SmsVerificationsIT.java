package kr.seoullearn.notifications.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.notifications.domain.NotificationPreferences;
import kr.seoullearn.notifications.domain.SmsCodes;
import kr.seoullearn.notifications.port.PreferencesStore;
import kr.seoullearn.notifications.port.SmsVerifications;
import kr.seoullearn.notifications.port.SmsVerifications.Holder;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SMS number verification on the emulator (docs/adr/0043): every limit is a DynamoDB condition, so
 * parallel guesses cannot take more than five tries of a code and parallel requests cannot send
 * more than five codes a day to a person or a number; a code is used once, for its number, within
 * ten minutes; only a salted hash is stored.
 */
class SmsVerificationsIT {
    static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
    private static TestStack stack;
    private static SmsVerifications codes;
    private static PreferencesStore preferences;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("sms-verifications");
        codes = NotificationsStorage.smsVerificationsOf(stack.aws().dynamoDb(), stack.table());
        preferences = NotificationsStorage.preferences(stack.aws().dynamoDb(), stack.table());
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    private static TenantId tenant() {
        return new TenantId("t" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static String number() {
        return "+8210" + (10_000_000 + (int) (Math.random() * 89_999_999));
    }

    /** A person whose preferences hold {@code number}. */
    private static String person(TenantId tenant, String number) {
        String sub = "sub-" + UUID.randomUUID();
        preferences.save(tenant, sub, NotificationPreferences.parse(Map.of("version", 0, "smsNumber", number)));
        return sub;
    }

    private static String refusal(Runnable r) {
        try {
            r.run();
            return "ok";
        } catch (ProblemException e) {
            return e.problem().code();
        }
    }

    private static List<String> parallel(int n, Callable<String> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void parallelGuessesCannotTakeMoreThanFiveTriesOfACode() throws Exception {
        TenantId tenant = tenant();
        String phone = number();
        String sub = person(tenant, phone);
        var issued = codes.issue(tenant, sub, Holder.SELF, phone, NOW);
        List<String> answers = parallel(12, () -> refusal(() -> codes.verify(tenant, sub, Holder.SELF, phone, wrong(issued.code()), NOW)));
        assertThat(answers).filteredOn("sms-code-wrong"::equals).hasSize(SmsCodes.MAX_ATTEMPTS);
        assertThat(answers).filteredOn("sms-code-too-many-attempts"::equals).hasSize(12 - SmsCodes.MAX_ATTEMPTS);
        assertThat(refusal(() -> codes.verify(tenant, sub, Holder.SELF, phone, issued.code(), NOW)))
                .as("the right code after five wrong ones").isEqualTo("sms-code-too-many-attempts");
        assertThat(codes.verified(tenant, sub, Holder.SELF, phone)).isFalse();
        // a new code starts again
        var fresh = codes.issue(tenant, sub, Holder.SELF, phone, NOW);
        codes.verify(tenant, sub, Holder.SELF, phone, fresh.code(), NOW);
        assertThat(codes.verified(tenant, sub, Holder.SELF, phone)).isTrue();
    }

    @Test
    void parallelRequestsCannotSendMoreThanFiveCodesADayToAPerson() throws Exception {
        TenantId tenant = tenant();
        String phone = number();
        String sub = person(tenant, phone);
        List<String> answers = new ArrayList<>(parallel(10, () -> refusal(() -> codes.issue(tenant, sub, Holder.SELF, phone, NOW))));
        assertThat(answers).filteredOn("ok"::equals).hasSizeLessThanOrEqualTo(SmsCodes.MAX_CODES_PER_DAY);
        for (int i = 0; i < SmsCodes.MAX_CODES_PER_DAY; i++) { // a request that lost a race (503) may be repeated
            answers.add(refusal(() -> codes.issue(tenant, sub, Holder.SELF, phone, NOW.plusSeconds(1))));
        }
        assertThat(answers).filteredOn("ok"::equals).hasSize(SmsCodes.MAX_CODES_PER_DAY);
        assertThat(answers).filteredOn(a -> !a.equals("ok")).allMatch(a -> a.equals("sms-code-limit") || a.equals("service-unavailable"));
        // the next Seoul day (NOW is 14:00 Seoul; +10 h is 00:00 the day after)
        assertThat(refusal(() -> codes.issue(tenant, sub, Holder.SELF, phone, NOW.plus(Duration.ofHours(10))))).isEqualTo("ok");
    }

    @Test
    void fivePeopleUseUpANumbersCodesForTheDay() throws Exception {
        TenantId tenant = tenant();
        String phone = number();
        List<String> answers = parallel(7, () -> {
            String sub = person(tenant, phone);
            return refusal(() -> codes.issue(tenant, sub, Holder.SELF, phone, NOW));
        });
        assertThat(answers).filteredOn("ok"::equals).hasSizeLessThanOrEqualTo(SmsCodes.MAX_CODES_PER_DAY);
        assertThat(answers).filteredOn("sms-code-limit"::equals).hasSizeGreaterThanOrEqualTo(2);
        String another = person(tenant, number());
        assertThat(refusal(() -> codes.issue(tenant, another, Holder.SELF, phone, NOW))).isEqualTo("sms-code-limit");
    }

    @Test
    void aCodeWorksOnceForItsNumberWithinTenMinutesAndIsStoredOnlyAsASaltedHash() {
        TenantId tenant = tenant();
        String phone = number();
        String sub = person(tenant, phone);
        var late = codes.issue(tenant, sub, Holder.SELF, phone, NOW);
        assertThat(late.expiresAt()).isEqualTo(NOW.plus(SmsCodes.VALID_FOR));
        assertThat(refusal(() -> codes.verify(tenant, sub, Holder.SELF, phone, late.code(), NOW.plus(SmsCodes.VALID_FOR)))).isEqualTo("sms-code-expired");

        var issued = codes.issue(tenant, sub, Holder.SELF, phone, NOW);
        Map<String, AttributeValue> item = stack.aws().dynamoDb().getItem(g -> g.tableName(stack.table())
                .key(DynamoSmsVerifications.code(tenant, sub, Holder.SELF).attributes())).item();
        assertThat(item.toString()).doesNotContain(issued.code()).doesNotContain(phone.substring(1));
        assertThat(item.get("codeHash").b().asByteArray()).hasSize(32);
        assertThat(Long.parseLong(item.get("expiresAt").n())).isEqualTo(NOW.plus(SmsCodes.VALID_FOR).getEpochSecond());

        assertThat(refusal(() -> codes.verify(tenant, sub, Holder.SELF, number(), issued.code(), NOW))).as("another number")
                .isEqualTo("sms-code-expired");
        assertThat(refusal(() -> codes.verify(tenant, "sub-other", Holder.SELF, phone, issued.code(), NOW))).as("another person")
                .isEqualTo("sms-code-expired");
        codes.verify(tenant, sub, Holder.SELF, phone, issued.code(), NOW.plusSeconds(30));
        assertThat(codes.verified(tenant, sub, Holder.SELF, phone)).isTrue();
        assertThat(codes.verified(tenant, sub, Holder.SELF, number())).isFalse();
        assertThat(codes.verified(tenant, sub, Holder.GUARDIAN, phone)).isFalse();
        assertThat(refusal(() -> codes.verify(tenant, sub, Holder.SELF, phone, issued.code(), NOW.plusSeconds(31)))).as("used once")
                .isEqualTo("sms-code-expired");
        codes.forget(tenant, sub, Holder.SELF);
        assertThat(codes.verified(tenant, sub, Holder.SELF, phone)).isFalse();
    }

    @Test
    void aCodeForANumberThePreferencesNoLongerHoldVerifiesNothing() {
        TenantId tenant = tenant();
        String phone = number();
        String sub = person(tenant, phone);
        var issued = codes.issue(tenant, sub, Holder.SELF, phone, NOW);
        preferences.save(tenant, sub, NotificationPreferences.parse(Map.of("version", 1, "smsNumber", number())));
        assertThat(refusal(() -> codes.verify(tenant, sub, Holder.SELF, phone, issued.code(), NOW))).isEqualTo("sms-code-expired");
        assertThat(codes.verified(tenant, sub, Holder.SELF, phone)).isFalse();
        assertThatThrownBy(() -> codes.verify(tenant, sub, Holder.SELF, phone, issued.code(), NOW)).isInstanceOf(ProblemException.class);
    }
}
