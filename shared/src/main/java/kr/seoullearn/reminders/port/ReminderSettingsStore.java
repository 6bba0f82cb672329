package kr.seoullearn.reminders.port;

import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.domain.ReminderSettings;

import java.util.Set;
import kr.seoullearn.platform.tenant.TenantId;

/** Where tenants' reminder switches are kept. */
public interface ReminderSettingsStore {

    /** The tenant's switches ({@link ReminderSettings#DEFAULT} when never changed). */
    ReminderSettings find(TenantId tenant);

    /** Saves the set of kinds switched off, if the settings are still at {@code expectedVersion}; returns the new settings. */
    ReminderSettings save(TenantId tenant, Set<ReminderKind> off, long expectedVersion);

    /**
     * An admin ({@code by}) saves the switches: the change and its audit entry (before → after)
     * in one transaction. A store without an audit trail (a test's) saves them as above.
     */
    default ReminderSettings save(TenantId tenant, Set<ReminderKind> off, long expectedVersion, String by, java.time.Instant at) {
        return save(tenant, off, expectedVersion);
    }
}
