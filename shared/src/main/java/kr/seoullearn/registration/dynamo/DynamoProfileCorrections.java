package kr.seoullearn.registration.dynamo;

import static kr.seoullearn.registration.dynamo.ApplicationItems.num;
import static kr.seoullearn.registration.dynamo.ApplicationItems.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.Refusal;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.CorrectionRefusal;
import kr.seoullearn.registration.domain.ProfileCorrection;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.port.ProfileCorrections;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The profile's update of a correction: {@code SET} what changes, {@code version + 1},
 * {@code correctedAt}; a level change also {@code levelChangedYear = <school year>}. Condition:
 * {@code version = :read AND status = APPROVED} and, for a level change,
 * {@code attribute_not_exists(levelChangedYear) OR levelChangedYear < :year}. A failure is judged
 * from the item as it was (ALL_OLD).
 */
final class DynamoProfileCorrections implements ProfileCorrections {
    private final String table;
    private final TransactionRunner runner;
    private final ApplicationReads reads;

    DynamoProfileCorrections(String table, TransactionRunner runner, ApplicationReads reads) {
        this.table = table;
        this.runner = runner;
        this.reads = reads;
    }

    @Override
    public Optional<Application> find(TenantId tenant, String userId) {
        return reads.find(tenant, userId);
    }

    @Override
    public void write(Transaction tx, Application current, ProfileCorrection.Changes c, long expectedVersion, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#version", "version"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":expected", num(expectedVersion), ":next", num(expectedVersion + 1),
                ":approved", str(RegistrationStatus.APPROVED.name()), ":now", str(now.toString())));
        List<String> set = new ArrayList<>(List.of("#version = :next", "correctedAt = :now"));
        List<String> remove = new ArrayList<>();
        String condition = "#version = :expected AND #status = :approved";
        if (c.district() != null) {
            set.add("#district = :district");
            names.put("#district", "district");
            values.put(":district", str(c.district()));
        }
        if (c.language() != null) {
            set.add("#language = :language");
            names.put("#language", "language");
            values.put(":language", str(c.language().tag()));
        }
        if (c.guardianContact() != null) {
            set.add("guardianContact = :contact");
            values.put(":contact", str(c.guardianContact()));
        }
        if (c.levelChanges()) {
            int year = ProfileCorrection.schoolYear(now);
            set.add("schoolLevel = :level");
            set.add("levelChangedYear = :year");
            values.put(":level", str(c.schoolLevel().name()));
            values.put(":year", num(year));
            if (c.grade() == null) {
                remove.add("grade");
            } else {
                set.add("grade = :grade");
                values.put(":grade", num(c.grade()));
            }
            condition += " AND (attribute_not_exists(levelChangedYear) OR levelChangedYear < :year)";
        }
        String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        String conditionExpression = condition;
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(RegistrationKeys.profile(current.tenant(), current.userId()).attributes())
                .updateExpression(update)
                .conditionExpression(conditionExpression)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                old -> why(old, expectedVersion));
    }

    /** Which part of the condition failed, from the profile as it was. */
    private static Refusal why(Map<String, AttributeValue> old, long expectedVersion) {
        if (old.isEmpty()) {
            return Problem.NOT_FOUND;
        }
        if (!old.containsKey("version") || Long.parseLong(old.get("version").n()) != expectedVersion) {
            return Problem.VERSION_CONFLICT;
        }
        if (!old.containsKey("status") || !RegistrationStatus.APPROVED.name().equals(old.get("status").s())) {
            return CorrectionRefusal.PROFILE_NOT_CORRECTABLE;
        }
        return CorrectionRefusal.LEVEL_CHANGE_USED;
    }

    @Override
    public Application correct(Application current, ProfileCorrection.Changes changes, long expectedVersion, Instant now,
                               Consumer<Transaction> alongside) {
        Transaction tx = Transaction.named("correct profile");
        write(tx, current, changes, expectedVersion, now);
        if (alongside != null) {
            alongside.accept(tx);
        }
        runner.commit(tx);
        return reads.reread(current);
    }
}
