package kr.seoullearn.functions.review;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.domain.ResidentRegistrationNumbers;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.port.ApplicationStore.QueueFilter;
import kr.seoullearn.registration.port.ApplicationStore.ReviewList;

/**
 * The reviewers' tools beside the decision: the filtered lists (queue, document requests,
 * decided) with search by application reference, and the templated document request.
 */
public final class ReviewTools {
    /** The message templates a request is worded through (web/i18n: review.request.template.*). */
    static final Set<String> TEMPLATES = Set.of("missing", "unreadable", "expired", "wrong-document");
    private static final Set<String> REQUEST_FIELDS = Set.of("documents", "template", "version");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Log LOG = Log.of(ReviewTools.class);
    private final ApplicationStore applications;
    private final Clock clock;

    public ReviewTools(ApplicationStore applications, Clock clock) {
        this.applications = applications;
        this.clock = clock;
    }

    /** {@code GET /api/review/applications} with its filters (docs/api/openapi.yaml). */
    Map<String, Object> list(Caller caller, Map<String, String> q) {
        caller.require(Role.REVIEWER);
        FieldErrors errors = new FieldErrors();
        int limit = integer(q.get("limit"), 1, Review.MAX_PAGE, "limit", errors, Review.DEFAULT_PAGE);
        String reference = q.get("reference");
        if (reference != null && !reference.matches("[A-Za-z0-9-]{1,64}")) {
            errors.add("reference", "invalid-value");
        }
        ReviewList list = ReviewList.QUEUE;
        if (q.get("list") != null) {
            switch (q.get("list")) {
                case "queue" -> list = ReviewList.QUEUE;
                case "requested" -> list = ReviewList.DOCUMENTS_REQUESTED;
                case "decided" -> list = ReviewList.DECIDED;
                case "appeals" -> list = ReviewList.APPEALS;
                default -> errors.add("list", "invalid-value");
            }
        }
        RegistrationStatus status = null;
        if (q.get("status") != null) {
            status = switch (q.get("status")) {
                case "SUBMITTED", "UNDER_REVIEW", "APPROVED", "REJECTED" -> RegistrationStatus.valueOf(q.get("status"));
                default -> {
                    errors.add("status", "invalid-value");
                    yield null;
                }
            };
        }
        String category = q.get("category");
        if (category != null && !category.matches("[A-Z][A-Z_]{1,40}")) {
            errors.add("category", "invalid-value");
        }
        String district = q.get("district");
        if (district != null && !district.matches("[a-z][a-z0-9-]{1,40}")) {
            errors.add("district", "invalid-value");
        }
        SchoolLevel level = null;
        if (q.get("schoolLevel") != null) {
            level = java.util.Arrays.stream(SchoolLevel.values()).filter(l -> l.name().equals(q.get("schoolLevel"))).findFirst().orElse(null);
            if (level == null) {
                errors.add("schoolLevel", "invalid-value");
            }
        }
        Integer minAge = q.get("minAge") == null ? null : integer(q.get("minAge"), 0, 99, "minAge", errors, 0);
        Integer maxAge = q.get("maxAge") == null ? null : integer(q.get("maxAge"), 0, 99, "maxAge", errors, 99);
        if (minAge != null && maxAge != null && minAge > maxAge) {
            errors.add("maxAge", "out-of-range");
        }
        Integer waitingDays = q.get("waitingDays") == null ? null : integer(q.get("waitingDays"), 0, 366, "waitingDays", errors, 0);
        errors.throwIfAny();
        Map<String, Object> body = new LinkedHashMap<>();
        if (reference != null) {
            // search by application reference: one GetItem, the application only if it was submitted
            List<Map<String, Object>> items = new ArrayList<>();
            applications.find(caller.tenant(), reference).filter(a -> a.submittedAt() != null).ifPresent(a -> items.add(item(a)));
            body.put("items", items);
            return body;
        }
        var filter = new QueueFilter(list, status, category, district, level, minAge, maxAge,
                waitingDays == null ? null : clock.instant().minus(Duration.ofDays(waitingDays)), clock.instant().atZone(SEOUL).toLocalDate());
        var page = applications.list(caller.tenant(), filter, q.get("cursor"), limit);
        body.put("items", page.applications().stream().map(ReviewTools::item).toList());
        if (page.next() != null) {
            body.put("next", page.next());
        }
        return body;
    }

    static Map<String, Object> item(Application a) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("userId", a.userId());
        item.put("name", a.name());
        item.put("status", a.status().name());
        item.put("submittedAt", a.submittedAt() == null ? null : a.submittedAt().toString());
        item.put("categories", a.categories());
        item.put("schoolLevel", a.schoolLevel() == null ? null : a.schoolLevel().name());
        item.put("district", a.district());
        item.put("requiredDocuments", a.requiredDocuments() == null ? List.of() : a.requiredDocuments().stream().map(Enum::name).toList());
        if (a.decision() != null) {
            item.put("decision", a.decision().outcome());
            item.put("decidedAt", a.decision().decidedAt().toString());
        }
        if (a.appeal() != null) {
            item.put("appeal", a.appeal().status());
        }
        item.values().removeIf(Objects::isNull);
        return item;
    }

    /**
     * {@code POST /api/review/applications/{userId}/document-request}: puts the application back
     * to the applicant with what is missing. The one place the applicant is told: the request is
     * written (with its audit entry) by {@link ApplicationStore#requestDocuments}; the applicant's
     * notice joins that transaction.
     */
    Map<String, Object> requestDocuments(Caller caller, String userId, Map<String, Object> body) {
        caller.require(Role.REVIEWER);
        if (caller.userId().equals(userId)) {
            throw new ProblemException(Problem.SELF_DECISION);
        }
        ResidentRegistrationNumbers.refuseIn(body);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !REQUEST_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        Set<DocumentKind> kinds = new LinkedHashSet<>();
        if (body.get("documents") instanceof List<?> list && !list.isEmpty() && list.size() <= DocumentKind.values().length) {
            for (Object o : list) {
                DocumentKind.parse(o).filter(k -> !k.forRecruitment()).ifPresentOrElse(kinds::add, () -> errors.add("documents", "invalid-value"));
            }
        } else {
            errors.add("documents", "required");
        }
        if (!(body.get("template") instanceof String t) || !TEMPLATES.contains(t)) {
            errors.add("template", "invalid-value");
        }
        long version = errors.version(body);
        errors.throwIfAny();
        if (userId == null || !userId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new ProblemException(Problem.NOT_FOUND);
        }
        Application a = applications.find(caller.tenant(), userId)
                .filter(x -> x.submittedAt() != null).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        if (a.status() != RegistrationStatus.SUBMITTED && a.status() != RegistrationStatus.UNDER_REVIEW) {
            throw new ProblemException(RegistrationRefusal.DOCUMENT_REQUEST_NOT_ALLOWED);
        }
        applications.requestDocuments(a, version, new ApplicationStore.DocumentRequest(List.copyOf(kinds),
                (String) body.get("template"), caller.userId(), clock.instant()));
        LOG.info("documents requested", "tenant", caller.tenant().value(), "kinds", kinds.size());
        return ApplicationView.of(applications.dossier(caller.tenant(), userId).orElseThrow(),
                applications.documentRequest(caller.tenant(), userId).orElse(null));
    }

    private static int integer(String text, int min, int max, String field, FieldErrors errors, int fallback) {
        if (text == null) {
            return fallback;
        }
        if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            errors.add(field, "out-of-range");
            return fallback;
        }
        return Integer.parseInt(text);
    }
}
