package kr.seoullearn.registration.domain;

import java.time.Instant;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A person's record in one tenant. The display name is personal data: it is returned to its
 * owner and never logged.
 */
public record Profile(
        TenantId tenant,
        String userId,
        String username,
        RegistrationStatus status,
        String displayName,
        Language preferredLanguage,
        Instant createdAt,
        long version) {

    /** A new DRAFT; {@code username} is the Cognito user name the admin APIs need (not always the sub). */
    public static Profile newDraft(TenantId tenant, String userId, String username, Language language, Instant now) {
        return new Profile(tenant, userId, username, RegistrationStatus.DRAFT, null, language, now, 1);
    }
}
