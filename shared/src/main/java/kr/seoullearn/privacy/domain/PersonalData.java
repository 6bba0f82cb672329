package kr.seoullearn.privacy.domain;

import java.util.List;
import java.util.Map;

/**
 * Every stored item that is about one person, as found by key (docs/data-model.md, "Personal data
 * export"): items are plain maps of their attributes (strings, numbers, booleans, lists, maps) with
 * their {@code PK} and {@code SK}. What the export shows of them, and what it leaves out, is
 * {@link PersonalExport}'s.
 *
 * @param account          the {@code ACCOUNT#<sub>} item, or null
 * @param own              the items of the person's own partition {@code T#<t>#U#<sub>}
 * @param sentReminders    the sent-reminder markers {@code T#<t>#SENT#<sub>}
 * @param sentNotices      the notices' sent markers {@code T#<t>#NSENT#<sub>}
 * @param recordsChecks    the records-check counters {@code T#<t>#RECORDS_CHECKS#U#<sub>}
 * @param aboutThem        the audit entries whose subject is the person {@code T#<t>#AUDIT#SUBJECT#<sub>}
 * @param laptopRequests   the laptop request the person's marker names, each with its trail
 * @param mentorships      the items of each mentorship the person is mentee or mentor of
 * @param waitlistPlaces   provider id → the person's position in its waitlist (1 = next)
 */
public record PersonalData(Map<String, Object> account, List<Map<String, Object>> own, List<Map<String, Object>> sentReminders,
                           List<Map<String, Object>> sentNotices, List<Map<String, Object>> recordsChecks,
                           List<Map<String, Object>> aboutThem, List<LaptopHistory> laptopRequests,
                           List<List<Map<String, Object>>> mentorships, Map<String, Integer> waitlistPlaces) {

    /** A laptop request, its audit trail and, while it waits, its place in the district's queue (or null). */
    public record LaptopHistory(Map<String, Object> request, List<Map<String, Object>> trail, Integer queuePosition) {}

    /** Someone who never chose where they live: only their account. */
    public static PersonalData accountOnly(Map<String, Object> account) {
        return new PersonalData(account, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
    }
}
