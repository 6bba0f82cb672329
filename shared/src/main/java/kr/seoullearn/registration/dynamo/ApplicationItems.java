package kr.seoullearn.registration.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.DocumentStatus;
import kr.seoullearn.registration.domain.RecordsOutcome;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.port.ApplicationStore.DocumentSummary;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Applications and their documents as read from their items. */
final class ApplicationItems {
    private ApplicationItems() {}

    /** An application from its profile item. */
    static Application application(TenantId tenant, Map<String, AttributeValue> item) {
        Application.Guardian guardian = item.containsKey("guardianName") || item.containsKey("guardianContact")
                ? new Application.Guardian(s(item, "guardianName"), s(item, "guardianContact"),
                        instant(item, "guardianConsentAt"))
                : null;
        Application.RecordsCheck check = item.containsKey("recordsOutcome")
                ? new Application.RecordsCheck(RecordsOutcome.valueOf(s(item, "recordsOutcome")),
                        Instant.parse(s(item, "recordsCheckedAt")), strings(item, "recordsVerified"),
                        s(item, "recordsIdentity"), s(item, "recordsNote"))
                : null;
        Application.Decision decision = item.containsKey("decisionOutcome")
                ? new Application.Decision(s(item, "decisionOutcome"), s(item, "decisionReason"), s(item, "decidedBy"),
                        Instant.parse(s(item, "decidedAt")))
                : null;
        List<DocumentKind> required = item.containsKey("requiredDocuments")
                ? strings(item, "requiredDocuments").stream().map(DocumentKind::valueOf).toList() : null;
        return new Application(tenant, s(item, "userId"), s(item, "username"),
                RegistrationStatus.valueOf(s(item, "status")),
                Long.parseLong(item.get("version").n()),
                s(item, "displayName"),
                item.containsKey("birthDate") ? LocalDate.parse(s(item, "birthDate")) : null,
                item.containsKey("schoolLevel") ? SchoolLevel.valueOf(s(item, "schoolLevel")) : null,
                item.containsKey("grade") ? Integer.valueOf(item.get("grade").n()) : null,
                s(item, "district"),
                item.containsKey("language") ? Language.fromTag(s(item, "language")) : null,
                item.containsKey("categories") ? strings(item, "categories") : List.of(),
                guardian, check, s(item, "programmeId"), required,
                instant(item, "createdAt"),
                instant(item, "submittedAt"),
                decision,
                item.containsKey("appealStatus") ? new Application.Appeal(s(item, "appealStatus"), s(item, "appealReason"),
                        instant(item, "appealedAt"), s(item, "appealAgainst"), s(item, "appealDecidedBy"),
                        instant(item, "appealDecidedAt"), s(item, "appealDecisionReason")) : null);
    }

    /** A document as its application lists it. */
    static DocumentSummary document(Map<String, AttributeValue> item) {
        return new DocumentSummary(s(item, "documentId"),
                DocumentKind.parse(s(item, "kind")).orElse(null),
                item.containsKey("status") ? DocumentStatus.valueOf(s(item, "status")) : DocumentStatus.AWAITING_UPLOAD,
                s(item, "reason"), s(item, "s3Key"), s(item, "s3VersionId"), s(item, "contentType"));
    }

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.parse(s(item, name)) : null;
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }

    static AttributeValue str(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue num(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
