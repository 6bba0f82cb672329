package kr.seoullearn.functions.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.rules.domain.PartnerArea;
import kr.seoullearn.rules.domain.PublishedRules;
import kr.seoullearn.rules.domain.RuleKind;
import kr.seoullearn.rules.port.PartnerAreas;

/**
 * {@code POST /api/admin/tenants}: the catalogue operator adds a partner area — names in four
 * languages (Korean and English required), districts, the first programme with its start date
 * and the seats each provider donates there — in one transaction. Only the catalogue operator:
 * an area is an agreement between the operating body and a local government, and no tenant's
 * admin acts for another tenant (docs/adr/0039).
 */
final class PartnerAreaSetup {
    private static final Log LOG = Log.of(PartnerAreaSetup.class);
    private static final Set<String> FIELDS = Set.of("tenant", "name", "districts", "programme", "seats");
    private static final Set<String> PROGRAMME_FIELDS = Set.of("effectiveFrom", "definition");
    static final int MAX_SEATS = 100_000;

    private final PartnerAreas areas;
    private final RulesDrafting drafting;
    private final Clock clock;

    PartnerAreaSetup(PartnerAreas areas, RulesDrafting drafting, Clock clock) {
        this.areas = areas;
        this.drafting = drafting;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> add(Caller caller, Map<String, Object> body) {
        caller.require(Role.CATALOGUE_OPERATOR);
        FieldErrors errors = new FieldErrors();
        RulesDrafting.unknownFields(body, FIELDS, errors);
        String id = body.get("tenant") instanceof String s ? s : null;
        if (id == null || !TenantId.isValid(id)) {
            errors.add("tenant", id == null ? "required" : "invalid-value");
        }
        Map<String, String> names = names(body.get("name"), errors);
        List<String> districts = districts(body.get("districts"), errors);
        Map<String, Integer> seats = seats(body.get("seats"), errors);
        LocalDate from = LocalDate.MIN;
        Map<String, Object> programme = null;
        if (!(body.get("programme") instanceof Map<?, ?> p)) {
            errors.add("programme", "required");
        } else {
            Map<String, Object> pm = (Map<String, Object>) p;
            pm.keySet().stream().filter(k -> !PROGRAMME_FIELDS.contains(k)).sorted().limit(5)
                    .forEach(k -> errors.add("programme", "unknown-field"));
            from = RulesDrafting.date(pm.get("effectiveFrom"), errors);
            if (!from.equals(LocalDate.MIN) && from.isBefore(drafting.today())) {
                errors.add("effectiveFrom", "date-too-early");
            }
            programme = RulesDrafting.definition(RuleKind.PROGRAMME, pm.get("definition"), errors);
        }
        errors.throwIfAny();
        TenantId tenant = new TenantId(id);
        String programmeId = tenant.value() + "-programme-" + from;
        PublishedRules first = areas.add(new PartnerArea(tenant, names, districts, seats), programmeId, from, programme,
                caller.userId(), clock.instant());
        LOG.info("partner area added", "tenant", tenant.value(), "districts", districts.size(), "providers", seats.size());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tenant", tenant.value());
        view.put("name", names);
        view.put("districts", districts);
        view.put("seats", seats);
        view.put("programme", RulesDrafting.rules(first));
        return view;
    }

    private static Map<String, String> names(Object value, FieldErrors errors) {
        int before = errors.count();
        kr.seoullearn.rules.domain.RuleKind.checkNames(value, "name", errors);
        Map<String, String> names = new LinkedHashMap<>();
        if (errors.count() == before && value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v instanceof String s) {
                    names.put(String.valueOf(k), s.strip());
                }
            });
        }
        return names;
    }

    private static List<String> districts(Object value, FieldErrors errors) {
        List<String> districts = new ArrayList<>();
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            errors.add("districts", "required");
        } else if (list.size() > PartnerArea.MAX_DISTRICTS) {
            errors.add("districts", "too-many");
        } else if (list.stream().anyMatch(d -> !(d instanceof String s) || !PartnerArea.DISTRICT.matcher(s).matches())) {
            errors.add("districts", "invalid-value");
        } else if (list.stream().distinct().count() != list.size()) {
            errors.add("districts", "invalid-value");
        } else {
            list.forEach(d -> districts.add((String) d));
        }
        return districts;
    }

    private static Map<String, Integer> seats(Object value, FieldErrors errors) {
        Map<String, Integer> seats = new LinkedHashMap<>();
        if (!(value instanceof Map<?, ?> m)) {
            errors.add("seats", "required");
            return seats;
        }
        if (m.size() > PartnerArea.MAX_PROVIDERS) {
            errors.add("seats", "too-many");
            return seats;
        }
        for (var e : m.entrySet()) {
            String provider = String.valueOf(e.getKey());
            if (!provider.matches("[a-z][a-z0-9-]{1,30}")) {
                errors.add("seats", "invalid-value");
                return seats;
            }
            if (!(e.getValue() instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                    || n.doubleValue() < 1 || n.doubleValue() > MAX_SEATS) {
                errors.add("seats." + provider, "out-of-range");
                return seats;
            }
            seats.put(provider, n.intValue());
        }
        return seats;
    }
}
