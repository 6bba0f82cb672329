package kr.seoullearn.mentoring.dynamo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The one place that knows the mentor's item {@code T#<tenant>#U#<sub> / MENTOR}: profile (as
 * JSON), availability and its version, the {@code mentees} counter matching guards, the term a
 * recruited mentor serves ({@code termEnds}, {@code readUntil}), and GSI1 under the tenant's
 * mentors. Whoever creates or changes mentors (seed data, recruitment's onboarding) writes
 * through {@link #upsert}, so the profile is written one way.
 */
final class MentorItems {
    static final String MENTOR_ID = "mentorId";
    static final String MENTEES = "mentees";
    static final String AVAILABILITY = "availability";
    static final String AVAILABILITY_VERSION = "availabilityVersion";
    static final String TERM_ENDS = "termEnds";
    static final String READ_UNTIL = "readUntil";
    /** The levels taught, as a string set beside the profile: the matching transaction's condition reads it (docs/adr/0038). */
    static final String LEVELS = "mentorLevels";
    private static final AttributeValue ZERO = AttributeValue.fromN("0");

    private MentorItems() {}

    static ItemKey key(TenantId tenant, String userId) {
        return MentoringKeys.mentor(tenant, userId);
    }

    /**
     * Adds or replaces the mentor's profile, keeping their availability, its version and their
     * mentee count if the item exists; {@code alsoSet} are further attributes set by the same
     * update (recruitment's term: {@code termStarts}, {@code termEnds}, {@code readUntil}).
     */
    static Update upsert(String table, Mentor m, Map<String, AttributeValue> alsoSet) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("university", m.university());
        profile.put("subjects", m.subjects().stream().map(Enum::name).sorted().toList());
        profile.put("levels", m.levels().stream().map(Enum::name).sorted().toList());
        profile.put("languages", m.languages().stream().map(Language::tag).sorted().toList());
        profile.put("capacity", m.capacity());
        StringBuilder expression = new StringBuilder("SET #type = :type, #name = :name, #profile = :profile, #mentorId = :mentorId, "
                + "GSI1PK = :gpk, GSI1SK = :gsk, #mentees = if_not_exists(#mentees, :zero), "
                + "#availability = if_not_exists(#availability, :availability), #version = if_not_exists(#version, :zero), "
                + "#levels = :levels");
        Map<String, String> names = new HashMap<>(Map.of("#type", "type", "#name", "name", "#profile", "profile",
                "#mentorId", MENTOR_ID, "#mentees", MENTEES, "#availability", AVAILABILITY, "#version", AVAILABILITY_VERSION,
                "#levels", LEVELS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", AttributeValue.fromS("MENTOR"),
                ":name", AttributeValue.fromS(m.name()), ":profile", AttributeValue.fromS(Json.write(profile)),
                ":mentorId", AttributeValue.fromS(m.userId()),
                ":gpk", AttributeValue.fromS(MentoringKeys.mentors(m.tenant())), ":gsk", AttributeValue.fromS(m.userId()),
                ":zero", ZERO, ":availability", AttributeValue.fromS(Json.write(m.availability().toMap())), ":levels", levels(m)));
        int i = 0;
        for (var set : alsoSet.entrySet()) {
            expression.append(", #also").append(i).append(" = :also").append(i);
            names.put("#also" + i, set.getKey());
            values.put(":also" + i, set.getValue());
            i++;
        }
        return Update.builder().tableName(table).key(key(m.tenant(), m.userId()).attributes())
                .updateExpression(expression.toString()).expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    /** The mentor's levels as a string set (a mentor teaches at least one level; recruitment and corrections require it). */
    static AttributeValue levels(Mentor m) {
        return AttributeValue.fromSs(m.levels().stream().map(Enum::name).sorted().toList());
    }

    @SuppressWarnings("unchecked")
    static Mentor mentor(TenantId tenant, Map<String, AttributeValue> item) {
        Map<String, Object> profile = Json.readObject(item.get("profile").s());
        Set<MentoringSubject> subjects = EnumSet.noneOf(MentoringSubject.class);
        ((List<Object>) profile.get("subjects")).forEach(s -> subjects.add(MentoringSubject.valueOf(String.valueOf(s))));
        Set<SchoolLevel> levels = EnumSet.noneOf(SchoolLevel.class);
        ((List<Object>) profile.get("levels")).forEach(s -> levels.add(SchoolLevel.valueOf(String.valueOf(s))));
        Set<Language> languages = EnumSet.noneOf(Language.class);
        ((List<Object>) profile.get("languages")).forEach(s -> languages.add(Language.fromTag(String.valueOf(s))));
        // GSI1SK holds the same id: mentors written before mentorId was stored have only that
        String userId = item.containsKey(MENTOR_ID) ? item.get(MENTOR_ID).s() : item.get(Keys.GSI1SK).s();
        Availability availability = item.containsKey(AVAILABILITY)
                ? Availability.fromStored(Json.readObject(item.get(AVAILABILITY).s()), MentoringItems.number(item, AVAILABILITY_VERSION))
                : Availability.NONE;
        return new Mentor(tenant, userId, item.get("name").s(), String.valueOf(profile.get("university")), subjects, levels, languages,
                ((Number) profile.get("capacity")).intValue(), (int) MentoringItems.number(item, MENTEES), availability,
                item.containsKey(TERM_ENDS) ? LocalDate.parse(item.get(TERM_ENDS).s()) : null,
                item.containsKey(READ_UNTIL) ? LocalDate.parse(item.get(READ_UNTIL).s()) : null);
    }
}
