package kr.seoullearn.mentoring.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Proposes mentors for a request, best first: only mentors who teach the learner's level and
 * have a free place (below the rules' maximum); then shared subjects, the learner's language,
 * overlap of the mentor's weekly availability with the learner's preferred times, and free
 * capacity (below the mentor's own standard capacity first). A reviewer confirms one. Mentors
 * whose term has ended on {@code today} are never proposed (recruitment, docs/adr/0014).
 */
public final class Matching {
    static final int SUBJECT_POINTS = 3;
    static final int LANGUAGE_POINTS = 4;
    static final int UNDER_STANDARD_POINTS = 2;
    /** Overlap counts up to this many half hours a week (a learner needs a few good times, not all of them). */
    static final int OVERLAP_CAP = 8;

    private Matching() {}

    public record Proposal(Mentor mentor, int score, int sharedSubjects, boolean speaksLanguage, int overlapHalfHours,
                           int freePlaces) {}

    public static List<Proposal> propose(MentoringRequest request, List<Mentor> mentors, MentoringRules rules, int limit) {
        return propose(request, mentors, rules, limit, null);
    }

    /** As above, leaving out mentors whose term ended before {@code today} (null: no term check). */
    public static List<Proposal> propose(MentoringRequest request, List<Mentor> mentors, MentoringRules rules, int limit,
                                         LocalDate today) {
        List<Proposal> proposals = new ArrayList<>();
        for (Mentor m : mentors) {
            if (!m.levels().contains(request.level()) || m.mentees() >= rules.mentorMaxCapacity()
                    || (today != null && m.termEndedOn(today))) {
                continue;
            }
            int shared = (int) request.subjects().stream().filter(m.subjects()::contains).count();
            boolean language = m.languages().contains(request.language());
            int overlap = overlapHalfHours(m.availability().weekly(), request.preferredTimes());
            int standard = Math.min(m.capacity(), rules.mentorStandardCapacity());
            int score = SUBJECT_POINTS * shared + (language ? LANGUAGE_POINTS : 0) + Math.min(overlap, OVERLAP_CAP) / 2
                    + (m.mentees() < standard ? UNDER_STANDARD_POINTS : 0);
            proposals.add(new Proposal(m, score, shared, language, overlap, rules.mentorMaxCapacity() - m.mentees()));
        }
        proposals.sort(Comparator.comparingInt(Proposal::score).reversed()
                .thenComparingInt(p -> p.mentor().mentees())
                .thenComparing(p -> p.mentor().userId()));
        return proposals.size() > limit ? List.copyOf(proposals.subList(0, limit)) : List.copyOf(proposals);
    }

    /** Half hours a week in both the mentor's windows and the learner's preferred ones. */
    static int overlapHalfHours(List<Availability.Window> mentor, List<Availability.Window> preferred) {
        int halfHours = 0;
        for (Availability.Window a : mentor) {
            for (Availability.Window b : preferred) {
                if (a.day() != b.day()) {
                    continue;
                }
                LocalTime from = a.from().isAfter(b.from()) ? a.from() : b.from();
                LocalTime to = a.to().isBefore(b.to()) ? a.to() : b.to();
                if (from.isBefore(to)) {
                    halfHours += (to.toSecondOfDay() - from.toSecondOfDay()) / (60 * BookingRules.UNIT_MINUTES);
                }
            }
        }
        return halfHours;
    }
}
