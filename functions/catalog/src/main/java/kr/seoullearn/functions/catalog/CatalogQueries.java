package kr.seoullearn.functions.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.CourseJson;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.catalog.domain.Subject;
import kr.seoullearn.catalog.domain.Suggestions;
import kr.seoullearn.catalog.domain.TitleRank;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The public catalogue: checks the query parameters (every wrong one is listed in one
 * {@code 400 validation-failed}), asks the {@link Catalog} and shapes the answer
 * (docs/api/openapi.yaml: Provider, CourseSummary, CoursePage).
 */
public final class CatalogQueries {
    static final int DEFAULT_PAGE = 20;
    static final int MAX_QUERY_LENGTH = 100;
    static final int MAX_QUERY_WORDS = 10;
    static final int MAX_SUGGESTIONS = 8;
    private static final Log LOG = Log.of(CatalogQueries.class);
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,3}");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,1200}");

    private final Catalog catalogue;

    public CatalogQueries(Catalog catalogue) {
        this.catalogue = catalogue;
    }

    /** GET /api/catalog/providers[?tenant=]: 1 Query, plus 1 BatchGetItem with a tenant. */
    Map<String, Object> providers(String tenantText) {
        TenantId tenant = null;
        if (tenantText != null) {
            if (!TenantId.isValid(tenantText)) {
                throw new ProblemException(Problem.UNKNOWN_TENANT);
            }
            tenant = new TenantId(tenantText);
        }
        List<Provider> providers = catalogue.providers();
        Map<String, ProviderSeats> seats = null;
        if (tenant != null) {
            seats = catalogue.seats(tenant, providers.stream().map(Provider::id).toList())
                    .orElseThrow(() -> new ProblemException(Problem.UNKNOWN_TENANT));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Provider p : providers) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("providerId", p.id());
            v.put("name", CourseJson.koEn(p.nameKo(), p.nameEn()));
            v.put("levels", p.levels().stream().map(Enum::name).toList());
            v.put("status", p.status().name());
            v.put("takesNewLearners", p.takesNewLearners());
            if (p.graceUntil() != null) {
                v.put("graceUntil", p.graceUntil().toString());
            }
            if (seats != null) {
                ProviderSeats s = seats.get(p.id());
                v.put("seatsLeft", s == null ? 0 : s.left());
            }
            items.add(v);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (tenant != null) {
            body.put("tenant", tenant.value());
        }
        body.put("items", items);
        return body;
    }

    /** GET /api/catalog/courses: at least level or provider; 1 Query per page when the filters form a key prefix, at most 3. */
    Map<String, Object> browse(String levelText, String subjectText, String providerText, String gradeText,
                               String limitText, String cursor) {
        FieldErrors errors = new FieldErrors();
        SchoolLevel level = level(levelText, errors);
        Subject subject = null;
        if (subjectText != null) {
            subject = Subject.parse(subjectText).orElse(null);
            if (subject == null) {
                errors.add("subject", "invalid-value");
            }
        }
        String provider = null;
        if (providerText != null) {
            if (Provider.isValidId(providerText)) {
                provider = providerText;
            } else {
                errors.add("provider", "invalid-value");
            }
        }
        Integer grade = grade(gradeText, level, errors);
        int limit = limit(limitText, errors);
        cursor(cursor, errors);
        if (levelText == null && providerText == null) {
            // a level or a provider names the partition a page is read from: never the whole catalogue
            errors.add("level", "required");
            errors.add("provider", "required");
        }
        errors.throwIfAny();
        Catalog.CoursePage page = catalogue.browse(new Catalog.BrowseFilter(level, subject, provider, grade), cursor, limit);
        log("browse", page);
        return page(page, null);
    }

    /** GET /api/catalog/search without a learner to rank for. */
    Map<String, Object> search(String q, String levelText, String limitText, String cursor) {
        return search(q, levelText, limitText, cursor, null, null);
    }

    /**
     * GET /api/catalog/search: words of a title, in Korean, English, Vietnamese or Chinese, with
     * shorthand; {@code rankLevel}/{@code rankGrade} (a signed-in learner's, sent by the web app)
     * put their level and grade first; before everything, the courses whose title is what was
     * typed (across pages). At most 1 BatchGetItem and 3 Queries a page.
     */
    Map<String, Object> search(String q, String levelText, String limitText, String cursor, String rankLevelText, String rankGradeText) {
        FieldErrors errors = new FieldErrors();
        SchoolLevel level = level(levelText, errors);
        SchoolLevel rankLevel = level(rankLevelText, errors, "rankLevel");
        Integer rankGrade = grade(rankGradeText, rankLevel, errors, "rankGrade");
        int limit = limit(limitText, errors);
        cursor(cursor, errors);
        SearchTerms terms = null;
        if (q == null || q.isBlank()) {
            errors.add("q", "required");
        } else if (q.length() > MAX_QUERY_LENGTH) {
            errors.add("q", "too-long");
        } else {
            terms = SearchTerms.parse(q);
            if (terms.words().size() > MAX_QUERY_WORDS) {
                errors.add("q", "too-long");
            }
        }
        errors.throwIfAny();
        if (level != null) {
            // the level asked for wins over one named in the words, and so does its grade range
            Integer grade = Objects.equals(terms.level(), level) || terms.level() == null ? terms.grade() : null;
            terms = new SearchTerms(terms.words(), level, grade != null && grade <= level.grades() ? grade : null);
        }
        // nothing left to look for (only function words): nothing to read
        Catalog.Preference prefer = rankLevel == null ? null : new Catalog.Preference(rankLevel, rankGrade);
        Catalog.CoursePage page = terms.isEmpty() ? Catalog.CoursePage.empty(0, 0) : catalogue.search(terms, q, prefer, cursor, limit);
        log("search", page);
        page = new Catalog.CoursePage(TitleRank.exactFirst(page.items(), q), page.next(), page.calls(), page.itemsRead());
        Map<String, Object> understood = new LinkedHashMap<>();
        understood.put("words", terms.words());
        if (terms.level() != null) {
            understood.put("level", terms.level().name());
        }
        if (terms.grade() != null) {
            understood.put("grade", terms.grade());
        }
        return page(page, understood);
    }

    /**
     * GET /api/catalog/suggest: completions of what is typed so far (its last word), from the
     * search vocabulary and the index words; one Query of at most 100 items, none for a phrase only.
     */
    Map<String, Object> suggest(String q, String levelText, String language) {
        FieldErrors errors = new FieldErrors();
        SchoolLevel level = level(levelText, errors);
        if (q == null || q.isBlank()) {
            errors.add("q", "required");
        } else if (q.length() > MAX_QUERY_LENGTH) {
            errors.add("q", "too-long");
        }
        errors.throwIfAny();
        int[] queries = {0};
        List<String> items = Suggestions.of(q, language, MAX_SUGGESTIONS, prefix -> {
            queries[0]++;
            return catalogue.wordsStartingWith(prefix, level, MAX_SUGGESTIONS).stream().map(Catalog.WordUse::word).toList();
        });
        LOG.info("catalogue suggestions", "dynamoCalls", queries[0], "returned", items.size());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String text : items) {
            out.add(Map.of("text", text));
        }
        return Map.of("items", out);
    }

    private static SchoolLevel level(String text, FieldErrors errors) {
        return level(text, errors, "level");
    }

    private static SchoolLevel level(String text, FieldErrors errors, String field) {
        if (text == null) {
            return null;
        }
        for (SchoolLevel l : SchoolLevel.values()) {
            if (l.name().equals(text)) {
                return l;
            }
        }
        errors.add(field, "invalid-value");
        return null;
    }

    private static Integer grade(String text, SchoolLevel level, FieldErrors errors) {
        return grade(text, level, errors, "grade");
    }

    private static Integer grade(String text, SchoolLevel level, FieldErrors errors, String field) {
        if (text == null) {
            return null;
        }
        if (!NUMBER.matcher(text).matches()) {
            errors.add(field, "invalid-value");
            return null;
        }
        int grade = Integer.parseInt(text);
        int highest = level == null ? 6 : level.grades();
        if (grade < 1 || grade > highest) {
            errors.add(field, "out-of-range");
            return null;
        }
        return grade;
    }

    private static int limit(String text, FieldErrors errors) {
        if (text == null) {
            return DEFAULT_PAGE;
        }
        if (!NUMBER.matcher(text).matches()) {
            errors.add("limit", "invalid-value");
            return DEFAULT_PAGE;
        }
        int limit = Integer.parseInt(text);
        if (limit < 1 || limit > Catalog.MAX_PAGE) {
            errors.add("limit", "out-of-range");
        }
        return limit;
    }

    private static void cursor(String cursor, FieldErrors errors) {
        if (cursor != null && !CURSOR.matcher(cursor).matches()) {
            errors.add("cursor", "invalid-value");
        }
    }

    private static void log(String kind, Catalog.CoursePage page) {
        LOG.info("catalogue page", "kind", kind, "dynamoCalls", page.calls(), "itemsRead", page.itemsRead(),
                "returned", page.items().size(), "hasNext", page.next() != null);
    }

    private static Map<String, Object> page(Catalog.CoursePage page, Map<String, Object> understood) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Course c : page.items()) {
            items.add(CourseJson.course(c));
        }
        body.put("items", items);
        if (page.next() != null) {
            body.put("next", page.next());
        }
        if (understood != null) {
            body.put("query", understood);
        }
        return body;
    }
}
