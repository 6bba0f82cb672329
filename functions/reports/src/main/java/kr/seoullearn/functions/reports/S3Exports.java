package kr.seoullearn.functions.reports;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.aws.S3Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Exports in S3 as a multipart upload (CreateMultipartUpload, UploadPart, CompleteMultipartUpload,
 * AbortMultipartUpload) and a presigned GetObject, through {@link S3Objects}: the bucket's REST
 * API signed with the SDK's own SigV4 signer, not the SDK's S3 client, which would add about 4 MB
 * to a jar that needs five calls of it (docs/adr/0022, docs/adr/0036). Each part is sent from the
 * export's buffer as it is, never copied.
 */
public final class S3Exports implements ExportStorage {
    private final S3Objects bucket;

    S3Exports(S3Objects bucket) {
        this.bucket = bucket;
    }

    /** From the function's environment: EXPORTS_BUCKET, the region and, locally, the endpoint variables. */
    public static S3Exports of(FunctionEnvironment env) {
        return new S3Exports(S3Objects.of(env, env.required("EXPORTS_BUCKET")));
    }

    /** At an explicit endpoint (tests against the local S3). */
    public static S3Exports of(String bucket, String region, URI endpoint, SdkHttpClient http, AwsCredentialsProvider credentials) {
        return new S3Exports(S3Objects.at(endpoint, region, credentials, bucket, http));
    }

    @Override
    public Upload start(String key, String contentType) {
        return new MultipartUpload(key, bucket.startMultipart(key, contentType));
    }

    @Override
    public DownloadUrl presign(String key, String contentType, String fileName, Duration ttl) {
        S3Objects.Presigned get = bucket.presignGet(key, null, contentType, "attachment; filename=\"" + fileName + "\"", ttl);
        return new DownloadUrl(get.url(), get.expires());
    }

    private final class MultipartUpload implements Upload {
        private final String key;
        private final String uploadId;
        private final List<String> etags = new ArrayList<>();

        MultipartUpload(String key, String uploadId) {
            this.key = key;
            this.uploadId = uploadId;
        }

        @Override
        public void part(byte[] bytes, int length) {
            etags.add(bucket.uploadPart(key, uploadId, etags.size() + 1, bytes, length));
        }

        @Override
        public void complete() {
            bucket.completeMultipart(key, uploadId, etags);
        }

        @Override
        public void abort() {
            bucket.abortMultipart(key, uploadId);
        }
    }
}
