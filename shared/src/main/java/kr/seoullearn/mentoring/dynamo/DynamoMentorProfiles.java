package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.dynamo.AuditStorage;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.mentoring.port.MentorProfiles;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The mentor item's {@code profile} (as matching reads it) and {@code mentorLevels} (what the
 * matching transaction checks), replaced under {@code profileVersion}; an audit entry with the
 * before and after codes in the same transaction.
 */
final class DynamoMentorProfiles implements MentorProfiles {
    static final String PROFILE_VERSION = "profileVersion";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner runner;

    DynamoMentorProfiles(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.runner = new TransactionRunner(dynamo);
    }

    @Override
    public Optional<MentorProfile> profile(TenantId tenant, String mentorId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(MentorItems.key(tenant, mentorId).attributes())).item();
        if (item == null || item.isEmpty() || !item.containsKey("profile")) {
            return Optional.empty();
        }
        return Optional.of(new MentorProfile(MentorItems.mentor(tenant, item), MentoringItems.number(item, PROFILE_VERSION)));
    }

    @Override
    public MentorProfile correct(MentorProfile current, long expectedVersion, Set<MentoringSubject> subjects, Set<SchoolLevel> levels,
                                 Set<Language> languages, Instant at) {
        Mentor m = current.mentor();
        Mentor after = new Mentor(m.tenant(), m.userId(), m.name(), m.university(), subjects, levels, languages, m.capacity(), m.mentees(),
                m.availability(), m.termEnds(), m.readUntil());
        long next = expectedVersion + 1;
        Transaction tx = Transaction.named("correct mentor profile");
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(MentorItems.key(m.tenant(), m.userId()).attributes())
                .updateExpression("SET #profile = :profile, #levels = :levels, #version = :next")
                // the item's version as the mentor read it: a concurrent correction (or a new selection) refuses this one
                .conditionExpression(expectedVersion == 0 ? "attribute_exists(PK) AND attribute_not_exists(#version)"
                        : "attribute_exists(PK) AND #version = :expected")
                .expressionAttributeNames(Map.of("#profile", "profile", "#levels", MentorItems.LEVELS, "#version", PROFILE_VERSION))
                .expressionAttributeValues(values(after, next, expectedVersion))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                old -> old == null || old.isEmpty() ? MentoringRefusal.MENTOR_NOT_FOUND : Problem.VERSION_CONFLICT);
        AuditStorage.writes(table).record(tx, AuditEntry.of(m.tenant(), m.userId(), "mentor.profile.correct", "mentor", m.userId(), at,
                codes(m), codes(after)));
        runner.commit(tx);
        return new MentorProfile(after, next);
    }

    private static Map<String, AttributeValue> values(Mentor after, long next, long expected) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":profile", AttributeValue.fromS(DynamoMentorOnboarding.profileJson(after)));
        values.put(":levels", MentorItems.levels(after));
        values.put(":next", MentoringItems.n(next));
        if (expected != 0) {
            values.put(":expected", MentoringItems.n(expected));
        }
        return values;
    }

    /** What the audit trail keeps: codes only, never the name or university. */
    private static Map<String, String> codes(Mentor m) {
        return Map.of("subjects", String.join(",", m.subjects().stream().map(Enum::name).sorted().toList()),
                "levels", String.join(",", m.levels().stream().map(Enum::name).sorted().toList()),
                "languages", String.join(",", m.languages().stream().map(Language::tag).sorted().toList()));
    }
}
