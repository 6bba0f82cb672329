package kr.seoullearn.functions.documents;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.aws.S3Objects;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.port.RecruitmentLedger;

/**
 * The function's beans: the documents bucket (S3's REST API), settings and the malware scanner
 * chosen by MALWARE_SCANNER. Locally, AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL) points the bucket
 * at the local S3 with path-style addressing; in AWS neither is set.
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
    public S3Objects documentsBucket(FunctionEnvironment env, DocumentSettings settings) {
        return S3Objects.of(env, settings.bucket());
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
}
