/**
 * Scheduled reminders (docs/product.md, "Reminders"; docs/adr/0013): the kinds, the due items the
 * features write when the state that calls for a reminder is written ({@link ReminderQueue}),
 * per-tenant switches ({@link ReminderSettings}), the recipients ({@link Recipients}), the
 * messages as data in every language ({@link MessageTemplates}) and the delivery port
 * ({@link Notifier}: e-mail now, SMS later). No AWS types in domain/ and port/; the DynamoDB adapters
 * are in dynamo/ (wired by RemindersStorage), the e-mail and Cognito ones in the reminders function.
 */
package kr.seoullearn.reminders;

import kr.seoullearn.reminders.domain.MessageTemplates;
import kr.seoullearn.reminders.domain.ReminderSettings;
import kr.seoullearn.reminders.port.Notifier;
import kr.seoullearn.reminders.port.Recipients;
import kr.seoullearn.reminders.port.ReminderQueue;
