package kr.seoullearn.mentoring.port;

import java.time.LocalDate;
import java.util.Optional;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.http.Refusal;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * How recruitment makes and keeps mentors (docs/adr/0014): the mentor's profile and term are
 * written inside recruitment's own transactions (a selection, an approved renewal), so a person
 * is a mentor exactly when their application is SELECTED; and the term, read back.
 */
public interface MentorOnboarding {

    /** A mentor's name and term; {@code termEnds} and {@code readUntil} are null for a mentor without a term (seed data). */
    record MentorTerm(String mentorId, String name, LocalDate termEnds, LocalDate readUntil) {

        /** Whether the term is over on this (Seoul) date: no new mentees from the day after {@code termEnds}. */
        public boolean endedOn(LocalDate date) {
            return termEnds != null && date.isAfter(termEnds);
        }
    }

    /** The person's name and term if they are a mentor of the tenant (one GetItem). */
    Optional<MentorTerm> term(TenantId tenant, String mentorId);

    /**
     * Adds to {@code tx} the write of the mentor's profile (what matching reads) with their term
     * from {@code termStarts} to {@code mentor.termEnds()}; availability and mentee count are
     * kept if they are a mentor already.
     */
    void onboard(Transaction tx, Mentor mentor, LocalDate termStarts);

    /**
     * Adds to {@code tx} the move of the mentor's term end and read access, on condition that
     * the term still ends on {@code termEnds}; otherwise the transaction is refused with {@code ifMoved}.
     */
    void extendTerm(Transaction tx, TenantId tenant, String mentorId, LocalDate termEnds, LocalDate newTermEnds,
                    LocalDate newReadUntil, Refusal ifMoved);
}
