package kr.seoullearn.platform.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.http.Refusal;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One TransactWriteItems under construction: its writes, in order, each with what the failure of
 * its condition means to the caller. A write added without a refusal has an internal condition
 * (an invariant the request cannot break): its failure is logged and answered with a 503.
 */
public final class Transaction {
    private final String operation;
    private final List<TransactWriteItem> items = new ArrayList<>();
    private final List<Function<Map<String, AttributeValue>, Refusal>> refusals = new ArrayList<>();
    private int witness = -1;

    private Transaction(String operation) {
        this.operation = operation;
    }

    /** A new transaction; the operation's name goes into logs (never personal data). */
    public static Transaction named(String operation) {
        return new Transaction(operation);
    }

    /** A write whose condition (if any) is internal. Returns its position. */
    public int add(TransactWriteItem item) {
        return add(item, (Function<Map<String, AttributeValue>, Refusal>) null);
    }

    /** A write whose failed condition refuses the request with {@code refusal}. Returns its position. */
    public int add(TransactWriteItem item, Refusal refusal) {
        return add(item, old -> refusal);
    }

    /**
     * A write whose failed condition is judged from the item as it was (the write must ask for
     * {@code ReturnValuesOnConditionCheckFailure.ALL_OLD} to see it; otherwise the function gets
     * an empty map). Returns its position.
     */
    public int add(TransactWriteItem item, Function<Map<String, AttributeValue>, Refusal> refusal) {
        items.add(item);
        refusals.add(refusal);
        return items.size() - 1;
    }

    /** Adds every write of {@code parts} with an internal condition (e.g. figures, due reminders). */
    public Transaction addAll(List<TransactWriteItem> parts) {
        parts.forEach(this::add);
        return this;
    }

    /**
     * The put of a new item under a fresh random id whose {@code attribute_not_exists} can only
     * fail because this very transaction committed on an earlier attempt whose answer was lost:
     * DynamoDB recognises such a retry by its ClientRequestToken for ten minutes; the witness
     * covers an endpoint that does not. Returns its position.
     */
    public int witness(TransactWriteItem put) {
        witness = add(put);
        return witness;
    }

    public String operation() {
        return operation;
    }

    public int size() {
        return items.size();
    }

    List<TransactWriteItem> items() {
        return List.copyOf(items);
    }

    int witnessPosition() {
        return witness;
    }

    /** The refusal for a failed condition at {@code position}, or null when that condition is internal. */
    Refusal refusal(int position, Map<String, AttributeValue> old) {
        var judge = refusals.get(position);
        return judge == null ? null : judge.apply(old == null ? Map.of() : old);
    }
}
