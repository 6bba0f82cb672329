package kr.seoullearn.privacy.port;

import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.privacy.domain.PrivacyNotice;

/**
 * The consent records: which privacy notice version a person (or their guardian) accepted, and
 * when. Kept in the person's own partition, so the export shows them and a withdrawal destroys them.
 */
public interface ConsentRecords {

    /** Records the acceptance; the first acceptance of a version is kept (a repeat changes nothing). */
    void record(TenantId tenant, String userId, PrivacyNotice.Acceptance acceptance);
}
