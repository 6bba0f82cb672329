package kr.seoullearn.registration.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.EligibilityProgramme;

/**
 * The registration context's items (docs/data-model.md). A person's items share the partition
 * {@link Keys#user}; the profile ({@link Keys#PROFILE}) and documents ({@link Keys#document}) keep
 * their shapes in {@link Keys} because other contexts read them (reminders, recruitment); the rest,
 * the review queue's index among them (counted by reminders through the ApplicationStore port), is
 * registration's own.
 */
final class RegistrationKeys {
    /** Sort keys of a tenant's programmes start so, then the day they take effect. */
    private static final String FROM_PREFIX = "FROM#";

    private RegistrationKeys() {}

    /**
     * A person's account, which exists before they have a tenant: {@code ACCOUNT#<sub> / ACCOUNT}
     * (not a tenant partition: it is what says which tenant the person belongs to).
     */
    static ItemKey account(String userId) {
        return ItemKey.of("ACCOUNT#" + userId, "ACCOUNT");
    }

    /** A person's application (their profile item): {@code T#<tenant>#U#<sub> / PROFILE}. */
    static ItemKey profile(TenantId tenant, String userId) {
        return ItemKey.of(Keys.user(tenant, userId), Keys.PROFILE);
    }

    /** The partition of a person's dossier: the profile, documents and audit trail. */
    static String person(TenantId tenant, String userId) {
        return Keys.user(tenant, userId);
    }

    /** An applicant's document: {@code T#<tenant>#U#<sub> / DOC#<documentId>}. */
    static ItemKey document(TenantId tenant, String userId, String documentId) {
        return ItemKey.of(Keys.user(tenant, userId), Keys.document(documentId));
    }

    /** A person's upload allowance (open upload URLs, bytes granted): {@code T#<tenant>#U#<sub> / UPLOADS}. */
    static ItemKey uploads(TenantId tenant, String userId) {
        return ItemKey.of(Keys.user(tenant, userId), "UPLOADS");
    }

    /** Whether a dossier's item (by its sort key) is one of its documents. */
    static boolean isDocument(String sortKey) {
        return sortKey.startsWith(Keys.DOCUMENT_PREFIX);
    }

    /** Partition of a tenant's programmes (effective-dated): {@code T#<tenant>#PROGRAMME}. */
    static String programmes(TenantId tenant) {
        return Keys.tenant(tenant, "PROGRAMME");
    }

    /** A programme's item, which holds its quota counter too: {@code T#<tenant>#PROGRAMME / FROM#<effectiveFrom>#<id>}. */
    static ItemKey programme(EligibilityProgramme p) {
        return ItemKey.of(programmes(p.tenant()), FROM_PREFIX + p.effectiveFrom() + "#" + p.id());
    }

    /** The greatest sort key of a programme that took effect on or before {@code date}. */
    static String programmesUpTo(LocalDate date) {
        return FROM_PREFIX + date + "#\uffff";
    }

    /** The one approval by the records of a verified identity in a programme year: {@code T#<tenant>#IDENTITY#<year>#<hash> / CLAIM}. */
    static ItemKey identityClaim(TenantId tenant, int programmeYear, String identityHash) {
        return ItemKey.of(Keys.tenant(tenant, "IDENTITY", Integer.toString(programmeYear), identityHash), "CLAIM");
    }

    /** GSI1 partition of a tenant's review queue. */
    static String reviewQueue(TenantId tenant) {
        return Keys.tenant(tenant, "QUEUE");
    }

    /** GSI1 partition of a tenant's applications waiting for documents a reviewer asked for (by request time). */
    static String documentRequests(TenantId tenant) {
        return Keys.tenant(tenant, "DOCREQ");
    }

    /** GSI1 partition of a tenant's open appeals (by appeal time): the reviewers' appeals list (docs/adr/0040). */
    static String appeals(TenantId tenant) {
        return Keys.tenant(tenant, "APPEALS");
    }

    /** GSI1 partition of a tenant's decided applications (by decision time): the reviewers' decided list. */
    static String decided(TenantId tenant) {
        return Keys.tenant(tenant, "DECIDED");
    }

    /** GSI1 sort key of a submitted application in its queue: submission order. */
    static String queuePosition(Instant submittedAt, String userId) {
        return submittedAt + "#" + userId;
    }
}
