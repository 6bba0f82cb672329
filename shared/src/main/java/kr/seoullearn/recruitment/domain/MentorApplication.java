package kr.seoullearn.recruitment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;

/** A student's application to mentor in a round, with its reviewers' scores and the decision. */
public record MentorApplication(
        TenantId tenant,
        String roundId,
        String userId,
        String username,
        String name,
        String university,
        String programme,
        int year,
        String schoolType,
        String enrolmentState,
        LocalDate birthDate,
        Grade lastGrade,
        Set<MentoringSubject> subjects,
        Set<SchoolLevel> levels,
        Set<Language> languages,
        List<Availability.Window> availability,
        int commitmentSemesters,
        String mode,
        String statement,
        boolean formerLearner,
        boolean educationMajor,
        String enrolmentDocumentId,
        String transcriptDocumentId,
        Status status,
        Map<String, Integer> scores,
        String scoredBy,
        String decidedBy,
        Instant decidedAt,
        String reason,
        Instant submittedAt,
        long version,
        /** Came through a partner university's nomination (docs/adr/0042): the reviewers' list shows it and puts it first. */
        boolean nominated) {

    public enum Status { SUBMITTED, SELECTED, REJECTED }

    public static final Set<String> MODES = Set.of("ONLINE", "OFFLINE", "BOTH");

    public MentorApplication {
        subjects = Set.copyOf(subjects);
        levels = Set.copyOf(levels);
        languages = Set.copyOf(languages);
        availability = List.copyOf(availability);
        scores = Map.copyOf(scores);
    }

    /** An application that came without a nomination. */
    public MentorApplication(TenantId tenant, String roundId, String userId, String username, String name, String university,
                             String programme, int year, String schoolType, String enrolmentState, LocalDate birthDate, Grade lastGrade,
                             Set<MentoringSubject> subjects, Set<SchoolLevel> levels, Set<Language> languages,
                             List<Availability.Window> availability, int commitmentSemesters, String mode, String statement,
                             boolean formerLearner, boolean educationMajor, String enrolmentDocumentId, String transcriptDocumentId,
                             Status status, Map<String, Integer> scores, String scoredBy, String decidedBy, Instant decidedAt,
                             String reason, Instant submittedAt, long version) {
        this(tenant, roundId, userId, username, name, university, programme, year, schoolType, enrolmentState, birthDate, lastGrade,
                subjects, levels, languages, availability, commitmentSemesters, mode, statement, formerLearner, educationMajor,
                enrolmentDocumentId, transcriptDocumentId, status, scores, scoredBy, decidedBy, decidedAt, reason, submittedAt, version,
                false);
    }

    public int total() {
        return scores.values().stream().mapToInt(Integer::intValue).sum();
    }

    public RecruitmentRules.Facts facts() {
        return new RecruitmentRules.Facts(schoolType, enrolmentState, birthDate, lastGrade);
    }
}
