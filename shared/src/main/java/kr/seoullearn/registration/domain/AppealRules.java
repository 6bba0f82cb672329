package kr.seoullearn.registration.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An appeal against a rejection (docs/adr/0040): within {@link #WINDOW} of the decision, once, a
 * reason of at most {@link #MAX_REASON} characters; decided by another reviewer, finally.
 */
public final class AppealRules {
    /** How long after a rejection its applicant may appeal it. */
    public static final Duration WINDOW = Duration.ofDays(30);
    public static final int MAX_REASON = 1000;

    private AppealRules() {}

    /** Whether {@code a} may be appealed now (the store's condition decides; this is what the applicant is shown). */
    public static boolean appealable(Application a, Instant now) {
        return a.status() == RegistrationStatus.REJECTED && a.appeal() == null && a.decision() != null
                && "REJECTED".equals(a.decision().outcome()) && !now.isAfter(a.decision().decidedAt().plus(WINDOW));
    }

    /** The appeal as JSON; the reviewers see who it is against and who decided it. */
    public static Map<String, Object> json(Application.Appeal appeal, boolean forReviewer) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("status", appeal.status());
        v.put("reason", appeal.reason());
        v.put("appealedAt", appeal.appealedAt() == null ? null : appeal.appealedAt().toString());
        v.put("decidedAt", appeal.decidedAt() == null ? null : appeal.decidedAt().toString());
        v.put("decisionReason", appeal.decisionReason());
        if (forReviewer) {
            v.put("against", appeal.against());
            v.put("decidedBy", appeal.decidedBy());
        }
        v.values().removeIf(Objects::isNull);
        return v;
    }
}
