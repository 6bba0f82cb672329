package kr.seoullearn.mentoring.domain;

import java.time.Instant;
import java.util.List;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A learner's request for mentoring, and once a reviewer confirmed a mentor, the mentorship it
 * became. {@code goals} is the learner's own text: shown to them, reviewers and their mentor,
 * never logged.
 */
public record MentoringRequest(
        TenantId tenant,
        String menteeId,
        String menteeName,
        SchoolLevel level,
        List<MentoringSubject> subjects,
        String goals,
        List<Availability.Window> preferredTimes,
        Language language,
        Status status,
        Instant requestedAt,
        String mentorshipId) {

    public enum Status { REQUESTED, MATCHED }

    public MentoringRequest {
        subjects = List.copyOf(subjects);
        preferredTimes = List.copyOf(preferredTimes);
    }
}
