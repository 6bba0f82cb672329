package kr.seoullearn.functions.documents;

import java.time.Duration;

/**
 * The function's configuration (template.yaml, DocumentsFunction): the bucket and how long the
 * presigned URLs live — at most 10 minutes for an upload, 5 for a reviewer's read.
 */
public record DocumentSettings(String bucket, Duration uploadUrlTtl, Duration readUrlTtl) {
    public static final Duration MAX_UPLOAD_URL_TTL = Duration.ofMinutes(10);
    public static final Duration MAX_READ_URL_TTL = Duration.ofMinutes(5);

    public DocumentSettings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("DOCUMENTS_BUCKET is not set (see template.yaml)");
        }
        check("UPLOAD_URL_TTL_SECONDS", uploadUrlTtl, MAX_UPLOAD_URL_TTL);
        check("READ_URL_TTL_SECONDS", readUrlTtl, MAX_READ_URL_TTL);
    }

    private static void check(String name, Duration ttl, Duration max) {
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(max) > 0) {
            throw new IllegalStateException(name + " must be between 1 and " + max.toSeconds() + " seconds, not " + ttl);
        }
    }

    static Duration seconds(String name, String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalStateException(name + " must be a number of seconds, not " + value);
        }
    }
}
