package kr.seoullearn.registration.domain;

import java.time.Instant;
import java.util.Optional;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A person's account, before and beside any tenant: opened when Cognito confirms the sign-up
 * (or by the first API call, if that trigger failed), and given its tenant once, when the person
 * says where they live. The pre-token-generation trigger writes the tenant into every ID token
 * from here (docs/adr/0024-tenant-step-pre-token-claims-and-staff-totp.md).
 */
public record Account(String userId, String username, TenantId tenant, Language language, Instant openedAt) {

    public static Account opened(String userId, String username, Language language, Instant now) {
        return new Account(userId, username, null, language == null ? Language.DEFAULT : language, now);
    }

    public Optional<TenantId> chosenTenant() {
        return Optional.ofNullable(tenant);
    }
}
