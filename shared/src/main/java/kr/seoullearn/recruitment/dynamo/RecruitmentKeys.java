package kr.seoullearn.recruitment.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Recruitment's keys in the application table (docs/data-model.md, "Mentor recruitment";
 * docs/adr/0014), every partition starting with the tenant:
 * <ul>
 *   <li>rules {@code T#<t>#RECRUITMENT_RULES / FROM#<date>#<id>};</li>
 *   <li>a round {@code T#<t>#ROUND#<id> / ROUND}, listed by GSI1 {@code T#<t>#ROUNDS / <opensOn>#<id>};</li>
 *   <li>an application {@code T#<t>#U#<sub> / MENTOR_APPLICATION#<round>}, listed by GSI1
 *       {@code T#<t>#ROUND#<id>#APPLICATIONS / <submittedAt>#<sub>};</li>
 *   <li>a renewal {@code T#<t>#U#<sub> / MENTOR_RENEWAL#<termEnds>}, pending ones listed by GSI1
 *       {@code T#<t>#MENTOR_RENEWALS / <requestedAt>#<sub>}.</li>
 * </ul>
 * The mentor item a selection writes is mentoring's, written through its MentorOnboarding port.
 */
final class RecruitmentKeys {
    static final String APPLICATION_PREFIX = "MENTOR_APPLICATION#";
    static final String RENEWAL_PREFIX = "MENTOR_RENEWAL#";
    static final String ROUND = "ROUND";

    private RecruitmentKeys() {}

    static String rules(TenantId tenant) {
        return Keys.tenant(tenant, "RECRUITMENT_RULES");
    }

    static String rulesFrom(LocalDate effectiveFrom, String rulesId) {
        return "FROM#" + effectiveFrom + "#" + rulesId;
    }

    /** The highest sort key of rules in force from {@code date} or before. */
    static String rulesUpTo(LocalDate date) {
        return "FROM#" + date + "#\uffff";
    }

    static ItemKey round(TenantId tenant, String roundId) {
        return ItemKey.of(Keys.tenant(tenant, "ROUND", roundId), ROUND);
    }

    static String rounds(TenantId tenant) {
        return Keys.tenant(tenant, "ROUNDS");
    }

    static String roundsOrder(LocalDate opensOn, String roundId) {
        return opensOn + "#" + roundId;
    }

    static ItemKey application(TenantId tenant, String roundId, String userId) {
        return ItemKey.of(Keys.user(tenant, userId), APPLICATION_PREFIX + roundId);
    }

    static String roundApplications(TenantId tenant, String roundId) {
        return Keys.tenant(tenant, "ROUND", roundId, "APPLICATIONS");
    }

    static String arrival(Instant at, String userId) {
        return at + "#" + userId;
    }

    static ItemKey renewal(TenantId tenant, String mentorId, LocalDate termEnds) {
        return ItemKey.of(Keys.user(tenant, mentorId), RENEWAL_PREFIX + termEnds);
    }

    static String pendingRenewals(TenantId tenant) {
        return Keys.tenant(tenant, "MENTOR_RENEWALS");
    }
}
