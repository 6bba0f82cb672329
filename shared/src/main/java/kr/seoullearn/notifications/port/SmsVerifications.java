package kr.seoullearn.notifications.port;

import java.time.Instant;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Proof that a number reads our texts (docs/adr/0043): a one-time code per holder (the person's own
 * number, or the guardian's phone of an under-14 learner), its limits held inside DynamoDB. Numbers
 * and codes are personal data: never logged, never returned except the code to the caller that sends it.
 */
public interface SmsVerifications {
    enum Holder { SELF, GUARDIAN }

    /** A new code to send: its plain digits (send them, keep them nowhere) and when it stops working. */
    record Issued(String code, Instant expiresAt) {}

    /**
     * Counts a new code against the day's limits (per person, per number; Seoul date) and stores
     * its salted hash in place of any earlier code; refuses with {@code sms-code-limit} when either is used up.
     */
    Issued issue(TenantId tenant, String userId, Holder holder, String number, Instant now);

    /**
     * One guess: counted first (a code takes five), then compared; the right code for the same
     * number marks it verified and is used up. Refusals: {@code sms-code-wrong} (with attempts left),
     * {@code sms-code-expired}, {@code sms-code-too-many-attempts}.
     */
    void verify(TenantId tenant, String userId, Holder holder, String number, String code, Instant now);

    /** Whether this very number was verified by this person for this holder. */
    boolean verified(TenantId tenant, String userId, Holder holder, String number);

    /** Forgets the verification and any waiting code (the number changed or was removed). */
    void forget(TenantId tenant, String userId, Holder holder);
}
