package kr.seoullearn.privacy.domain;

import java.time.Instant;

/**
 * The privacy notice the registration shows (docs/adr/0037): its current version, and a person's
 * acceptance of it — by themselves, or for a child under 14 by their legal guardian (Korea's
 * Personal Information Protection Act, art. 22-2). A new wording is a new version; the
 * registration refuses a submission that accepted another one.
 */
public final class PrivacyNotice {
    /** The version the web app shows and a submission must name. */
    public static final String CURRENT = "2026-12-01";

    private PrivacyNotice() {}

    /** Who accepted it. */
    public enum AcceptedBy { SELF, GUARDIAN }

    /**
     * One acceptance: of which notice version, when, by whom (for a guardian, the name the
     * application gives for them, shown back in the person's own export).
     */
    public record Acceptance(String version, Instant acceptedAt, AcceptedBy by, String guardianName) {
        public Acceptance {
            if (version == null || version.isBlank() || acceptedAt == null || by == null) {
                throw new IllegalArgumentException("an acceptance names a version, a time and who accepted");
            }
        }
    }
}
