package kr.seoullearn.enrolment.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.domain.SeatCounts;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Enrolment items to and from their attributes. */
final class EnrolmentItems {
    static final String ENROLLED = Enrolment.Status.ENROLLED.name();
    static final String WAITLISTED = Enrolment.Status.WAITLISTED.name();
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final AttributeValue ZERO = AttributeValue.fromN("0");
    static final AttributeValue ONE = AttributeValue.fromN("1");

    private EnrolmentItems() {}

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static LocalDate seoulDate(Instant instant) {
        return LocalDate.ofInstant(instant, SEOUL);
    }

    static Map<String, AttributeValue> item(Enrolment e) {
        Map<String, AttributeValue> item = new HashMap<>(EnrolmentKeys.enrolment(e.tenant(), e.userId(), e.providerId()).attributes());
        item.put("type", s("ENROLMENT"));
        item.put("tenant", s(e.tenant().value()));
        item.put("userId", s(e.userId()));
        item.put("providerId", s(e.providerId()));
        item.put("status", s(e.status().name()));
        item.put("learnerRef", s(e.learnerRef()));
        if (e.queuedAt() != null) {
            item.put("queuedAt", s(e.queuedAt().toString()));
        }
        if (e.enrolledAt() != null) {
            item.put("enrolledAt", s(e.enrolledAt().toString()));
        }
        if (e.ticket() != null) {
            item.put("ticket", AttributeValue.fromN(e.ticket().toString()));
        }
        if (e.activity() != null) {
            String day = e.activity().lastActiveOn().toString();
            item.put("lastActiveOn", s(day));
            item.put("reminders", AttributeValue.fromN(Integer.toString(e.activity().reminders())));
            item.put(Keys.GSI1PK, s(EnrolmentKeys.seated(e.tenant(), e.providerId())));
            item.put(Keys.GSI1SK, s(EnrolmentKeys.idleSortKey(day, e.userId())));
        }
        return item;
    }

    /** The enrolment an access link's reference stands for (providers' usage reports know only the reference). */
    static Map<String, AttributeValue> refItem(Enrolment e) {
        Map<String, AttributeValue> item = new HashMap<>(EnrolmentKeys.learnerRef(e.tenant(), e.learnerRef()).attributes());
        item.put("type", s("LEARNER_REF"));
        item.put("userId", s(e.userId()));
        item.put("providerId", s(e.providerId()));
        return item;
    }

    /** A waitlist entry's attributes besides its key and ticket. */
    static Map<String, AttributeValue> waitEntry(Enrolment e) {
        return Map.of("type", s("WAITLIST_ENTRY"), "userId", s(e.userId()), "queuedAt", s(e.queuedAt().toString()));
    }

    static Enrolment enrolment(TenantId tenant, Map<String, AttributeValue> item) {
        return new Enrolment(tenant, item.get("userId").s(), item.get("providerId").s(),
                Enrolment.Status.valueOf(item.get("status").s()), item.get("learnerRef").s(),
                item.containsKey("queuedAt") ? Instant.parse(item.get("queuedAt").s()) : null,
                item.containsKey("enrolledAt") ? Instant.parse(item.get("enrolledAt").s()) : null,
                item.containsKey("ticket") ? Long.valueOf(item.get("ticket").n()) : null,
                activity(item));
    }

    static Enrolment.Activity activity(Map<String, AttributeValue> item) {
        if (!item.containsKey("lastActiveOn")) {
            return null;
        }
        return new Enrolment.Activity(LocalDate.parse(item.get("lastActiveOn").s()), (int) number(item, "reminders"),
                item.containsKey("lastRemindedOn") ? LocalDate.parse(item.get("lastRemindedOn").s()) : null);
    }

    static SeatCounts counts(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return SeatCounts.NONE;
        }
        return new SeatCounts(true, (int) number(item, "seats"), (int) number(item, "used"), (int) number(item, "waiting"),
                number(item, "lastTicket"));
    }

    /** The seats item's attributes for counts known to the caller (a promotion starts from them). */
    static Map<String, AttributeValue> attributes(SeatCounts c) {
        return Map.of("seats", n(c.seats()), "used", n(c.used()), "waiting", n(c.waiting()), "lastTicket", n(c.lastTicket()));
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }
}
