package kr.seoullearn.privacy.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mentorship in the caller's export, from the items of its partition (the mentorship, its
 * sessions, week counters, extension and history). The mentee sees the mentor's name, as the
 * product shows it on the mentor's card; the mentor sees nothing of the mentee — no id, no name,
 * no attendance notes or staff reasons, which are about the learner — only times and statuses.
 */
final class MentorshipView {
    private static final Set<String> OTHER_SIDE_OF_MENTEE = Set.of("mentorId", "fromMentorId", "toMentorId", "menteeId");
    private static final Set<String> OTHER_SIDE_OF_MENTOR = Set.of("menteeId", "menteeName", "fromMentorId", "toMentorId", "note",
            "reason", "endReason", "goals");

    private MentorshipView() {}

    /** The view, or null when the person is neither side of it (read between a change and the export). */
    static Map<String, Object> of(List<Map<String, Object>> items, String me) {
        Map<String, Object> mentorship = items.stream().filter(i -> "MENTORSHIP".equals(i.get("SK"))).findFirst().orElse(null);
        if (mentorship == null) {
            return null;
        }
        boolean mentee = me.equals(mentorship.get("menteeId"));
        boolean mentor = me.equals(mentorship.get("mentorId"));
        if (!mentee && !mentor) {
            return formerMentor(mentorship, items, me);
        }
        Set<String> drop = mentee ? OTHER_SIDE_OF_MENTEE : OTHER_SIDE_OF_MENTOR;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("role", mentee ? "MENTEE" : "MENTOR");
        view.putAll(PersonalExport.clean(mentorship, me, drop));
        List<Map<String, Object>> sessions = new ArrayList<>();
        List<Map<String, Object>> weeks = new ArrayList<>();
        List<Map<String, Object>> history = new ArrayList<>();
        Map<String, Object> extension = null;
        for (Map<String, Object> item : items.stream().sorted(Comparator.comparing(i -> String.valueOf(i.get("SK")))).toList()) {
            String sk = String.valueOf(item.get("SK"));
            if (sk.startsWith("SESSION#")) {
                sessions.add(PersonalExport.clean(item, me, drop));
            } else if (sk.startsWith("WEEK#")) {
                weeks.add(PersonalExport.clean(item, me, drop));
            } else if (sk.startsWith("HISTORY#")) {
                history.add(PersonalExport.clean(item, me, drop));
            } else if (sk.equals("EXTENSION")) {
                extension = PersonalExport.clean(item, me, drop);
            }
        }
        view.put("sessions", sessions);
        view.put("weeks", weeks);
        view.put("extension", extension);
        view.put("history", history);
        return view;
    }

    /**
     * A mentor the mentorship was reassigned away from: the sessions they held (theirs), the
     * mentorship's own dates and status, and nothing of the mentee or of the mentor after them.
     * Null when they held none (then it is not about them).
     */
    private static Map<String, Object> formerMentor(Map<String, Object> mentorship, List<Map<String, Object>> items, String me) {
        List<Map<String, Object>> held = items.stream()
                .filter(i -> String.valueOf(i.get("SK")).startsWith("SESSION#") && me.equals(i.get("mentorId")))
                .sorted(Comparator.comparing(i -> String.valueOf(i.get("SK"))))
                .map(i -> PersonalExport.clean(i, me, FORMER_MENTOR_DROPS)).toList();
        if (held.isEmpty()) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("role", "FORMER_MENTOR");
        view.putAll(PersonalExport.clean(mentorship, me, FORMER_MENTOR_DROPS));
        view.put("sessions", held);
        return view;
    }

    private static final Set<String> FORMER_MENTOR_DROPS;

    static {
        Set<String> drops = new java.util.HashSet<>(OTHER_SIDE_OF_MENTOR);
        drops.addAll(Set.of("mentorId", "mentorName", "used", "extended"));
        FORMER_MENTOR_DROPS = Set.copyOf(drops);
    }
}
