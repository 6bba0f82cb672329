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
        Decision decision) {

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
        return status == RegistrationStatus.DRAFT || status == RegistrationStatus.REJECTED || status == RegistrationStatus.EXPIRED;
    }
}
