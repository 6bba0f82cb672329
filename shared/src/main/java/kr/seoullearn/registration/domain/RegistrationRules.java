package kr.seoullearn.registration.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.school.SchoolLevel;

/** The rules of registration (docs/product.md, "Eligibility and registration"), in plain Java. */
public final class RegistrationRules {
    /** Under this age a legal guardian's recorded consent is required (Personal Information Protection Act). */
    public static final int GUARDIAN_CONSENT_BELOW_AGE = 14;
    /**
     * How many times one account may submit (the first submission and resubmissions after a
     * rejection): a rejection gives a quota place back, so without a limit one account could hold
     * a place again and again with junk (docs/adr/0021).
     */
    public static final int MAX_SUBMISSIONS = 3;
    /** Records checks an account, and a claimed child, may make in one Seoul day (docs/adr/0021). */
    public static final int RECORDS_CHECKS_PER_DAY = 5;

    private RegistrationRules() {}

    /** The application with the applicant's new answers; the guardian's consent time is the server's clock. */
    public static Application withProfile(Application current, ProfileInput in, Instant now) {
        Application.Guardian guardian = current.guardian();
        if (in.guardian() != null) {
            Instant consentAt = in.guardian().consent()
                    ? (guardian != null && guardian.consentAt() != null ? guardian.consentAt() : now)
                    : null;
            guardian = new Application.Guardian(in.guardian().name(), in.guardian().contact(), consentAt);
        }
        // A changed identity or set of categories makes an earlier records check meaningless.
        boolean identityChanged = (in.name() != null && !in.name().equals(current.name()))
                || (in.birthDate() != null && !in.birthDate().equals(current.birthDate()))
                || (in.categories() != null && !in.categories().equals(current.categories()));
        SchoolLevel level = in.schoolLevel() != null ? in.schoolLevel() : current.schoolLevel();
        Integer grade = in.grade() != null ? in.grade() : current.grade();
        if (level != null && grade != null && grade > level.grades()) {
            grade = null; // a level without grades (or fewer): an old grade no longer applies
        }
        return new Application(current.tenant(), current.userId(), current.username(), current.status(), current.version(),
                in.name() != null ? in.name() : current.name(),
                in.birthDate() != null ? in.birthDate() : current.birthDate(),
                level,
                grade,
                in.district() != null ? in.district() : current.district(),
                in.language() != null ? in.language() : current.language(),
                in.categories() != null ? in.categories() : current.categories(),
                guardian,
                identityChanged ? null : current.recordsCheck(),
                current.programmeId(), current.requiredDocuments(), current.createdAt(), current.submittedAt(),
                current.decision());
    }

    /** Whether a guardian must consent, on the date of application. */
    public static boolean needsGuardian(Application a, LocalDate today) {
        return a.birthDate() != null && a.ageOn(today) < GUARDIAN_CONSENT_BELOW_AGE;
    }

    /** The documents the categories need, given what the records verified. */
    public static List<DocumentKind> requiredDocuments(Application a, EligibilityProgramme programme) {
        Set<DocumentKind> required = new LinkedHashSet<>();
        List<String> verified = a.recordsCheck() == null ? List.of() : a.recordsCheck().verifiedCategories();
        for (String code : a.categories()) {
            programme.category(code).ifPresent(c -> {
                if (!(c.recordsCanDecide() && verified.contains(code))) {
                    required.addAll(c.requiredDocuments());
                }
            });
        }
        return List.copyOf(required);
    }

    /** What a submission needs: throws the first reason it cannot be submitted. */
    public static Assessment assess(Application a, EligibilityProgramme programme, LocalDate today) {
        if (!a.editable()) {
            throw new ProblemException(RegistrationRefusal.APPLICATION_NOT_EDITABLE);
        }
        List<String> missing = new ArrayList<>();
        if (a.name() == null) {
            missing.add("name");
        }
        if (a.birthDate() == null) {
            missing.add("birthDate");
        }
        if (a.schoolLevel() == null) {
            missing.add("schoolLevel");
        } else if (a.schoolLevel().grades() > 0 && a.grade() == null) {
            missing.add("grade");
        }
        if (a.district() == null) {
            missing.add("district");
        }
        if (a.language() == null) {
            missing.add("preferredLanguage");
        }
        if (a.categories() == null || a.categories().isEmpty()) {
            missing.add("categories");
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(RegistrationRefusal.APPLICATION_INCOMPLETE, Map.of("missing", missing));
        }
        if (needsGuardian(a, today)) {
            Application.Guardian g = a.guardian();
            if (g == null || g.name() == null || g.contact() == null || g.consentAt() == null) {
                throw new ProblemException(RegistrationRefusal.GUARDIAN_CONSENT_REQUIRED);
            }
        }
        List<String> reasons = new ArrayList<>();
        int age = a.ageOn(today);
        if (age < programme.minAge() || age > programme.maxAge()) {
            reasons.add("age");
        }
        if (!programme.schoolLevels().contains(a.schoolLevel())) {
            reasons.add("school-level");
        }
        for (String code : a.categories()) {
            if (programme.category(code).isEmpty()) {
                reasons.add("category:" + code);
            }
        }
        if (!reasons.isEmpty()) {
            throw new ProblemException(RegistrationRefusal.NOT_ELIGIBLE, Map.of("reasons", reasons));
        }
        List<DocumentKind> required = requiredDocuments(a, programme);
        return new Assessment(required, required.isEmpty() && a.recordsCheck() != null
                && a.recordsCheck().outcome() == RecordsOutcome.VERIFIED
                && a.recordsCheck().verifiedCategories().containsAll(a.categories()));
    }

    /**
     * @param requiredDocuments what the applicant must still upload for a reviewer to decide
     * @param approvedByRecords true when the records verified every category: approved at once
     */
    public record Assessment(List<DocumentKind> requiredDocuments, boolean approvedByRecords) {}
}
