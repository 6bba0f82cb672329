package kr.seoullearn.mentoring.dynamo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.port.MentorOnboarding;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Refusal;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The mentor item ({@code T#<tenant>#U#<sub> / MENTOR}, docs/data-model.md "Mentoring") as
 * recruitment writes it: the same attributes as the mentoring ledger's own profile write, plus
 * {@code termStarts}, {@code termEnds} and {@code readUntil}.
 */
final class DynamoMentorOnboarding implements MentorOnboarding {
    private static final AttributeValue ZERO = AttributeValue.fromN("0");

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoMentorOnboarding(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static ItemKey mentorKey(TenantId tenant, String mentorId) {
        return ItemKey.of(Keys.user(tenant, mentorId), MentoringKeys.MENTOR);
    }

    @Override
    public Optional<MentorTerm> term(TenantId tenant, String mentorId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(mentorKey(tenant, mentorId).attributes())
                .projectionExpression("#name, termEnds, readUntil").expressionAttributeNames(Map.of("#name", "name"))).item();
        if (item == null || item.isEmpty() || !item.containsKey("name")) {
            return Optional.empty();
        }
        return Optional.of(new MentorTerm(mentorId, item.get("name").s(), date(item, "termEnds"), date(item, "readUntil")));
    }

    @Override
    public void onboard(Transaction tx, Mentor m, LocalDate termStarts) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":type", s("MENTOR"));
        values.put(":name", s(m.name()));
        values.put(":profile", s(profileJson(m)));
        values.put(":gpk", s(MentoringKeys.mentors(m.tenant())));
        values.put(":gsk", s(m.userId()));
        values.put(":zero", ZERO);
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":availability", s(Json.write(m.availability().toMap())));
        values.put(":starts", s(termStarts.toString()));
        values.put(":ends", s(m.termEnds().toString()));
        values.put(":read", s(m.readUntil().toString()));
        values.put(":levels", MentorItems.levels(m));
        // no condition: a mentor chosen again (a later round) gets the new profile and term, keeping mentees and availability;
        // the profile's version moves, so a correction read before it is refused rather than lost (docs/adr/0038)
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(mentorKey(m.tenant(), m.userId()).attributes())
                .updateExpression("SET #type = :type, #name = :name, #profile = :profile, GSI1PK = :gpk, GSI1SK = :gsk, "
                        + "#mentees = if_not_exists(#mentees, :zero), #availability = if_not_exists(#availability, :availability), "
                        + "#version = if_not_exists(#version, :zero), termStarts = :starts, termEnds = :ends, readUntil = :read, "
                        + "#levels = :levels, #profileVersion = if_not_exists(#profileVersion, :zero) + :one")
                .expressionAttributeNames(Map.of("#type", "type", "#name", "name", "#profile", "profile", "#mentees", "mentees",
                        "#availability", "availability", "#version", "availabilityVersion", "#levels", MentorItems.LEVELS,
                        "#profileVersion", DynamoMentorProfiles.PROFILE_VERSION))
                .expressionAttributeValues(values)).build());
    }

    @Override
    public void extendTerm(Transaction tx, TenantId tenant, String mentorId, LocalDate termEnds, LocalDate newTermEnds,
                           LocalDate newReadUntil, Refusal ifMoved) {
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(mentorKey(tenant, mentorId).attributes())
                .updateExpression("SET termEnds = :ends, readUntil = :read")
                .conditionExpression("termEnds = :old")
                .expressionAttributeValues(Map.of(":ends", s(newTermEnds.toString()), ":read", s(newReadUntil.toString()),
                        ":old", s(termEnds.toString())))).build(), ifMoved);
    }

    /** The mentor item's {@code profile} attribute (what matching reads), the same for the mentoring ledger's own writes. */
    static String profileJson(Mentor m) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("university", m.university());
        profile.put("subjects", m.subjects().stream().map(Enum::name).sorted().toList());
        profile.put("levels", m.levels().stream().map(Enum::name).sorted().toList());
        profile.put("languages", m.languages().stream().map(Language::tag).sorted().toList());
        profile.put("capacity", m.capacity());
        return Json.write(profile);
    }

    private static LocalDate date(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? LocalDate.parse(item.get(name).s()) : null;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
