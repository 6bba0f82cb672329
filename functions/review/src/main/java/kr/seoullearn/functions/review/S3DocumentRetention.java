package kr.seoullearn.functions.review;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import kr.seoullearn.shared.aws.FunctionEnvironment;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Tags objects {@code state=decided} for the bucket's 30-day lifecycle rule. S3 replaces a whole
 * tag set, so the other tags (GuardDuty's scan result above all) are read and kept.
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
    public void markDecided(List<String> objectKeys) {
        for (String key : objectKeys) {
            try {
                List<Tag> tags = new ArrayList<>();
                for (Tag tag : s3.getObjectTagging(r -> r.bucket(bucket).key(key)).tagSet()) {
                    if (!tag.key().equals("state")) {
                        tags.add(tag);
                    }
                }
                tags.add(Tag.builder().key("state").value("decided").build());
                s3.putObjectTagging(r -> r.bucket(bucket).key(key).tagging(t -> t.tagSet(tags)));
            } catch (NoSuchKeyException e) {
                // already gone (refused or expired): nothing to keep
            }
        }
    }
}
