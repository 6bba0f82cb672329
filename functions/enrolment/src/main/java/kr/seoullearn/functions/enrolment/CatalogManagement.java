package kr.seoullearn.functions.enrolment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.catalog.port.CatalogAdmin;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.Subject;
import kr.seoullearn.catalog.domain.TitleWords;
import kr.seoullearn.catalog.domain.CatalogRefusal;
import kr.seoullearn.enrolment.domain.Departure;
import kr.seoullearn.enrolment.port.ProviderDepartures;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * The programme operator's changes to the shared catalogue (docs/adr/0012): providers (names,
 * levels, access link; leaving with a grace period) and courses. Providers and courses are
 * shared by every tenant, so only the catalogue-operators group changes
 * them; every tenant's admins set their own seats ({@link Enrolments#setSeats}).
 */
final class CatalogManagement {
    static final int MAX_NAME = 60;
    static final int MAX_TITLE = 120;
    static final int MAX_LECTURER = 40;
    static final int MAX_URL = 300;
    /** The longest grace period a leaving provider can be given. */
    static final int MAX_GRACE_DAYS = 366;
    private static final Log LOG = Log.of(CatalogManagement.class);
    private static final Set<String> PROVIDER_FIELDS = Set.of("nameKo", "nameEn", "levels", "accessUrlTemplate");
    private static final Set<String> LEAVE_FIELDS = Set.of("graceUntil");
    private static final Set<String> COURSE_FIELDS = Set.of("providerId", "level", "grade", "subject", "titleKo", "titleEn",
            "lecturerKo", "lecturerEn", "minutes", "lessons");

    private final CatalogAdmin catalogue;
    private final ProviderDepartures departures;
    private final Clock clock;

    CatalogManagement(CatalogAdmin catalogue, ProviderDepartures departures, Clock clock) {
        this.catalogue = catalogue;
        this.departures = departures;
        this.clock = clock;
    }

    /**
     * The shared catalogue is run by the catalogue-operators group (no tenant's admins): a
     * tenant's admin is told so (403 catalogue-operator-only), anyone else gets 403 forbidden.
     */
    static void requireOperator(Caller caller) {
        if (caller.has(Role.CATALOGUE_OPERATOR)) {
            return;
        }
        caller.require(Role.ADMIN);
        throw new ProblemException(CatalogRefusal.CATALOGUE_OPERATOR_ONLY);
    }

    /** PUT /api/admin/providers/{providerId}: creates a provider (ACTIVE) or changes one, keeping its status. 1 GetItem + 1 PutItem. */
    Map<String, Object> saveProvider(Caller caller, String providerId, Map<String, Object> body) {
        requireOperator(caller);
        FieldErrors errors = new FieldErrors();
        if (!Provider.isValidId(providerId)) {
            errors.add("providerId", "invalid-value");
        }
        unknown(body, PROVIDER_FIELDS, errors);
        String nameKo = text(body, "nameKo", MAX_NAME, true, errors);
        String nameEn = text(body, "nameEn", MAX_NAME, true, errors);
        List<SchoolLevel> levels = levels(body.get("levels"), errors);
        String url = text(body, "accessUrlTemplate", MAX_URL, true, errors);
        if (url != null && (!url.startsWith("https://") || !url.contains("{learnerRef}") || url.chars().anyMatch(Character::isWhitespace))) {
            errors.add("accessUrlTemplate", "invalid-value");
        }
        errors.throwIfAny();
        Provider old = catalogue.provider(providerId).orElse(null);
        Provider p = new Provider(providerId, nameKo, nameEn, levels, url,
                old == null ? Provider.Status.ACTIVE : old.status(), old == null ? null : old.graceUntil());
        catalogue.saveProvider(p, old, caller.userId(), clock.instant());
        LOG.info("provider saved", "providerId", providerId, "created", old == null);
        return providerView(p);
    }

    /**
     * POST /api/admin/providers/{providerId}/leave {"graceUntil"}: the provider takes no new
     * learners; in every tenant, its enrolled learners keep access until the grace date and are
     * told so, and its waitlist closes (each waiting learner is told and gets their pick back).
     * Answered 202 at once: the telling is the departure's, done by a scheduled worker. The same
     * provider and grace date again is the same departure (naturally idempotent): nothing is
     * written and its progress is answered (docs/adr/0023). 1 GetItem + 1 TransactWriteItems.
     */
    Map<String, Object> leave(Caller caller, String providerId, Map<String, Object> body) {
        requireOperator(caller);
        if (!Provider.isValidId(providerId)) {
            throw new ProblemException(CatalogRefusal.PROVIDER_NOT_FOUND);
        }
        FieldErrors errors = new FieldErrors();
        unknown(body, LEAVE_FIELDS, errors);
        LocalDate today = LocalDate.now(clock.withZone(Enrolments.SEOUL));
        LocalDate grace = null;
        Object given = body.get("graceUntil");
        if (given == null) {
            errors.add("graceUntil", "required");
        } else {
            try {
                grace = LocalDate.parse(String.valueOf(given));
                if (grace.isBefore(today) || grace.isAfter(today.plusDays(MAX_GRACE_DAYS))) {
                    errors.add("graceUntil", "out-of-range");
                }
            } catch (java.time.format.DateTimeParseException e) {
                errors.add("graceUntil", "invalid-value");
            }
        }
        errors.throwIfAny();
        Provider p = catalogue.provider(providerId).orElseThrow(() -> new ProblemException(CatalogRefusal.PROVIDER_NOT_FOUND));
        // the leaving and its departure in one transaction; the learners are told by the
        // departures worker (ProviderDepartureRun), once each, however often this is retried
        Departure d = departures.start(p, p.deactivated(grace), clock.instant(), caller.userId());
        LOG.info("provider leaving", "providerId", providerId, "departure", d.id(), "done", d.done(),
                "learnersTold", d.learnersTold(), "waitlistClosed", d.waitlistClosed());
        Map<String, Object> view = providerView(p.deactivated(grace));
        view.put("departure", departureView(d));
        return view;
    }

    static Map<String, Object> departureView(Departure d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.id());
        v.put("status", d.done() ? "DONE" : "PENDING");
        v.put("learnersTold", d.learnersTold());
        v.put("waitlistClosed", d.waitlistClosed());
        return v;
    }

    /** PUT /api/admin/courses/{courseId}: creates or replaces a course (1 GetItem of the provider, 1 GetItem + 1 TransactWriteItems). */
    Map<String, Object> saveCourse(Caller caller, String courseId, Map<String, Object> body) {
        requireOperator(caller);
        FieldErrors errors = new FieldErrors();
        Course course = courseOf(courseId, body, errors);
        errors.throwIfAny();
        Provider provider = catalogue.provider(course.providerId()).orElse(null);
        providerServes(provider, course.level(), errors);
        errors.throwIfAny();
        boolean existed = catalogue.course(courseId).isPresent();
        catalogue.saveCourse(course, caller.userId(), clock.instant());
        LOG.info("course saved", "courseId", courseId, "providerId", course.providerId(), "created", !existed);
        Map<String, Object> view = kr.seoullearn.catalog.domain.CourseJson.course(course);
        view.put("created", !existed);
        return view;
    }

    /**
     * A course from the fields of a request (or a row of an import, {@link CourseImport}): every
     * wrong field is added to {@code errors}; null when one was. The provider is not read here.
     */
    static Course courseOf(String courseId, Map<String, Object> body, FieldErrors errors) {
        int before = errors.count();
        if (!Course.isValidId(courseId)) {
            errors.add("courseId", "invalid-value");
        }
        unknown(body, COURSE_FIELDS, errors);
        String providerId = text(body, "providerId", 31, true, errors);
        if (providerId != null && !Provider.isValidId(providerId)) {
            errors.add("providerId", "invalid-value");
            providerId = null;
        }
        SchoolLevel level = null;
        Object levelText = body.get("level");
        if (levelText == null) {
            errors.add("level", "required");
        } else {
            level = parseLevel(String.valueOf(levelText));
            if (level == null) {
                errors.add("level", "invalid-value");
            }
        }
        Integer grade = null;
        if (body.get("grade") != null) {
            grade = whole(body, "grade", 1, 6, errors);
            if (grade != null && level != null && grade > level.grades()) {
                errors.add("grade", "out-of-range");
                grade = null;
            }
        }
        Subject subject = null;
        if (body.get("subject") == null) {
            errors.add("subject", "required");
        } else {
            subject = Subject.parse(String.valueOf(body.get("subject"))).orElse(null);
            if (subject == null) {
                errors.add("subject", "invalid-value");
            }
        }
        String titleKo = text(body, "titleKo", MAX_TITLE, true, errors);
        String titleEn = text(body, "titleEn", MAX_TITLE, true, errors);
        if (titleKo != null && titleEn != null && TitleWords.indexWords(titleKo, titleEn).size() > CatalogAdmin.MAX_INDEX_WORDS) {
            errors.add("titleKo", "too-many-words");
        }
        String lecturerKo = text(body, "lecturerKo", MAX_LECTURER, false, errors);
        String lecturerEn = text(body, "lecturerEn", MAX_LECTURER, false, errors);
        Integer minutes = whole(body, "minutes", 1, 100_000, errors);
        Integer lessons = whole(body, "lessons", 1, 1_000, errors);
        if (errors.count() > before) {
            return null;
        }
        return new Course(courseId, providerId, level, grade, subject, titleKo, titleEn, lecturerKo, lecturerEn, minutes, lessons);
    }

    /** The provider named by a course exists and serves its level (else {@code providerId: not-found} / {@code level: not-served-by-provider}). */
    static void providerServes(Provider provider, SchoolLevel level, FieldErrors errors) {
        if (provider == null) {
            errors.add("providerId", "not-found");
        } else if (!provider.serves(level)) {
            errors.add("level", "not-served-by-provider");
        }
    }

    /** DELETE /api/admin/courses/{courseId}: 1 GetItem + 1 TransactWriteItems. */
    void deleteCourse(Caller caller, String courseId) {
        requireOperator(caller);
        if (!Course.isValidId(courseId) || !catalogue.deleteCourse(courseId, caller.userId(), clock.instant())) {
            throw new ProblemException(CatalogRefusal.COURSE_NOT_FOUND);
        }
        LOG.info("course deleted", "courseId", courseId);
    }

    // ------------------------------------------------------------------ fields

    private static void unknown(Map<String, Object> body, Set<String> known, FieldErrors errors) {
        body.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> errors.add(k, "unknown-field"));
    }

    private static String text(Map<String, Object> body, String field, int max, boolean required, FieldErrors errors) {
        Object v = body.get(field);
        if (v == null) {
            if (required) {
                errors.add(field, "required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            errors.add(field, "invalid-value");
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            if (required) {
                errors.add(field, "required");
            }
            return null;
        }
        if (t.length() > max) {
            errors.add(field, "too-long");
            return null;
        }
        if (t.chars().anyMatch(c -> Character.isISOControl(c))) {
            errors.add(field, "invalid-value");
            return null;
        }
        return t;
    }

    private static Integer whole(Map<String, Object> body, String field, int min, int max, FieldErrors errors) {
        Object v = body.get(field);
        if (v == null) {
            errors.add(field, "required");
            return null;
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            errors.add(field, "invalid-value");
            return null;
        }
        long n = ((Number) v).longValue();
        if (n < min || n > max) {
            errors.add(field, "out-of-range");
            return null;
        }
        return (int) n;
    }

    private static List<SchoolLevel> levels(Object given, FieldErrors errors) {
        if (!(given instanceof List<?> list) || list.isEmpty()) {
            errors.add("levels", given == null ? "required" : "invalid-value");
            return List.of();
        }
        List<SchoolLevel> levels = new ArrayList<>();
        for (Object o : list) {
            SchoolLevel l = o instanceof String s ? parseLevel(s) : null;
            if (l == null) {
                errors.add("levels", "invalid-value");
                return List.of();
            }
            if (!levels.contains(l)) {
                levels.add(l);
            }
        }
        return levels;
    }

    private static SchoolLevel parseLevel(String text) {
        for (SchoolLevel l : SchoolLevel.values()) {
            if (l.name().equals(text)) {
                return l;
            }
        }
        return null;
    }

    static Map<String, Object> providerView(Provider p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("providerId", p.id());
        v.put("name", Map.of("ko", p.nameKo(), "en", p.nameEn()));
        v.put("levels", p.levels().stream().map(Enum::name).toList());
        v.put("accessUrlTemplate", p.accessUrlTemplate());
        v.put("status", p.status().name());
        if (p.graceUntil() != null) {
            v.put("graceUntil", p.graceUntil().toString());
        }
        return v;
    }
}
