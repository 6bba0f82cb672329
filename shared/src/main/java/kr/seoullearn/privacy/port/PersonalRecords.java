package kr.seoullearn.privacy.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.privacy.domain.PersonalData;

/**
 * The items that name one person, destroyed when they withdraw (docs/data-model.md, "Withdrawal").
 * Every method is idempotent: a retry after a partial failure deletes what is left and finds
 * nothing to do for what is already gone.
 */
public interface PersonalRecords {

    /**
     * Every item about the person, found by key (their own partitions and what those lead to);
     * {@code tenant} may be null (someone who never chose where they live): then only the account.
     */
    PersonalData read(TenantId tenant, String userId);

    /**
     * Deletes every item of the person's own partitions in the tenant (profile, documents' records,
     * enrolments, markers, mentor and mentoring items, recruitment applications, notices, sent
     * reminders and notices, records-check counters) and, last, their account. {@code tenant} may be null
     * (someone who never chose where they live): then only the account. Returns the items deleted.
     */
    int erase(TenantId tenant, String userId);

    /**
     * The universities' nominations of the person for the tenant's recruitment rounds, found by
     * their verified address (docs/adr/0042: a nomination is keyed by the address, not an account).
     */
    List<Map<String, Object>> nominations(TenantId tenant, String verifiedEmail);

    /** Deletes those nominations; returns how many. Idempotent, as the rest. */
    int eraseNominations(TenantId tenant, String verifiedEmail);

    /**
     * Takes the person's name off mentorships they were part of (the other side keeps the
     * mentorship's history of sessions, without the name).
     */
    void forgetNames(TenantId tenant, String userId, Collection<String> mentorshipIds);

    /**
     * Replaces the person's account id on a closed laptop request and its audit entries with
     * {@code pseudonym}: the city keeps the history of its laptops, not who borrowed them.
     */
    void pseudonymiseLaptopRequest(TenantId tenant, String requestId, String userId, String pseudonym);

    /**
     * Replaces the person's account id in the audit trail (as subject, and as actor) with
     * {@code pseudonym}: the trail keeps what staff did and when, not about whom. Returns the
     * entries changed.
     */
    int pseudonymiseAudit(TenantId tenant, String userId, String pseudonym);
}
