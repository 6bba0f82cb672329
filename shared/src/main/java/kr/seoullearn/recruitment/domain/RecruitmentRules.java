package kr.seoullearn.recruitment.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A tenant's mentor recruitment rules from a date (effective-dated data like the eligibility
 * programmes, docs/adr/0007 and 0014): who may apply (school types, enrolment states, age,
 * last semester's grade), the term a selected mentor serves (from {@code termStartMonth} for
 * {@code termMonths}), when renewal opens, how long a former mentor keeps reading their past
 * sessions, and the standard capacity a new mentor gets.
 */
public record RecruitmentRules(
        TenantId tenant,
        String id,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        Set<String> schoolTypes,
        Set<String> enrolmentStates,
        int maxAge,
        Grade minGrade,
        int termStartMonth,
        int termMonths,
        int renewalWindowDays,
        int notesReadDays,
        int standardCapacity) {

    public static final Set<String> SCHOOL_TYPES = Set.of("UNIVERSITY", "GRADUATE_SCHOOL", "OTHER");
    public static final Set<String> ENROLMENT_STATES = Set.of("ENROLLED", "ON_LEAVE", "GRADUATED", "NOT_ENROLLED");

    public RecruitmentRules {
        schoolTypes = Set.copyOf(schoolTypes);
        enrolmentStates = Set.copyOf(enrolmentStates);
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }

    /** What an applicant says about themselves that the rules judge. */
    public record Facts(String schoolType, String enrolmentState, LocalDate birthDate, Grade lastGrade) {}

    /** The rules an applicant fails on {@code date}, in the order of the form; empty: eligible. */
    public List<RecruitmentRefusal> failures(Facts f, LocalDate date) {
        List<RecruitmentRefusal> failed = new ArrayList<>();
        if (!schoolTypes.contains(f.schoolType()) || !enrolmentStates.contains(f.enrolmentState())) {
            failed.add(RecruitmentRefusal.MENTOR_NOT_ENROLLED);
        }
        if (Period.between(f.birthDate(), date).getYears() > maxAge) {
            failed.add(RecruitmentRefusal.MENTOR_TOO_OLD);
        }
        if (!f.lastGrade().atLeast(minGrade)) {
            failed.add(RecruitmentRefusal.MENTOR_GRADE_TOO_LOW);
        }
        return failed;
    }

    /** The rule a problem stands for, as the API names it. */
    public static String ruleOf(RecruitmentRefusal p) {
        return switch (p) {
            case MENTOR_NOT_ENROLLED -> "enrolment";
            case MENTOR_TOO_OLD -> "max-age";
            case MENTOR_GRADE_TOO_LOW -> "min-grade";
            default -> p.code();
        };
    }

    /**
     * The term of a mentor selected on {@code date}: from the next (or current) term start month
     * — March by default — for {@code termMonths} months, ending the day before the next start.
     * Selected in the middle of a term, they serve its remainder.
     */
    public Term termFor(LocalDate date) {
        LocalDate start = LocalDate.of(date.getYear(), termStartMonth, 1);
        if (start.isAfter(date)) {
            start = start.minusMonths(termMonths);
        }
        if (!start.plusMonths(termMonths).isAfter(date)) {
            start = start.plusMonths(termMonths);
        }
        return new Term(start, start.plusMonths(termMonths).minusDays(1));
    }

    /** The next term after one ending on {@code termEnds}. */
    public Term nextTerm(LocalDate termEnds) {
        LocalDate start = termEnds.plusDays(1);
        return new Term(start, start.plusMonths(termMonths).minusDays(1));
    }

    /** Renewal may be asked from {@code renewalWindowDays} before the term ends to its last day. */
    public boolean renewalOpen(LocalDate termEnds, LocalDate date) {
        return !date.isAfter(termEnds) && !date.isBefore(termEnds.minusDays(renewalWindowDays));
    }

    public record Term(LocalDate start, LocalDate end) {}
}
