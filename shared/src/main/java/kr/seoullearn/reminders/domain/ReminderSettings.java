package kr.seoullearn.reminders.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A tenant's reminder switches (tenant configuration as data: {@code T#<tenant>#CONFIG / REMINDERS}).
 * Every kind is on unless the tenant switched it off.
 */
public record ReminderSettings(Set<ReminderKind> off, long version) {

    public static final ReminderSettings DEFAULT = new ReminderSettings(Set.of(), 0);

    public ReminderSettings {
        off = off.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(off));
    }

    public boolean enabled(ReminderKind kind) {
        return !off.contains(kind);
    }
}
