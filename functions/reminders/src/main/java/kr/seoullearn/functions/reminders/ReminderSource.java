package kr.seoullearn.functions.reminders;

import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.reminders.domain.DueReminder;

/**
 * How a reminder kind plugs in: when one of its reminders is due, whether it still applies
 * (documents still missing, session not cancelled…) and, if so, the values of its message
 * in the recipient's language. Empty: it no longer applies and is dropped unsent.
 */
interface ReminderSource {
    Optional<Map<String, Object>> content(DueReminder reminder, Language language);
}
