package kr.seoullearn.shared.mentoring;

import java.util.Set;
import kr.seoullearn.shared.http.Language;
import kr.seoullearn.shared.programme.SchoolLevel;
import kr.seoullearn.shared.tenant.TenantId;

/**
 * A university student mentoring in a tenant: what they offer, the mentees they take
 * ({@code capacity}, at most the rules' maximum) and have ({@code mentees}, a counter kept by
 * the matching transaction), and their availability.
 */
public record Mentor(
        TenantId tenant,
        String userId,
        String name,
        String university,
        Set<MentoringSubject> subjects,
        Set<SchoolLevel> levels,
        Set<Language> languages,
        int capacity,
        int mentees,
        Availability availability) {

    public Mentor {
        subjects = Set.copyOf(subjects);
        levels = Set.copyOf(levels);
        languages = Set.copyOf(languages);
    }
}
