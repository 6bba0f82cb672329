package kr.seoullearn.functions.review;

import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.seoullearn.registration.port.ApplicationStore.DocumentSummary;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * Copies each decided document onto itself, tagged {@code state=decided}: S3 lifecycle rules
 * count days from an object's creation, so the copy is what makes the bucket's 30-day rule run
 * from the decision (and not from the upload). The other tags (GuardDuty's scan result above
 * all) are kept; the verified bytes and content type are copied unchanged.
 */
@Singleton
public class S3DocumentRetention implements DocumentRetention {
    private final S3Client s3;
    private final String bucket;

    public S3DocumentRetention(S3Client s3, FunctionEnvironment env) {
        this(s3, env.required("DOCUMENTS_BUCKET"));
    }

    public S3DocumentRetention(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<Renewed> markDecided(List<DocumentSummary> documents) {
        List<Renewed> renewed = new ArrayList<>();
        for (DocumentSummary d : documents) {
            try {
                Map<String, String> tags = new LinkedHashMap<>();
                s3.getObjectTagging(r -> r.bucket(bucket).key(d.s3Key()).versionId(d.s3VersionId()))
                        .tagSet().forEach(t -> tags.put(t.key(), t.value()));
                tags.put("state", "decided");
                String tagging = tags.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
                var copied = s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(d.s3Key()).sourceVersionId(d.s3VersionId())
                        .destinationBucket(bucket).destinationKey(d.s3Key())
                        .metadataDirective(MetadataDirective.REPLACE).contentType(d.contentType())
                        .taggingDirective(TaggingDirective.REPLACE).tagging(tagging));
                if (copied.versionId() != null) {
                    renewed.add(new Renewed(d.documentId(), copied.versionId()));
                }
            } catch (NoSuchKeyException e) {
                // already gone (refused or expired): nothing to keep
            }
        }
        return renewed;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
