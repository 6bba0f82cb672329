package kr.seoullearn.functions.me;

import java.util.List;
import kr.seoullearn.platform.aws.S3Objects;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The documents bucket is versioned, so deleting a key only adds a delete marker: withdrawal lists
 * every version and marker under {@code tenant/<tenant>/applicant/<sub>/} (ListObjectVersions)
 * and deletes each by version id, which removes it for good (a person has a handful of files).
 */
final class S3PersonalFiles implements PersonalFiles {
    private final S3Objects s3;

    S3PersonalFiles(S3Objects s3) {
        this.s3 = s3;
    }

    static String prefix(TenantId tenant, String userId) {
        return "tenant/" + tenant.value() + "/applicant/" + userId + "/";
    }

    @Override
    public int deleteAll(TenantId tenant, String userId) {
        List<S3Objects.Version> doomed = s3.versions(prefix(tenant, userId));
        for (S3Objects.Version v : doomed) {
            s3.delete(v.key(), v.versionId());
        }
        return doomed.size();
    }
}
