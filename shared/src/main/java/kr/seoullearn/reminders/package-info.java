/**
 * Scheduled reminders (docs/product.md, "Reminders"; docs/adr/0013): the kinds, the due items the
 * features write when the state that calls for a reminder is written ({@link ReminderQueue}),
 * per-tenant switches ({@link ReminderSettings}), the recipients ({@link Recipients}), the
 * messages as data in every language ({@link MessageTemplates}) and the delivery port
 * ({@link Notifier}: e-mail now, SMS later). No AWS types here; the adapters are in
 * {@code shared.aws} and in the reminders function.
 */
package kr.seoullearn.reminders;

import kr.seoullearn.reminders.domain.MessageTemplates;
import kr.seoullearn.reminders.domain.ReminderSettings;
import kr.seoullearn.reminders.port.Notifier;
import kr.seoullearn.reminders.port.Recipients;
import kr.seoullearn.reminders.port.ReminderQueue;
