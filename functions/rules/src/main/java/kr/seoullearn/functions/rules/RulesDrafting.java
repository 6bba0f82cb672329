package kr.seoullearn.functions.rules;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.rules.domain.PublishedRules;
import kr.seoullearn.rules.domain.RuleKind;
import kr.seoullearn.rules.domain.RulesDraft;
import kr.seoullearn.rules.domain.RulesPreview;
import kr.seoullearn.rules.domain.RulesRefusal;
import kr.seoullearn.rules.port.RulesBook;

/**
 * An admin's drafts of their own tenant's rules (the tenant is the token's): the rules in force
 * and coming, a draft started from the rules published last, edited at its version, shown with
 * what it changes against the rules it would follow, and published with its start date. The
 * start is after today (Seoul) and after the start of the rules published last; published rules
 * are never edited, and a draft saved before other rules were published is stale until saved again.
 */
final class RulesDrafting {
    private static final Log LOG = Log.of(RulesDrafting.class);
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final int MAX_DRAFTS = 20;
    private static final Set<String> CREATE_FIELDS = Set.of("effectiveFrom", "definition");
    private static final Set<String> EDIT_FIELDS = Set.of("version", "effectiveFrom", "definition");
    private static final Set<String> PUBLISH_FIELDS = Set.of("version");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RulesBook book;
    private final Clock clock;

    RulesDrafting(RulesBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(SEOUL));
    }

    static TenantId admin(Caller caller) {
        caller.require(Role.ADMIN);
        return caller.tenant();
    }

    static RuleKind kind(String path) {
        return RuleKind.parse(path).orElseThrow(() -> new ProblemException(RulesRefusal.RULES_KIND_UNKNOWN));
    }

    /** GET /api/admin/rules: per kind, the rules in force today, those coming, and the open drafts. */
    Map<String, Object> overview(Caller caller) {
        TenantId tenant = admin(caller);
        LocalDate today = today();
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (RuleKind kind : RuleKind.values()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("kind", kind.path());
            k.put("inForce", book.inForce(tenant, kind, today).map(RulesDrafting::rules).orElse(null));
            k.put("upcoming", book.upcoming(tenant, kind, today).stream().map(RulesDrafting::rules).toList());
            k.put("drafts", book.drafts(tenant, kind).stream().map(RulesDrafting::summary).toList());
            kinds.add(k);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("today", today.toString());
        view.put("kinds", kinds);
        return view;
    }

    /** POST /api/admin/rules/{kind}/drafts: {effectiveFrom, definition?}; without a definition, a copy of the rules published last. */
    Map<String, Object> create(Caller caller, String kindPath, Map<String, Object> body) {
        TenantId tenant = admin(caller);
        RuleKind kind = kind(kindPath);
        FieldErrors errors = new FieldErrors();
        unknownFields(body, CREATE_FIELDS, errors);
        LocalDate from = date(body.get("effectiveFrom"), errors);
        Optional<PublishedRules> latest = book.latest(tenant, kind);
        Map<String, Object> definition = null;
        if (body.get("definition") == null) {
            if (latest.isEmpty()) {
                errors.add("definition", "required");
            } else {
                definition = RuleKind.withoutServerFields(latest.get().definition());
            }
        } else {
            definition = definition(kind, body.get("definition"), errors);
        }
        errors.throwIfAny();
        startAfter(from, latest);
        if (book.drafts(tenant, kind).size() >= MAX_DRAFTS) {
            throw new ProblemException(RulesRefusal.RULES_TOO_MANY_DRAFTS);
        }
        String draftId = "d" + HexFormat.of().formatHex(bytes(10));
        RulesDraft draft = new RulesDraft(tenant, kind, draftId, from, definition, 1, RulesDraft.Status.DRAFT,
                book.head(tenant, kind), null, caller.userId(), clock.instant());
        book.create(draft);
        LOG.info("rules draft created", "tenant", tenant.value(), "kind", kind.path(), "draftId", draftId);
        return view(draft);
    }

    /** GET /api/admin/rules/{kind}/drafts/{draftId}: the draft with what it changes. */
    Map<String, Object> show(Caller caller, String kindPath, String draftId) {
        TenantId tenant = admin(caller);
        return view(find(tenant, kind(kindPath), draftId));
    }

    /** PUT /api/admin/rules/{kind}/drafts/{draftId}: {version, effectiveFrom, definition}. */
    Map<String, Object> edit(Caller caller, String kindPath, String draftId, Map<String, Object> body) {
        TenantId tenant = admin(caller);
        RuleKind kind = kind(kindPath);
        FieldErrors errors = new FieldErrors();
        unknownFields(body, EDIT_FIELDS, errors);
        long version = errors.version(body);
        LocalDate from = date(body.get("effectiveFrom"), errors);
        Map<String, Object> definition = definition(kind, body.get("definition"), errors);
        errors.throwIfAny();
        RulesDraft stored = find(tenant, kind, draftId);
        if (stored.published()) {
            throw new ProblemException(RulesRefusal.RULES_DRAFT_PUBLISHED);
        }
        startAfter(from, book.latest(tenant, kind));
        RulesDraft edited = stored.edited(from, definition, book.head(tenant, kind), caller.userId(), clock.instant());
        book.update(edited, version);
        LOG.info("rules draft saved", "tenant", tenant.value(), "kind", kind.path(), "draftId", draftId, "version", edited.version());
        return view(edited);
    }

    /** POST /api/admin/rules/{kind}/drafts/{draftId}/publish: {version}. */
    Map<String, Object> publish(Caller caller, String kindPath, String draftId, Map<String, Object> body) {
        TenantId tenant = admin(caller);
        RuleKind kind = kind(kindPath);
        FieldErrors errors = new FieldErrors();
        unknownFields(body, PUBLISH_FIELDS, errors);
        long version = errors.version(body);
        errors.throwIfAny();
        RulesDraft draft = find(tenant, kind, draftId);
        if (!draft.published()) {
            if (draft.version() != version) {
                throw new ProblemException(kr.seoullearn.platform.http.Problem.VERSION_CONFLICT);
            }
            String head = book.head(tenant, kind);
            if (!java.util.Objects.equals(head, draft.basedOn())) {
                throw new ProblemException(RulesRefusal.RULES_DRAFT_STALE);
            }
            Optional<PublishedRules> latest = book.latest(tenant, kind);
            startAfter(draft.effectiveFrom(), latest);
        }
        PublishedRules rules = book.publish(draft, version, caller.userId(), clock.instant());
        LOG.info("rules published", "tenant", tenant.value(), "kind", kind.path(), "rulesId", rules.id(),
                "effectiveFrom", rules.effectiveFrom().toString());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("rules", rules(rules));
        view.put("draftId", draftId);
        return view;
    }

    private RulesDraft find(TenantId tenant, RuleKind kind, String draftId) {
        if (draftId == null || !RulesDraft.ID.matcher(draftId).matches()) {
            throw new ProblemException(RulesRefusal.RULES_DRAFT_NOT_FOUND);
        }
        return book.draft(tenant, kind, draftId).orElseThrow(() -> new ProblemException(RulesRefusal.RULES_DRAFT_NOT_FOUND));
    }

    /** After today, and after the start of the rules published last (so the newest start always wins). */
    private void startAfter(LocalDate from, Optional<PublishedRules> latest) {
        LocalDate earliest = today().plusDays(1);
        if (latest.isPresent() && !latest.get().effectiveFrom().isBefore(earliest)) {
            earliest = latest.get().effectiveFrom().plusDays(1);
        }
        if (from.isBefore(earliest)) {
            throw new ProblemException(RulesRefusal.RULES_START_TOO_EARLY, Map.of("earliest", earliest.toString()));
        }
    }

    private Map<String, Object> view(RulesDraft d) {
        Map<String, Object> v = summary(d);
        v.put("definition", d.definition());
        if (d.published()) {
            v.put("publishedVersion", d.publishedVersion());
            v.put("rulesId", d.rulesId());
            return v;
        }
        Optional<PublishedRules> before = book.inForce(d.tenant(), d.kind(), d.effectiveFrom().minusDays(1));
        v.put("compareWith", before.map(RulesDrafting::rules).orElse(null));
        v.put("changes", RulesPreview.changes(before.map(PublishedRules::definition).orElse(null), d.definition()));
        v.put("stale", !java.util.Objects.equals(book.head(d.tenant(), d.kind()), d.basedOn()));
        return v;
    }

    private static Map<String, Object> summary(RulesDraft d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("draftId", d.draftId());
        v.put("kind", d.kind().path());
        v.put("effectiveFrom", d.effectiveFrom().toString());
        v.put("version", d.version());
        v.put("status", d.status().name());
        v.put("updatedAt", d.updatedAt().toString());
        return v;
    }

    static Map<String, Object> rules(PublishedRules r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.put("effectiveFrom", r.effectiveFrom().toString());
        v.put("definition", RuleKind.withoutServerFields(r.definition()));
        return v;
    }

    static void unknownFields(Map<String, Object> body, Set<String> allowed, FieldErrors errors) {
        body.keySet().stream().filter(k -> !allowed.contains(k)).sorted().limit(5)
                .forEach(k -> errors.add(k.length() > 40 ? "body" : k, "unknown-field"));
    }

    static LocalDate date(Object value, FieldErrors errors) {
        if (!(value instanceof String s) || !s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            errors.add("effectiveFrom", value == null ? "required" : "invalid-date");
            return LocalDate.MIN;
        }
        try {
            LocalDate d = LocalDate.parse(s);
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                errors.add("effectiveFrom", "invalid-date");
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add("effectiveFrom", "invalid-date");
            return LocalDate.MIN;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> definition(RuleKind kind, Object value, FieldErrors errors) {
        if (!(value instanceof Map<?, ?>)) {
            errors.add("definition", value == null ? "required" : "invalid-value");
            return null;
        }
        return kind.canonical((Map<String, Object>) value, errors).orElse(null);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
