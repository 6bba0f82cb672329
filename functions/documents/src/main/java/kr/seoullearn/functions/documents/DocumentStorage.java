package kr.seoullearn.functions.documents;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.registration.domain.DocumentContentType;

/**
 * The port to the private documents bucket. Files never pass through the function: the
 * browser PUTs to a presigned URL and reviewers GET through one; the function only looks at
 * an object's size, its first bytes and its tags. {@code versionId} may be null (unversioned
 * bucket, or the latest version).
 */
public interface DocumentStorage {

    /**
     * A presigned PUT that binds the content type, length and tags, and {@code If-None-Match: *}:
     * it can create the object once and never replace it (S3 answers 412 once anything is at the
     * key). {@code headers} must be sent with it.
     */
    UploadUrl presignUpload(String key, DocumentContentType type, long size, Map<String, String> tags, Duration ttl);

    /** A presigned GET of one version, shown inline with its verified content type and named {@code fileName}. */
    ReadUrl presignRead(String key, String versionId, DocumentContentType type, String fileName, Duration ttl);

    /** Size and version of the object at {@code key}; empty if nothing arrived. */
    Optional<StoredObject> head(String key);

    /** At most the first {@code count} bytes of the object (a ranged read, never the whole file). */
    byte[] firstBytes(String key, String versionId, int count);

    /**
     * Puts an empty object at {@code key} (a new current version), so that an upload URL for the
     * key can no longer create anything there.
     */
    void seal(String key, Map<String, String> tags);

    /** Deletes the object (that version, permanently, when a version is given). */
    void delete(String key, String versionId);

    Map<String, String> tags(String key, String versionId);

    /** Sets one tag, keeping the others (S3 replaces the whole set: GuardDuty's result must survive). */
    void tag(String key, String versionId, String tagKey, String value);

    record UploadUrl(URI url, Map<String, String> headers, Instant expiresAt) {}

    record ReadUrl(URI url, Instant expiresAt) {}

    record StoredObject(long size, String versionId) {}
}
