package kr.seoullearn.functions.documents;

import jakarta.inject.Singleton;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import kr.seoullearn.registration.domain.DocumentContentType;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** The documents bucket through the S3 API (SDK v2, URLConnection client) and the SDK's presigner. */
@Singleton
public class S3DocumentStorage implements DocumentStorage {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3DocumentStorage(S3Client s3, S3Presigner presigner, DocumentSettings settings) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = settings.bucket();
    }

    @Override
    public UploadUrl presignUpload(String key, DocumentContentType type, long size, Map<String, String> tags, Duration ttl) {
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(type.mediaType())
                .contentLength(size)
                // create-only: once anything is at the key (the upload, or the empty object a refusal
                // leaves), this URL gets 412 Precondition Failed until it expires
                .ifNoneMatch("*")
                .tagging(tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&")))
                .build();
        PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p.signatureDuration(ttl).putObjectRequest(put));
        // what the browser must send exactly as signed; it sets host and content-length itself
        Map<String, String> headers = new TreeMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("host") && !lower.equals("content-length")) {
                headers.put(lower, String.join(",", values));
            }
        });
        try {
            return new UploadUrl(presigned.url().toURI(), headers, presigned.expiration());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("presigned URL is not a URI", e);
        }
    }

    @Override
    public ReadUrl presignRead(String key, String versionId, DocumentContentType type, String fileName, Duration ttl) {
        GetObjectRequest get = GetObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .versionId(versionId)
                .responseContentType(type.mediaType())
                // inline: reviewers read PDFs and images in the browser; the content type is the verified one
                .responseContentDisposition("inline; filename=\"" + fileName + "\"")
                .build();
        PresignedGetObjectRequest presigned = presigner.presignGetObject(p -> p.signatureDuration(ttl).getObjectRequest(get));
        try {
            return new ReadUrl(presigned.url().toURI(), presigned.expiration());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("presigned URL is not a URI", e);
        }
    }

    @Override
    public Optional<StoredObject> head(String key) {
        try {
            var head = s3.headObject(h -> h.bucket(bucket).key(key));
            return Optional.of(new StoredObject(head.contentLength() == null ? 0 : head.contentLength(), head.versionId()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public byte[] firstBytes(String key, String versionId, int count) {
        try {
            byte[] bytes = s3.getObjectAsBytes(g -> g.bucket(bucket).key(key).versionId(versionId)
                    .range("bytes=0-" + (count - 1))).asByteArray();
            return bytes.length > count ? Arrays.copyOf(bytes, count) : bytes;
        } catch (S3Exception e) {
            if (e.statusCode() == 416) { // an empty object has no first byte
                return new byte[0];
            }
            throw e;
        }
    }

    @Override
    public void seal(String key, Map<String, String> tags) {
        s3.putObject(p -> p.bucket(bucket).key(key).contentType("application/octet-stream")
                .tagging(tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"))),
                RequestBody.empty());
    }

    @Override
    public void delete(String key, String versionId) {
        s3.deleteObject(d -> d.bucket(bucket).key(key).versionId(versionId));
    }

    @Override
    public Map<String, String> tags(String key, String versionId) {
        Map<String, String> tags = new LinkedHashMap<>();
        s3.getObjectTagging(t -> t.bucket(bucket).key(key).versionId(versionId)).tagSet()
                .forEach(tag -> tags.put(tag.key(), tag.value()));
        return tags;
    }

    @Override
    public void tag(String key, String versionId, String tagKey, String value) {
        Map<String, String> tags = tags(key, versionId);
        tags.put(tagKey, value);
        List<Tag> tagSet = new ArrayList<>();
        tags.forEach((k, v) -> tagSet.add(Tag.builder().key(k).value(v).build()));
        s3.putObjectTagging(t -> t.bucket(bucket).key(key).versionId(versionId).tagging(g -> g.tagSet(tagSet)));
    }
}
