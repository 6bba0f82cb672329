package kr.seoullearn.local.storage;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import kr.seoullearn.local.aws.LocalAws;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local S3: S3Proxy 4.1.0 in-process on a loopback port, with an in-memory (transient)
 * blob store. Unlike moto it checks SigV4 signatures — also of presigned URLs: a wrong
 * content type, a changed URL or an expired one is refused with 403, as S3 does — so the
 * documents upload is tested against a server that enforces what the URL binds.
 *
 * <p>What S3Proxy lacks and we add: object tagging ({@code ?tagging} and the
 * {@code x-amz-tagging} header), which the bucket's lifecycle rules and GuardDuty's scan
 * results use; see {@link LocalS3Tagging}. CORS allows the web origin to PUT with
 * {@code content-type} and the {@code x-amz-*} headers a presigned upload carries, as the
 * template's bucket rule does. Conditional writes ({@code If-None-Match: *} on PUT, signed into
 * the upload URLs) are S3Proxy's own: 412 PreconditionFailed once the key holds an object, as S3.
 * PutPublicAccessBlock answers 501 here (docs/local-cloud.md); the provisioner does not call it.
 */
public final class LocalS3 implements AutoCloseable {
    private final S3Proxy proxy;
    private final URI endpoint;
    private final String region;

    private LocalS3(S3Proxy proxy, URI endpoint, String region) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.region = region;
    }

    /**
     * Starts S3Proxy on 127.0.0.1:{@code port} (0: any free port), accepting the local
     * credentials ({@link LocalAws#ACCESS_KEY}) and cross-origin PUT/GET from {@code webOrigins}.
     */
    public static LocalS3 start(int port, String region, List<String> webOrigins) throws Exception {
        BlobStore blobs = new TransientNio2BlobStore();
        LocalS3Tagging tagging = new LocalS3Tagging(blobs);
        CrossOriginResourceSharing cors = new CrossOriginResourceSharing(
                webOrigins.stream().map(Pattern::quote).toList(),
                List.of("GET", "HEAD", "PUT"),
                // S3Proxy matches header names exactly (no wildcard as in S3's x-amz-*): the ones a
                // browser sends on a presigned PUT or GET
                List.of("content-type", "if-none-match", "x-amz-tagging", "x-amz-date", "x-amz-content-sha256",
                        "x-amz-server-side-encryption", "x-amz-checksum-crc32", "x-amz-sdk-checksum-algorithm"),
                List.of("etag", "x-amz-request-id", "x-amz-version-id"),
                null);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V4, LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY)
                // x-amz-tagging is signed into presigned PUTs; S3Proxy would refuse the unknown header
                .ignoreUnknownHeaders(true)
                .corsRules(cors)
                .build();
        addFilter(proxy, tagging);
        proxy.start();
        for (int i = 0; i < 100 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(20);
        }
        if (!"STARTED".equals(proxy.getState())) {
            proxy.stop();
            throw new IllegalStateException("S3Proxy did not start on port " + port + " (" + proxy.getState() + ")");
        }
        return new LocalS3(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()), region);
    }

    /** Where the SDK reaches it: the value of {@code AWS_ENDPOINT_URL_S3} for functions. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    /** An S3 client for this endpoint with the local credentials (path-style addressing). */
    public S3Client client() {
        return client(endpoint, region);
    }

    public static S3Client client(URI endpoint, String region) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping is best effort: the JVM is usually ending
        }
    }

    /**
     * S3Proxy builds its Jetty server (shaded) around a servlet context; a servlet filter added
     * before start sees every request first. Reflection because S3Proxy does not expose the
     * server; the filter itself is plain Jakarta Servlet API.
     */
    private static void addFilter(S3Proxy proxy, Filter filter) throws ReflectiveOperationException {
        Field serverField = S3Proxy.class.getDeclaredField("server");
        serverField.setAccessible(true);
        Object handler = serverField.get(proxy);
        for (int depth = 0; depth < 5 && handler != null; depth++) {
            Method addFilter = findMethod(handler.getClass(), "addFilter", Filter.class, String.class, EnumSet.class);
            if (addFilter != null) {
                addFilter.invoke(handler, filter, "/*", EnumSet.of(DispatcherType.REQUEST));
                return;
            }
            Method getHandler = findMethod(handler.getClass(), "getHandler");
            handler = getHandler == null ? null : getHandler.invoke(handler);
        }
        throw new IllegalStateException("S3Proxy's servlet context not found: cannot add object tagging");
    }

    private static Method findMethod(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
