package kr.seoullearn.shared.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.shared.registration.DocumentKind;
import kr.seoullearn.shared.tenant.TenantId;

/**
 * An eligibility programme: effective-dated data, not code (PRODUCT.md). The one in force on
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
        Integer quota) {

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
