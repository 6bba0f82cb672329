package kr.seoullearn.functions.documents;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.aws.S3Objects;
import kr.seoullearn.registration.domain.DocumentContentType;

/** The documents bucket through S3's REST API (platform.aws.S3Objects: signed requests and presigned URLs). */
@Singleton
public class S3DocumentStorage implements DocumentStorage {
    private final S3Objects s3;

    public S3DocumentStorage(S3Objects s3) {
        this.s3 = s3;
    }

    @Override
    public UploadUrl presignUpload(String key, DocumentContentType type, long size, Map<String, String> tags, Duration ttl) {
        // create-only: once anything is at the key (the upload, or the empty object a refusal
        // leaves), this URL gets 412 Precondition Failed until it expires
        S3Objects.Presigned presigned = s3.presignPut(key, type.mediaType(), size, tags, true, ttl);
        return new UploadUrl(presigned.url(), presigned.headers(), presigned.expires());
    }

    @Override
    public ReadUrl presignRead(String key, String versionId, DocumentContentType type, String fileName, Duration ttl) {
        // inline: reviewers read PDFs and images in the browser; the content type is the verified one
        S3Objects.Presigned presigned = s3.presignGet(key, versionId, type.mediaType(), "inline; filename=\"" + fileName + "\"", ttl);
        return new ReadUrl(presigned.url(), presigned.expires());
    }

    @Override
    public Optional<StoredObject> head(String key) {
        return s3.head(key).map(h -> new StoredObject(h.length(), h.versionId()));
    }

    @Override
    public byte[] firstBytes(String key, String versionId, int count) {
        return s3.firstBytes(key, versionId, count);
    }

    @Override
    public void seal(String key, Map<String, String> tags) {
        s3.put(key, "application/octet-stream", tags, new byte[0]);
    }

    @Override
    public void delete(String key, String versionId) {
        s3.delete(key, versionId);
    }

    @Override
    public Map<String, String> tags(String key, String versionId) {
        return s3.tags(key, versionId);
    }

    @Override
    public void tag(String key, String versionId, String tagKey, String value) {
        Map<String, String> tags = tags(key, versionId);
        tags.put(tagKey, value);
        s3.putTags(key, versionId, tags);
    }
}
