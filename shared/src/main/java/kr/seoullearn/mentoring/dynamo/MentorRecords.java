package kr.seoullearn.mentoring.dynamo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Mentors: their profiles, read one by one or all of a tenant for matching, and their availability. */
final class MentorRecords {
    private final MentoringTable table;

    MentorRecords(MentoringTable table) {
        this.table = table;
    }

    Optional<Mentor> mentor(TenantId tenant, String userId) {
        return table.get(MentorItems.key(tenant, userId)).map(i -> MentorItems.mentor(tenant, i));
    }

    /** One Query of GSI1 (a tenant has hundreds of mentors at most). */
    List<Mentor> mentors(TenantId tenant) {
        return Queries.all(table.dynamo(), QueryRequest.builder().tableName(table.name()).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MentoringKeys.mentors(tenant)))).build())
                .stream().map(i -> MentorItems.mentor(tenant, i)).toList();
    }

    void saveMentor(Mentor m) {
        var update = MentorItems.upsert(table.name(), m, Map.of());
        table.dynamo().updateItem(UpdateItemRequest.builder().tableName(update.tableName()).key(update.key())
                .updateExpression(update.updateExpression()).expressionAttributeNames(update.expressionAttributeNames())
                .expressionAttributeValues(update.expressionAttributeValues()).build());
    }

    /** Replaces the availability if its version is still {@code expectedVersion}: one conditional UpdateItem. */
    Availability saveAvailability(TenantId tenant, String mentorId, Availability a, long expectedVersion) {
        long next = expectedVersion + 1;
        try {
            table.dynamo().updateItem(u -> u.tableName(table.name()).key(MentorItems.key(tenant, mentorId).attributes())
                    .updateExpression("SET #availability = :a, #version = :next")
                    .conditionExpression("attribute_exists(PK) AND #version = :expected")
                    .expressionAttributeNames(Map.of("#availability", MentorItems.AVAILABILITY, "#version", MentorItems.AVAILABILITY_VERSION))
                    .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(Json.write(a.toMap())),
                            ":next", MentoringItems.n(next), ":expected", MentoringItems.n(expectedVersion)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                throw new ProblemException(MentoringRefusal.MENTOR_NOT_FOUND);
            }
            throw new ProblemException(Problem.VERSION_CONFLICT,
                    Map.of("version", MentoringItems.number(e.item(), MentorItems.AVAILABILITY_VERSION)));
        }
        return new Availability(a.weekly(), a.away(), next);
    }
}
