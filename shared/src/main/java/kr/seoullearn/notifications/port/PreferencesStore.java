package kr.seoullearn.notifications.port;

import kr.seoullearn.notifications.domain.NotificationPreferences;
import kr.seoullearn.platform.tenant.TenantId;

/** A person's notification preferences, versioned (a PUT names the version it read). */
public interface PreferencesStore {
    NotificationPreferences find(TenantId tenant, String userId);

    /** Saves when the stored version is {@code chosen.version()}; else 409 version-conflict. */
    NotificationPreferences save(TenantId tenant, String userId, NotificationPreferences chosen);
}
