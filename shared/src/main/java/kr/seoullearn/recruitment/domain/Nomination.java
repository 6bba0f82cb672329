package kr.seoullearn.recruitment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.identity.EmailKey;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A partner university's nomination of a student for a recruitment round (docs/adr/0042): it
 * makes nobody a mentor — it invites the person (an e-mail in their language) to apply, with the
 * university filled in, and marks their application as nominated. One per round and e-mail
 * address: {@code emailKey} is the SHA-256 of the address as normalised ({@link EmailKey#of}).
 * {@code code} is a random secret carried by the invitation's link: only who got the e-mail can
 * claim the nomination. It expires {@link #KEPT_AFTER_ROUND_DAYS} days after the round closes
 * unless the person applied ({@code appliedBy}: then their application carries the mark).
 */
public record Nomination(TenantId tenant, String roundId, String emailKey, String name, String email, String university,
                         Set<MentoringSubject> subjects, Language language, String code, String nominatedBy, Instant nominatedAt,
                         Instant expiresAt, String appliedBy) {
    /** A nomination nobody took up is deleted (DynamoDB TTL) this long after its round closes (docs/adr/0038's table). */
    public static final int KEPT_AFTER_ROUND_DAYS = 30;
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    public Nomination {
        subjects = Set.copyOf(subjects);
    }

    /** When a nomination in a round closing on {@code closesOn} expires: the end of that day (Seoul) plus the days kept. */
    public static Instant expiry(LocalDate closesOn) {
        return closesOn.plusDays(KEPT_AFTER_ROUND_DAYS + 1L).atStartOfDay(SEOUL).toInstant();
    }

    /** The invitation's token in the link: the key and the secret, so the application's check is one GetItem. */
    public String token() {
        return emailKey + "." + code;
    }

    /** The notice's recipient: no account yet, so the nomination itself (the dispatch reads the address from it). */
    public String recipientId() {
        return RECIPIENT_PREFIX + roundId + ":" + emailKey;
    }

    public static final String RECIPIENT_PREFIX = "nominee:";
}
