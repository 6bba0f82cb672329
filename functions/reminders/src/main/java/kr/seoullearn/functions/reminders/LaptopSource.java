package kr.seoullearn.functions.reminders;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.domain.ReminderKind;

/**
 * The laptop reminders (written by the laptops function's status change, ADR 13): return due 7 days before and on the day
 * while the loan is still LOANED with the same due date (a returned or extended loan sends nothing).
 */
final class LaptopSource implements ReminderSource {
    private final LaptopLedger laptops;

    LaptopSource(LaptopLedger laptops) {
        this.laptops = laptops;
    }

    @Override
    public Optional<Map<String, Object>> content(DueReminder r, Language language) {
        var request = laptops.find(r.tenant(), r.params().getOrDefault("requestId", "")).orElse(null);
        if (request == null || !request.userId().equals(r.recipientId())) {
            return Optional.empty();
        }
        if (r.kind() == ReminderKind.LAPTOP_READY) {
            // retired: the notice written with the change told the learner (docs/adr/0027); one planned before is not sent again
            return Optional.empty();
        }
        String dueOn = r.params().get("dueOn");
        if (request.status() != LaptopStatus.LOANED || request.dueOn() == null || !request.dueOn().toString().equals(dueOn)) {
            return Optional.empty();
        }
        return Optional.of(Map.of("date", LocalDate.parse(dueOn)));
    }
}
