package kr.seoullearn.registration.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * An applicant's registration: the profile they complete, the records check's outcome, what
 * they submitted and the decision. Personal data (name, birth date, guardian) is returned to
 * its owner and to reviewers of the same tenant, and never logged.
 */
public record Application(
        TenantId tenant,
        String userId,
        String username,
        RegistrationStatus status,
        long version,
        String name,
        LocalDate birthDate,
        SchoolLevel schoolLevel,
        Integer grade,
        String district,
        Language language,
        List<String> categories,
        Guardian guardian,
        RecordsCheck recordsCheck,
        String programmeId,
        List<DocumentKind> requiredDocuments,
        Instant createdAt,
        Instant submittedAt,
        Decision decision,
        Appeal appeal) {

    /** Without an appeal (every application until its applicant appeals a rejection). */
    public Application(TenantId tenant, String userId, String username, RegistrationStatus status, long version, String name,
                       LocalDate birthDate, SchoolLevel schoolLevel, Integer grade, String district, Language language,
                       List<String> categories, Guardian guardian, RecordsCheck recordsCheck, String programmeId,
                       List<DocumentKind> requiredDocuments, Instant createdAt, Instant submittedAt, Decision decision) {
        this(tenant, userId, username, status, version, name, birthDate, schoolLevel, grade, district, language, categories,
                guardian, recordsCheck, programmeId, requiredDocuments, createdAt, submittedAt, decision, null);
    }

    /**
     * The applicant's one appeal against a rejection (docs/adr/0040): OPEN until a reviewer other
     * than {@code against} (who rejected) decides it, then UPHELD or APPROVED, final.
     */
    public record Appeal(String status, String reason, Instant appealedAt, String against, String decidedBy, Instant decidedAt,
                         String decisionReason) {
        public static final String OPEN = "OPEN";
        public static final String UPHELD = "UPHELD";
        public static final String APPROVED = "APPROVED";

        public boolean open() {
            return OPEN.equals(status);
        }
    }

    /** A parent or legal guardian who consented for an applicant under 14. */
    public record Guardian(String name, String contact, Instant consentAt) {}

    /**
     * What the administrative records said, and when; never the data sent to ask them.
     * {@code identity} is the keyed hash of the verified identity ({@link IdentityHashes}), kept so
     * that a submission can claim it; {@code note} is what a reviewer should know (a problem code,
     * e.g. {@link #NOTE_IDENTITY_CLAIMED}). Neither is shown to the applicant.
     */
    public record RecordsCheck(RecordsOutcome outcome, Instant checkedAt, List<String> verifiedCategories, String identity,
                               String note) {
        public RecordsCheck(RecordsOutcome outcome, Instant checkedAt, List<String> verifiedCategories) {
            this(outcome, checkedAt, verifiedCategories, null, null);
        }
    }

    /** The records verified a child another account was already approved for this programme year. */
    public static final String NOTE_IDENTITY_CLAIMED = "identity-already-approved";

    public record Decision(String outcome, String reason, String decidedBy, Instant decidedAt) {}

    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    public boolean editable() {
        // a rejection under appeal waits for the appeal's decision; an ended participation may apply again
        return status == RegistrationStatus.DRAFT || status == RegistrationStatus.EXPIRED
                || status == RegistrationStatus.REJECTED && (appeal == null || !appeal.open());
    }
}
