package kr.seoullearn.registration.domain;

import kr.seoullearn.platform.school.SchoolLevel;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * An eligibility programme: effective-dated data, not code (docs/product.md). The one in force on
 * the application date applies. {@code quota} is null for a programme without a fixed number
 * of places.
 */
public record EligibilityProgramme(
        TenantId tenant,
        String id,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        Map<String, String> name,
        List<Category> categories,
        int incomeLinePercent,
        int minAge,
        int maxAge,
        Set<SchoolLevel> schoolLevels,
        int pickLimit,
        Integer quota,
        Inactivity inactivity,
        LaptopLoan laptopLoan) {

    /** A programme whose laptop loans follow the default terms (no {@code laptopLoan} in its data). */
    public EligibilityProgramme(TenantId tenant, String id, LocalDate effectiveFrom, LocalDate effectiveUntil,
                                Map<String, String> name, List<Category> categories, int incomeLinePercent, int minAge,
                                int maxAge, Set<SchoolLevel> schoolLevels, int pickLimit, Integer quota, Inactivity inactivity) {
        this(tenant, id, effectiveFrom, effectiveUntil, name, categories, incomeLinePercent, minAge, maxAge, schoolLevels,
                pickLimit, quota, inactivity, null);
    }

    /** A programme without inactivity reclaim (the default). */
    public EligibilityProgramme(TenantId tenant, String id, LocalDate effectiveFrom, LocalDate effectiveUntil,
                                Map<String, String> name, List<Category> categories, int incomeLinePercent, int minAge,
                                int maxAge, Set<SchoolLevel> schoolLevels, int pickLimit, Integer quota) {
        this(tenant, id, effectiveFrom, effectiveUntil, name, categories, incomeLinePercent, minAge, maxAge, schoolLevels,
                pickLimit, quota, null, null);
    }

    /**
     * Laptop loans under this programme: {@code loanDays} from pickup, and at most
     * {@code maxExtensionDays} more over the loan's life, on the learner's request and an
     * officer's decision. Null: the laptops context's default terms.
     */
    public record LaptopLoan(int loanDays, int maxExtensionDays) {
        public LaptopLoan {
            if (loanDays < 1 || loanDays > 1_095 || maxExtensionDays < 0 || maxExtensionDays > 365) {
                throw new IllegalArgumentException("laptopLoan: loanDays 1-1095, maxExtensionDays 0-365");
            }
        }
    }

    /**
     * Inactivity reclaim (docs/product.md, "Catalogue and provider access"; off when null): a learner
     * whose provider reports no activity for {@code afterDays} days is reminded, again
     * {@code reminderIntervalDays} later, and loses the seat to the next in line
     * {@code reminderIntervalDays} after the second reminder, unless activity arrives meanwhile.
     */
    public record Inactivity(int afterDays, int reminderIntervalDays) {
        public static final int REMINDERS = 2;

        public Inactivity {
            if (afterDays < 1 || afterDays > 365 || reminderIntervalDays < 1 || reminderIntervalDays > 90) {
                throw new IllegalArgumentException("inactivity: afterDays 1-365, reminderIntervalDays 1-90");
            }
        }
    }

    /**
     * A category of applicants: whether administrative records can decide it, and the
     * documents it needs when they cannot.
     */
    public record Category(String code, boolean recordsCanDecide, List<DocumentKind> requiredDocuments) {}

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }

    public java.util.Optional<Category> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public boolean hasQuota() {
        return quota != null;
    }
}
