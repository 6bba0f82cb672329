package kr.seoullearn.functions.reports;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * The port to where exports are written and fetched from: an object written in parts as it is
 * produced (an S3 multipart upload; every part but the last at least {@link #MIN_PART_BYTES}),
 * then read through a short-lived presigned GET. Nothing of an export passes through the API's
 * response. In AWS and locally: {@link S3Exports}.
 */
public interface ExportStorage {
    /** S3's smallest part (5 MiB), except the last one. */
    int MIN_PART_BYTES = 5 * 1024 * 1024;

    /** Starts writing the object at {@code key}. */
    Upload start(String key, String contentType);

    /** A GET of the object that expires after {@code ttl}, downloaded as {@code fileName}. */
    DownloadUrl presign(String key, String contentType, String fileName, Duration ttl);

    /** An object being written. */
    interface Upload {
        /** Sends the next part: {@code length} bytes of {@code bytes}. */
        void part(byte[] bytes, int length);

        /** Makes the object of the parts sent. */
        void complete();

        /** Gives up: the parts sent are discarded. */
        void abort();
    }

    record DownloadUrl(URI url, Instant expiresAt) {}
}
