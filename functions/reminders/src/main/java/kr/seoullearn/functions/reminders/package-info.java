/**
 * The reminders function (ADR 13): a scheduled run reads the reminders due since its
 * look-back from the hourly buckets, checks with each kind's {@link kr.seoullearn.functions.reminders.ReminderSource}
 * that it still applies, claims it (the sent marker) and sends it by e-mail in the recipient's language.
 */
package kr.seoullearn.functions.reminders;
