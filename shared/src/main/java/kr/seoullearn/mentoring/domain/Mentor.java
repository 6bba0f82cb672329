package kr.seoullearn.mentoring.domain;

import java.time.LocalDate;
import java.util.Set;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A university student mentoring in a tenant: what they offer, the mentees they take
 * ({@code capacity}, at most the rules' maximum) and have ({@code mentees}, a counter kept by
 * the matching transaction), and their availability. A recruited mentor has a term
 * ({@code termEnds}, the last day they may get new mentees) and keeps read access to their past
 * sessions until {@code readUntil}; seeded mentors have neither (null: no end).
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
        Availability availability,
        LocalDate termEnds,
        LocalDate readUntil) {

    /** A mentor without a term (seed data, tests written before recruitment). */
    public Mentor(TenantId tenant, String userId, String name, String university, Set<MentoringSubject> subjects,
                  Set<SchoolLevel> levels, Set<Language> languages, int capacity, int mentees, Availability availability) {
        this(tenant, userId, name, university, subjects, levels, languages, capacity, mentees, availability, null, null);
    }

    /** Whether the term is over on this (Seoul) date: no new mentees from the day after {@code termEnds}. */
    public boolean termEndedOn(LocalDate date) {
        return termEnds != null && date.isAfter(termEnds);
    }

    /** Whether the mentor may still read their past sessions on this date. */
    public boolean mayReadOn(LocalDate date) {
        return readUntil == null || !date.isAfter(readUntil);
    }

    public Mentor {
        subjects = Set.copyOf(subjects);
        levels = Set.copyOf(levels);
        languages = Set.copyOf(languages);
    }
}
