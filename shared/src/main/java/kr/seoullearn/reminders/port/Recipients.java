package kr.seoullearn.reminders.port;

import java.util.List;
import java.util.Optional;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.tenant.TenantId;

/** Who gets a reminder: address and preferred language, looked up when it is sent (never stored with it). */
public interface Recipients {

    /** The person's address and language in the tenant; empty if unknown or without an address. */
    Optional<Recipient> find(TenantId tenant, String userId);

    /** The ids of the tenant's reviewers (the review team). */
    List<String> reviewers(TenantId tenant);

    /**
     * Personal data: never logged. {@code emailVerified}: the person proved the address is theirs
     * (Cognito's {@code email_verified}); nothing is sent to an address that is not (docs/adr/0023).
     */
    record Recipient(String userId, String email, Language language, boolean emailVerified) {}
}
