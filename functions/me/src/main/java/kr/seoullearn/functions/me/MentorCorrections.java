package kr.seoullearn.functions.me;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.mentoring.port.MentorProfiles;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.registration.domain.CorrectionRefusal;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.registration.domain.ResidentRegistrationNumbers;

/**
 * {@code GET} and {@code PATCH /api/me/mentor-profile}: a selected mentor reads and corrects what
 * they offer — subjects, school levels, the languages they mentor and are contacted in
 * (docs/adr/0038, "Mentors' corrections"). Conditioned on the mentor item's {@code profileVersion}.
 * Active mentorships are not touched (they hold no subject or level; they run until they end);
 * only new matches read the new values, and the matching transaction refuses a level the mentor
 * no longer teaches. Availability has its own route and version ({@code PUT /api/mentoring/availability}).
 */
final class MentorCorrections {
    private static final Log LOG = Log.of(MentorCorrections.class);
    static final Set<String> FIELDS = Set.of("version", "subjects", "levels", "languages");
    /** The levels a mentor may teach: as recruitment's application offers them (not ADULT). */
    static final List<SchoolLevel> LEVELS = List.of(SchoolLevel.ELEMENTARY, SchoolLevel.MIDDLE, SchoolLevel.HIGH, SchoolLevel.NOT_IN_SCHOOL);

    private final MentorProfiles profiles;
    private final Clock clock;

    MentorCorrections(MentorProfiles profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    /** GET: 1 consistent GetItem. */
    Map<String, Object> read(Caller caller) {
        caller.require(Role.MENTOR);
        return view(current(caller));
    }

    /** PATCH {version, subjects?, levels?, languages?}: 1 GetItem + 1 TransactWriteItems (nothing when nothing changes). */
    Map<String, Object> correct(Caller caller, Map<String, Object> body) {
        caller.require(Role.MENTOR);
        ResidentRegistrationNumbers.refuseIn(body);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted().forEach(k -> errors.add(k, "unknown-field"));
        long version = errors.version(body);
        Set<MentoringSubject> subjects = set(body, "subjects", MentoringSubject.class, MentoringSubject.values().length, errors,
                v -> MentoringSubject.parse(v).orElse(null));
        Set<SchoolLevel> levels = set(body, "levels", SchoolLevel.class, LEVELS.size(), errors,
                v -> LEVELS.stream().filter(l -> l.name().equals(v)).findFirst().orElse(null));
        Set<Language> languages = set(body, "languages", Language.class, Language.values().length, errors,
                v -> v instanceof String s ? java.util.Arrays.stream(Language.values()).filter(l -> l.tag().equals(s)).findFirst().orElse(null)
                        : null);
        errors.throwIfAny();
        if (subjects == null && levels == null && languages == null) {
            throw new ProblemException(CorrectionRefusal.NOTHING_TO_CORRECT);
        }
        MentorProfiles.MentorProfile current = current(caller);
        if (current.version() != version) {
            throw new ProblemException(Problem.VERSION_CONFLICT, Map.of("version", current.version()));
        }
        Mentor m = current.mentor();
        Set<MentoringSubject> newSubjects = subjects == null ? m.subjects() : subjects;
        Set<SchoolLevel> newLevels = levels == null ? m.levels() : levels;
        Set<Language> newLanguages = languages == null ? m.languages() : languages;
        if (newSubjects.equals(m.subjects()) && newLevels.equals(m.levels()) && newLanguages.equals(m.languages())) {
            return view(current); // everything sent is already so: nothing written, the version unchanged
        }
        MentorProfiles.MentorProfile after = profiles.correct(current, version, newSubjects, newLevels, newLanguages, clock.instant());
        LOG.info("mentor profile corrected", "tenant", caller.tenant().value(), "subjects", !newSubjects.equals(m.subjects()),
                "levels", !newLevels.equals(m.levels()), "languages", !newLanguages.equals(m.languages()));
        return view(after);
    }

    private MentorProfiles.MentorProfile current(Caller caller) {
        return profiles.profile(caller.tenant(), caller.userId())
                .orElseThrow(() -> new ProblemException(MentoringRefusal.MENTOR_NOT_FOUND));
    }

    /** A field absent: null (unchanged). Present: a non-empty list of known values, at most {@code max}. */
    private static <E extends Enum<E>> Set<E> set(Map<String, Object> body, String field, Class<E> type, int max, FieldErrors errors,
                                                  Function<Object, E> parse) {
        if (!body.containsKey(field)) {
            return null;
        }
        Object v = body.get(field);
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            errors.add(field, v == null || v instanceof List<?> ? "required" : "invalid-value");
            return null;
        }
        if (list.size() > max) {
            errors.add(field, "out-of-range");
            return null;
        }
        Set<E> values = EnumSet.noneOf(type);
        for (int i = 0; i < list.size(); i++) {
            E parsed = parse.apply(list.get(i));
            if (parsed == null) {
                errors.add(field + "[" + i + "]", "invalid-value");
            } else {
                values.add(parsed);
            }
        }
        return values;
    }

    static Map<String, Object> view(MentorProfiles.MentorProfile p) {
        Mentor m = p.mentor();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", p.version());
        view.put("subjects", m.subjects().stream().map(Enum::name).sorted().toList());
        view.put("levels", m.levels().stream().map(Enum::name).sorted().toList());
        view.put("languages", m.languages().stream().map(Language::tag).sorted().toList());
        return view;
    }
}
