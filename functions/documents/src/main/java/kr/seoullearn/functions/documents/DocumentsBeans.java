package kr.seoullearn.functions.documents;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import kr.seoullearn.platform.aws.AwsClients;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.priming.Priming;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The function's beans: S3 client and presigner, settings and the malware scanner chosen by
 * MALWARE_SCANNER. Locally, AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL) points both at the local
 * S3 with path-style addressing; in AWS neither is set.
 */
@Factory
public class DocumentsBeans {

    @Singleton
    public DocumentSettings settings(FunctionEnvironment env) {
        return new DocumentSettings(env.required("DOCUMENTS_BUCKET"),
                DocumentSettings.seconds("UPLOAD_URL_TTL_SECONDS", env.optional("UPLOAD_URL_TTL_SECONDS", "600")),
                DocumentSettings.seconds("READ_URL_TTL_SECONDS", env.optional("READ_URL_TTL_SECONDS", "300")));
    }

    @Singleton
    public S3Client s3(FunctionEnvironment env) {
        Priming.sdkClient(S3Client.class); // SnapStart priming (docs/adr/0018)
        var builder = S3Client.builder()
                .region(Region.of(env.region()))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(AwsClients.httpClient());
        URI endpoint = endpoint(env);
        if (endpoint != null) {
            builder.endpointOverride(endpoint).forcePathStyle(true);
        }
        return builder.build();
    }

    @Singleton
    public S3Presigner presigner(FunctionEnvironment env) {
        var builder = S3Presigner.builder()
                .region(Region.of(env.region()))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        URI endpoint = endpoint(env);
        if (endpoint != null) {
            builder.endpointOverride(endpoint)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }

    @Singleton
    public MalwareScanner malwareScanner(FunctionEnvironment env, DocumentStorage storage) {
        String scanner = env.required("MALWARE_SCANNER");
        return switch (scanner) {
            case "guardduty" -> new GuardDutyTagScanner(storage);
            case "local-eicar" -> new EicarScanner(storage);
            default -> throw new IllegalStateException("MALWARE_SCANNER must be guardduty or local-eicar, not " + scanner);
        };
    }

    /** Mentor applications under review, from recruitment's ledger (one Query of the person's partition). */
    @Singleton
    public MentorApplications mentorApplications(RecruitmentLedger ledger) {
        return (tenant, userId, documentId) -> ledger.applicationsOf(tenant, userId).stream()
                .anyMatch(a -> a.status() == MentorApplication.Status.SUBMITTED
                        && (documentId.equals(a.enrolmentDocumentId()) || documentId.equals(a.transcriptDocumentId())));
    }

    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** The service-specific variable first, as the SDK reads them; null in AWS. */
    static URI endpoint(FunctionEnvironment env) {
        String url = env.optional("AWS_ENDPOINT_URL_S3", env.optional("AWS_ENDPOINT_URL", null));
        return url == null ? null : URI.create(url);
    }
}
