package kr.seoullearn.functions.me;

import kr.seoullearn.platform.tenant.TenantId;

/** A person's uploaded files (certificates, transcripts): every version destroyed on withdrawal. */
interface PersonalFiles {

    /** Deletes every object version and delete marker under the person's prefix; returns how many. Idempotent. */
    int deleteAll(TenantId tenant, String userId);
}
