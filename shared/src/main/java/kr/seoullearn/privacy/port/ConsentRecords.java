package kr.seoullearn.privacy.port;

import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.privacy.domain.PrivacyNotice;

/**
 * The consent records: which privacy notice version a person (or their guardian) accepted, and
 * when. Kept in the person's own partition, so the export shows them and a withdrawal destroys them.
 */
public interface ConsentRecords {

    /** Records the acceptance; the first acceptance of a version is kept (a repeat changes nothing). */
    void record(TenantId tenant, String userId, PrivacyNotice.Acceptance acceptance);

    /**
     * Adds the acceptance to {@code tx} (the write of what the person accepted it with, e.g. a
     * mentor application), so the record exists exactly when that write commits. No condition:
     * an earlier acceptance of the same version keeps its time and who accepted
     * ({@code if_not_exists}), so a person accepting again in a later round never fails the transaction.
     */
    void record(Transaction tx, TenantId tenant, String userId, PrivacyNotice.Acceptance acceptance);
}
