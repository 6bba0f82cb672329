package kr.seoullearn.mentoring.port;

import java.time.Instant;
import java.time.LocalDate;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The daily step that tells a mentor their term is ending (docs/adr/0027): a recruited mentor whose
 * term ({@code termEnds}, written by recruitment's selection and moved by an approved renewal) ends
 * within {@link #DAYS_BEFORE} days of the Seoul day {@code today} gets one "term ending" notice per
 * term end: the step records the term end it told of on the mentor's item in the same transaction
 * as the notice, so a repeated run writes nothing, and a renewed term (a new end) is told again
 * before it ends.
 */
public interface TermEndNotices {
    /** Told this many days before the last day of the term (two weeks: time to apply for renewal). */
    int DAYS_BEFORE = 14;

    /** How a run went for one tenant: mentors whose term ends soon, notices written now, mentors already told of that end. */
    record Outcome(int ending, int told, int alreadyTold) {}

    /** {@code at}: the notice's time (the run's scheduled time, so a repeated run writes the same notice). */
    Outcome tell(TenantId tenant, LocalDate today, Instant at);
}
