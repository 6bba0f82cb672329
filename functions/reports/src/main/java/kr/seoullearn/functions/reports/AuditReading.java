package kr.seoullearn.functions.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.domain.AuditQuery;
import kr.seoullearn.audit.domain.AuditRefusal;
import kr.seoullearn.audit.port.AuditTrail;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;

/**
 * {@code GET /api/admin/audit}: the staff actions of the admin's own tenant (the token's), newest
 * first, a page at a time, filtered by actor, action, subject and a range of days (Seoul's dates
 * are the days asked for; the trail keeps UTC instants). Each page is a bounded Query.
 */
public final class AuditReading {
    static final int DEFAULT_PAGE = 25;
    static final int MAX_PAGE = 100;
    private static final ZoneOffset SEOUL = ZoneOffset.ofHours(9);
    private final AuditTrail trail;

    public AuditReading(AuditTrail trail) {
        this.trail = trail;
    }

    Map<String, Object> page(Caller caller, Map<String, String> params) {
        caller.require(Role.ADMIN);
        String tenant = params.get("tenant");
        if (tenant != null && !tenant.equals(caller.tenant().value())) {
            // the tenant is the token's; naming another one is refused, as on the dashboard
            throw new ProblemException(kr.seoullearn.platform.http.Problem.FORBIDDEN);
        }
        String actor = id(params.get("actor"), "actor");
        String subject = id(params.get("subject"), "subject");
        String action = params.get("action");
        if (action != null && !AuditEntry.ACTION.matcher(action).matches()) {
            throw invalid("action");
        }
        Instant from = day(params.get("from"), "from", 0);
        Instant to = day(params.get("to"), "to", 1);
        if (from != null && to != null && !from.isBefore(to)) {
            throw invalid("to");
        }
        int limit = DEFAULT_PAGE;
        String limitText = params.get("limit");
        if (limitText != null) {
            if (!limitText.matches("\\d{1,3}") || Integer.parseInt(limitText) < 1 || Integer.parseInt(limitText) > MAX_PAGE) {
                throw invalid("limit");
            }
            limit = Integer.parseInt(limitText);
        }
        String cursor = params.get("cursor");
        if (cursor != null && !cursor.matches("[A-Za-z0-9_-]{1,2000}")) {
            throw invalid("cursor");
        }
        // "to" is exclusive: the last millisecond before the next day starts
        var page = trail.page(caller.tenant(), new AuditQuery(actor, action, subject, from,
                to == null ? null : to.minusMillis(1), limit, cursor));
        List<Map<String, Object>> items = new ArrayList<>();
        for (AuditEntry e : page.entries()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", e.id());
            item.put("at", AuditEntry.TIME.format(e.at()));
            item.put("actor", e.actor());
            item.put("action", e.action());
            item.put("subjectType", e.subjectType());
            item.put("subjectId", e.subjectId());
            item.put("before", e.before());
            item.put("after", e.after());
            item.put("correlationId", e.correlationId());
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        if (page.next() != null) {
            body.put("next", page.next());
        }
        return body;
    }

    private static String id(String value, String field) {
        if (value != null && !AuditEntry.ID.matcher(value).matches()) {
            throw invalid(field);
        }
        return value;
    }

    private static Instant day(String value, String field, int plusDays) {
        if (value == null) {
            return null;
        }
        try {
            if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw invalid(field);
            }
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 2000 || date.getYear() > 2200) {
                throw invalid(field);
            }
            return date.plusDays(plusDays).atStartOfDay(SEOUL).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field);
        }
    }

    private static ProblemException invalid(String field) {
        return new ProblemException(AuditRefusal.AUDIT_FILTER_INVALID, Map.of("field", field));
    }
}
