package kr.seoullearn.functions.me;

import java.util.ArrayList;
import java.util.List;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * The documents bucket is versioned, so deleting a key only adds a delete marker: withdrawal lists
 * every version and marker under {@code tenant/<tenant>/applicant/<sub>/} (ListObjectVersions)
 * and deletes each by version id (DeleteObjects, up to 1,000 a call), which removes it for good.
 */
final class S3PersonalFiles implements PersonalFiles {
    private final S3Client s3;
    private final String bucket;

    S3PersonalFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    static String prefix(TenantId tenant, String userId) {
        return "tenant/" + tenant.value() + "/applicant/" + userId + "/";
    }

    @Override
    public int deleteAll(TenantId tenant, String userId) {
        String prefix = prefix(tenant, userId);
        List<ObjectIdentifier> doomed = new ArrayList<>();
        for (var page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(prefix))) {
            page.versions().forEach(v -> doomed.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            page.deleteMarkers().forEach(m -> doomed.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
        }
        for (int i = 0; i < doomed.size(); i += 1000) {
            List<ObjectIdentifier> batch = doomed.subList(i, Math.min(doomed.size(), i + 1000));
            var answer = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
            if (answer.hasErrors() && !answer.errors().isEmpty()) {
                throw new IllegalStateException("S3 kept " + answer.errors().size() + " objects: " + answer.errors().get(0).code());
            }
        }
        return doomed.size();
    }
}
