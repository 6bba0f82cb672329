package kr.seoullearn.functions.review;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.aws.AwsCallFailed;
import kr.seoullearn.platform.aws.S3Objects;
import kr.seoullearn.registration.port.ApplicationStore.DocumentSummary;

/**
 * Copies each decided document onto itself, tagged {@code state=decided}: S3 lifecycle rules
 * count days from an object's creation, so the copy is what makes the bucket's 30-day rule run
 * from the decision (and not from the upload). The other tags (GuardDuty's scan result above
 * all) are kept; the verified bytes and content type are copied unchanged.
 */
@Singleton
public class S3DocumentRetention implements DocumentRetention {
    private final S3Objects s3;

    public S3DocumentRetention(S3Objects s3) {
        this.s3 = s3;
    }

    @Override
    public List<Renewed> markDecided(List<DocumentSummary> documents) {
        List<Renewed> renewed = new ArrayList<>();
        for (DocumentSummary d : documents) {
            Map<String, String> tags;
            try {
                tags = new LinkedHashMap<>(s3.tags(d.s3Key(), d.s3VersionId()));
            } catch (AwsCallFailed e) {
                if ("NoSuchKey".equals(e.code()) || "NoSuchVersion".equals(e.code())) {
                    continue; // already gone (refused or expired): nothing to keep
                }
                throw e;
            }
            tags.put("state", "decided");
            Optional<String> copied = s3.copyOntoItself(d.s3Key(), d.s3VersionId(), d.contentType(), tags);
            copied.ifPresent(version -> renewed.add(new Renewed(d.documentId(), version)));
        }
        return renewed;
    }
}
