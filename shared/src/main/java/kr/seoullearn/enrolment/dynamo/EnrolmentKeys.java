package kr.seoullearn.enrolment.dynamo;

import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The enrolment context's keys (docs/data-model.md, "Enrolment"). The seats item is shared with
 * the catalogue and the figures ({@link Keys#seats}); the waitlist's entries lie beside it
 * ({@link kr.seoullearn.platform.dynamo.TicketQueue}).
 */
final class EnrolmentKeys {
    /** A learner's enrolment (or waitlist entry) with a provider: {@code T#<tenant>#U#<sub> / ENROLMENT#<providerId>}. */
    static final String ENROLMENT_PREFIX = "ENROLMENT#";
    /** Something the learner is told: {@code T#<tenant>#U#<sub> / NOTICE#<ISO instant>#<uuid>}. */
    static final String NOTICE_PREFIX = "NOTICE#";

    private EnrolmentKeys() {}

    static String learner(TenantId tenant, String userId) {
        return Keys.user(tenant, userId);
    }

    static ItemKey enrolment(TenantId tenant, String userId, String providerId) {
        return ItemKey.of(learner(tenant, userId), ENROLMENT_PREFIX + providerId);
    }

    /** A learner's count of providers held (enrolled or waiting), kept below the pick limit. */
    static ItemKey picks(TenantId tenant, String userId) {
        return ItemKey.of(learner(tenant, userId), "PICKS");
    }

    /** The catalogue's provider item, whose status says whether it still takes learners. */
    static ItemKey provider(String providerId) {
        return ItemKey.of(Keys.PROVIDERS, providerId);
    }

    /**
     * The enrolment an access link's pseudonymous reference stands for, so that providers' usage
     * reports (which know only that reference) reach it: {@code T#<tenant>#REF#<learnerRef> / REF}.
     */
    static ItemKey learnerRef(TenantId tenant, String learnerRef) {
        return ItemKey.of(Keys.tenant(tenant, "REF", learnerRef), "REF");
    }

    /**
     * GSI1 partition of a provider's seats in a tenant, by last activity: {@code GSI1SK =
     * <lastActiveOn>#<sub>} on each ENROLLED enrolment; the inactivity reclaim reads only the
     * seats idle since a day.
     */
    static String seated(TenantId tenant, String providerId) {
        return Keys.tenant(tenant, "SEATED", providerId);
    }

    /** GSI1SK of a seat: idle seats sort first, so the reclaim reads only those idle since a day. */
    static String idleSortKey(String lastActiveOn, String userId) {
        return lastActiveOn + "#" + userId;
    }

    static String notice(String at, String noticeId) {
        return NOTICE_PREFIX + at + "#" + noticeId;
    }
}
