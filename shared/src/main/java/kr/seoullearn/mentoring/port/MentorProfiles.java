package kr.seoullearn.mentoring.port;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A mentor's own correction of what they offer (docs/adr/0038, "Mentors' corrections"): the
 * subjects, school levels and languages on their mentor item, under the item's
 * {@code profileVersion}. Availability keeps its own route and version; the term, capacity and
 * mentee count are not the mentor's to change.
 */
public interface MentorProfiles {

    /** The mentor as stored and the version a correction must name (0 for an item never corrected). */
    record MentorProfile(Mentor mentor, long version) {}

    /** One consistent GetItem; empty when the person has no mentor item in the tenant. */
    Optional<MentorProfile> profile(TenantId tenant, String mentorId);

    /**
     * Replaces the subjects, levels and languages if the item is still at {@code expectedVersion}
     * (one TransactWriteItems: the item and an audit entry, docs/adr/0031). A concurrent change
     * refuses it with 409 {@code version-conflict} and nothing written; a mentor item gone with 404
     * {@code mentor-not-found}.
     */
    MentorProfile correct(MentorProfile current, long expectedVersion, Set<MentoringSubject> subjects, Set<SchoolLevel> levels,
                          Set<Language> languages, Instant at);
}
