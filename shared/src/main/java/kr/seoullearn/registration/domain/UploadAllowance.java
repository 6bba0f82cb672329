package kr.seoullearn.registration.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one applicant has taken of their upload allowance (docs/adr/0022): the upload URLs
 * issued and not finalised, each with the instant its URL expires, and the bytes granted in
 * all. An entry whose URL has expired no longer counts as open (its bytes still do).
 *
 * @param open  documentId → when its upload URL expires
 * @param bytes declared bytes of every upload URL issued, less those of uploads where nothing arrived
 */
public record UploadAllowance(Map<String, Instant> open, long bytes) {
    public static final UploadAllowance NONE = new UploadAllowance(Map.of(), 0);

    public UploadAllowance {
        open = Map.copyOf(open);
    }

    /** The entries whose URL has expired at {@code now}: no longer open, to be cleared. */
    public Set<String> stale(Instant now) {
        return open.entrySet().stream().filter(e -> !e.getValue().isAfter(now)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Upload URLs still usable at {@code now}. */
    public long openAt(Instant now) {
        return open.values().stream().filter(expiry -> expiry.isAfter(now)).count();
    }

    /** Why one more upload URL of {@code size} bytes cannot be issued at {@code now}; empty if it can. */
    public Optional<DocumentRefusal> refusal(Instant now, long size) {
        if (openAt(now) >= DocumentLimits.MAX_OPEN_UPLOADS) {
            return Optional.of(DocumentRefusal.UPLOADS_OPEN_LIMIT);
        }
        if (bytes + size > DocumentLimits.MAX_APPLICANT_BYTES) {
            return Optional.of(DocumentRefusal.UPLOAD_BYTES_LIMIT);
        }
        return Optional.empty();
    }

    /** The problem's extensions for a refusal: when an open URL frees, or how much is left. */
    public Map<String, Object> details(DocumentRefusal refusal, Instant now) {
        if (refusal == DocumentRefusal.UPLOADS_OPEN_LIMIT) {
            Instant first = open.values().stream().filter(expiry -> expiry.isAfter(now)).min(Instant::compareTo).orElse(now);
            long seconds = Math.max(1, Duration.between(now, first).toSeconds() + 1);
            return Map.of("maxOpenUploads", DocumentLimits.MAX_OPEN_UPLOADS, "retryAfterSeconds", seconds);
        }
        return Map.of("maxBytes", DocumentLimits.MAX_APPLICANT_BYTES, "usedBytes", bytes);
    }
}
