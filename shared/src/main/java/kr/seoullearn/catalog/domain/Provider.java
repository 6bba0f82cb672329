package kr.seoullearn.catalog.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A company that donates lectures: the levels it serves, its names, the link a learner follows
 * to its lectures, and whether it takes learners. A provider that leaves becomes INACTIVE with
 * a grace period: it takes no new enrolments, and learners already enrolled keep access until
 * {@code graceUntil} (inclusive).
 *
 * @param accessUrlTemplate an https URL with the placeholders {@code {tenant}} and
 *                          {@code {learnerRef}} (a pseudonymous reference, never a name)
 */
public record Provider(String id, String nameKo, String nameEn, List<SchoolLevel> levels, String accessUrlTemplate,
                       Status status, LocalDate graceUntil) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,30}");

    public enum Status { ACTIVE, INACTIVE }

    public Provider {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("provider id must match " + ID.pattern());
        }
        Objects.requireNonNull(nameKo, "nameKo");
        Objects.requireNonNull(nameEn, "nameEn");
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a provider serves at least one level");
        }
        if (accessUrlTemplate == null || !accessUrlTemplate.startsWith("https://") || !accessUrlTemplate.contains("{learnerRef}")) {
            throw new IllegalArgumentException("the access URL template must be https and contain {learnerRef}");
        }
        Objects.requireNonNull(status, "status");
        if (status == Status.INACTIVE && graceUntil == null) {
            throw new IllegalArgumentException("an inactive provider needs the end of its grace period");
        }
        if (status == Status.ACTIVE) {
            graceUntil = null;
        }
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public boolean serves(SchoolLevel level) {
        return levels.contains(level);
    }

    /** New enrolments are taken only while the provider is active. */
    public boolean takesNewLearners() {
        return status == Status.ACTIVE;
    }

    /** Whether an enrolled learner may still open the provider's lectures on that day. */
    public boolean accessOpenOn(LocalDate day) {
        return status == Status.ACTIVE || !day.isAfter(graceUntil);
    }

    /** The learner's link to the provider's lectures. */
    public String accessUrl(TenantId tenant, String learnerRef) {
        return accessUrlTemplate
                .replace("{tenant}", URLEncoder.encode(tenant.value(), StandardCharsets.UTF_8))
                .replace("{learnerRef}", URLEncoder.encode(learnerRef, StandardCharsets.UTF_8));
    }

    /** The provider leaves: no new learners; enrolled ones keep access until {@code graceUntil}. */
    public Provider deactivated(LocalDate graceUntil) {
        return new Provider(id, nameKo, nameEn, levels, accessUrlTemplate, Status.INACTIVE, Objects.requireNonNull(graceUntil));
    }
}
