package kr.seoullearn.shared.profile;

import java.time.Instant;
import kr.seoullearn.shared.http.Language;
import kr.seoullearn.shared.tenant.TenantId;

/**
 * A person's record in one tenant. The display name is personal data: it is returned to its
 * owner and never logged.
 */
public record Profile(
        TenantId tenant,
        String userId,
        RegistrationStatus status,
        String displayName,
        Language preferredLanguage,
        Instant createdAt,
        long version) {

    public static Profile newDraft(TenantId tenant, String userId, Language language, Instant now) {
        return new Profile(tenant, userId, RegistrationStatus.DRAFT, null, language, now, 1);
    }
}
