package kr.seoullearn.platform.dynamo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.http.Refusal;
import kr.seoullearn.platform.log.Log;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The one ticket queue (a provider's waitlist for seats, a district's queue for laptops): places
 * counted on a capacity item, and entries {@code WAIT#<ticket, 12 digits>} in its partition, so
 * one Query in key order reads the first in line first.
 *
 * <ul>
 *   <li>A newcomer takes a place only when one is free AND nobody waits: nobody passes the queue.</li>
 *   <li>Otherwise they take a ticket from an atomic counter on the capacity item (one UpdateItem:
 *       arrival order, and no race to lose in a burst), taken only while no place is free for a
 *       newcomer, and join the line under it while that is still so. When a place came free
 *       meanwhile the ticket is dropped and the newcomer takes the place.</li>
 *   <li>A place free while others wait (a change that stopped before it served the queue) is
 *       handed on once by the newcomer who finds it, before they take a ticket.</li>
 *   <li>A position is the count of entries ahead.</li>
 *   <li>A promotion moves the lowest tickets into free places in one transaction (at most
 *       {@link #MAX_PER_TRANSACTION}), with the domain's writes for each.</li>
 * </ul>
 *
 * Each use configures it: the capacity item's key and how it counts places ({@link Spec}), and
 * the domain's writes that go with an arrival ({@link Arrival}) and a promotion ({@link Promotion}).
 * Transactions go through the {@link TransactionRunner}.
 */
public final class TicketQueue {
    /**
     * Entries moved into places by one transaction: up to four writes each (leaving the line, the
     * domain's write, and a notice's inbox entry and outbox item, docs/adr/0027) plus a few for the
     * counts, the guards and the figures — within DynamoDB's 100 per transaction.
     */
    public static final int MAX_PER_TRANSACTION = 20;
    /** Tries of an arrival: a place, else a ticket and a place in line; again when a place came free meanwhile. */
    static final int ARRIVAL_ATTEMPTS = 12;
    /** Tries of a promotion whose capacity item changed under it: each such failure means another request went through. */
    static final int RACE_ATTEMPTS = 20;
    public static final String WAIT_PREFIX = "WAIT#";
    private static final Log LOG = Log.of(TicketQueue.class);

    /**
     * How one kind of queue counts on its capacity item.
     *
     * @param places     how places are counted
     * @param waiting    the attribute counting entries in line
     * @param lastTicket the attribute holding the last ticket handed out
     * @param arrivals   an attribute counting every arrival, placed or queued (null: none)
     * @param missing    the refusal when the capacity item is not there (null: the first ticket creates it)
     */
    public record Spec(Places places, String waiting, String lastTicket, String arrivals, Refusal missing) {}

    /** A capacity item as read: free places and entries in line. */
    public record Counts(boolean exists, long free, long waiting, Map<String, AttributeValue> item) {
        /** How many in line can be given a place now, first in line first. */
        public long promotable() {
            return exists ? Math.min(free, waiting) : 0;
        }
    }

    /** One entry in line, as read (the domain finds who waits in its attributes). */
    public record Entry(ItemKey key, long ticket, Map<String, AttributeValue> item) {
        public String string(String attribute) {
            return item.get(attribute).s();
        }
    }

    /** What a newcomer writes besides the queue's own writes, and what they get. */
    public interface Arrival<R> {
        /**
         * Adds the domain's writes for a newcomer who takes a place ({@code ticket} null) or waits
         * under {@code ticket}. Their conditions are judged before the capacity item's.
         */
        void writes(Transaction tx, Long ticket);

        /** The queue entry's attributes besides its key and ticket (who waits, since when). */
        Map<String, AttributeValue> entry(long ticket);

        /** The newcomer's answer: placed ({@code ticket} null) or waiting under {@code ticket}. */
        R admitted(Long ticket);

        /** Cancelled by a condition of the domain's writes: by default its refusal. */
        default R refused(Transaction tx, TransactionRunner.Outcome outcome, TransactionRunner runner) {
            throw runner.refusalOf(tx, outcome);
        }
    }

    /** What goes with moving entries into places. */
    public interface Promotion {
        /** The operation's name for logs. */
        String operation();

        /** Conditions under which the line gets places at all (a provider that left gets none); a failed one ends the promotion. */
        List<TransactWriteItem> guards();

        /** The domain's writes for one entry given a place (its entry's delete is the queue's). */
        void promote(Transaction tx, Entry entry);

        /** The domain's writes for {@code count} entries promoted in one transaction (figures). */
        void promoted(Transaction tx, int count);
    }

    private final DynamoDbClient dynamo;
    private final TransactionRunner runner;
    private final String table;
    private final Spec spec;
    private final ItemKey capacity;
    private final CapacityWrites writes;
    private final Promotion promotion;

    /**
     * @param capacity the capacity item; its entries go in its partition
     * @param created  attributes the first ticket sets when it creates the capacity item ({@code spec.missing()} null)
     */
    public TicketQueue(DynamoDbClient dynamo, TransactionRunner runner, String table, Spec spec, ItemKey capacity,
                       Map<String, AttributeValue> created, Promotion promotion) {
        this.dynamo = dynamo;
        this.runner = runner;
        this.table = table;
        this.spec = spec;
        this.capacity = capacity;
        this.writes = new CapacityWrites(table, spec, capacity, created == null ? Map.of() : Map.copyOf(created));
        this.promotion = promotion;
    }

    // ------------------------------------------------------------------ keys and counts

    /** Twelve digits: tickets sort as numbers. */
    public static String sortKey(long ticket) {
        return WAIT_PREFIX + String.format("%012d", ticket);
    }

    public ItemKey entryKey(long ticket) {
        return ItemKey.of(capacity.pk(), sortKey(ticket));
    }

    public Counts counts(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return new Counts(false, 0, 0, Map.of());
        }
        return new Counts(true, spec.places().free(item), Places.number(item, spec.waiting()), item);
    }

    public Counts read() {
        return counts(dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(capacity.attributes())).item());
    }

    /** Entries ahead of {@code ticket} (0: first in line). */
    public long ahead(long ticket) {
        long ahead = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(q -> q.tableName(table).consistentRead(true).select(Select.COUNT)
                    .keyConditionExpression("PK = :pk AND SK BETWEEN :first AND :before")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(capacity.pk()),
                            ":first", AttributeValue.fromS(sortKey(0)), ":before", AttributeValue.fromS(sortKey(ticket - 1))))
                    .exclusiveStartKey(from));
            ahead += r.count();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return ahead;
    }

    /** The first {@code limit} entries in line, first first. */
    public List<Entry> head(int limit) {
        return dynamo.query(q -> q.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(capacity.pk()),
                                ":prefix", AttributeValue.fromS(WAIT_PREFIX)))
                        .limit(limit))
                .items().stream()
                .map(i -> new Entry(ItemKey.of(i.get(Keys.PK).s(), i.get(Keys.SK).s()), Long.parseLong(i.get("ticket").n()), i))
                .toList();
    }

    /** The delete of an entry that leaves the line (its {@code waiting} count is the caller's to lower). */
    public TransactWriteItem leave(long ticket) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(entryKey(ticket).attributes())
                .conditionExpression("attribute_exists(PK)")).build();
    }

    // ------------------------------------------------------------------ arrival

    /** A newcomer: a place when one is free and nobody waits, else a place in line. */
    public <R> R admit(String operation, Arrival<R> arrival) {
        Long ticket = null; // a ticket taken and not used yet
        boolean helped = false;
        for (int attempt = 0; attempt < ARRIVAL_ATTEMPTS; attempt++) {
            Transaction tx = Transaction.named(operation);
            arrival.writes(tx, ticket);
            int at = tx.add(ticket == null ? writes.takePlace() : writes.join());
            if (ticket != null) {
                Map<String, AttributeValue> entry = new HashMap<>(arrival.entry(ticket));
                entry.putAll(entryKey(ticket).attributes());
                entry.put("ticket", AttributeValue.fromN(Long.toString(ticket)));
                tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(entry)
                        .conditionExpression("attribute_not_exists(PK)")).build());
            }
            TransactionRunner.Outcome outcome = runner.attempt(tx);
            if (outcome.committed()) {
                return arrival.admitted(ticket);
            }
            if (!outcome.failed(at) || failedBefore(outcome, at)) {
                return arrival.refused(tx, outcome, runner);
            }
            Counts seen = counts(outcome.item(at));
            if (!seen.exists() && spec.missing() != null) {
                throw new ProblemException(spec.missing());
            }
            if (ticket != null) {
                ticket = null; // a place came free and nobody waits: the ticket is not needed, take the place
                continue;
            }
            if (seen.promotable() > 0 && !helped) {
                helped = true; // a place free while others wait: hand it to the first in line, then try again
                promote(seen);
                continue;
            }
            ticket = takeTicket();
        }
        LOG.warn("arrival did not settle", "operation", operation, "attempts", ARRIVAL_ATTEMPTS);
        throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
    }

    private static boolean failedBefore(TransactionRunner.Outcome outcome, int position) {
        for (int i = 0; i < position; i++) {
            if (outcome.failed(i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next ticket: an atomic counter on the capacity item (one UpdateItem, no race to lose),
     * taken only while there is no place for a newcomer. Null when a place came free meanwhile.
     * Creates the capacity item (no places) where the queue allows it, so that people can wait
     * for places to come.
     */
    Long takeTicket() {
        UpdateItemRequest ticket = writes.ticket();
        for (int conflicts = 0; ; conflicts++) {
            try {
                return Long.valueOf(dynamo.updateItem(ticket).attributes().get(spec.lastTicket()).n());
            } catch (ConditionalCheckFailedException e) {
                return null;
            } catch (TransactionConflictException e) {
                // a transaction on the capacity item is in flight (DynamoDB refuses the update meanwhile)
                if (conflicts >= Backoff.CONFLICT_RETRIES) {
                    throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
                }
                runner.backoff().pause(conflicts + 1);
            }
        }
    }

    // ------------------------------------------------------------------ promotion

    /** Moves the first in line into free places, in ticket order, while places are free and entries wait. Returns how many. */
    public int promote() {
        return promote(read());
    }

    /** As {@link #promote()}, starting from counts just read or written. */
    public int promote(Counts known) {
        Counts s = known;
        int promoted = 0;
        for (int attempt = 0; attempt < RACE_ATTEMPTS; attempt++) {
            int n = (int) Math.min(s.promotable(), MAX_PER_TRANSACTION);
            if (n == 0) {
                return promoted;
            }
            List<Entry> heads = head(n);
            if (heads.isEmpty()) {
                LOG.warn("waiting counter without entries", "operation", promotion.operation());
                return promoted;
            }
            int count = heads.size();
            Transaction tx = Transaction.named(promotion.operation());
            int at = tx.add(writes.takeForLine(s, count));
            List<Integer> guards = new ArrayList<>();
            promotion.guards().forEach(g -> guards.add(tx.add(g)));
            for (Entry e : heads) {
                tx.add(leave(e.ticket()));
                promotion.promote(tx, e);
            }
            promotion.promoted(tx, count);
            TransactionRunner.Outcome outcome = runner.attempt(tx);
            if (outcome.committed()) {
                promoted += count;
                s = after(s, count);
                LOG.info("promoted from the line", "operation", promotion.operation(), "count", count);
            } else if (guards.stream().anyMatch(outcome::failed)) {
                return promoted; // the line gets no more places (e.g. the provider left)
            } else if (outcome.failed(at)) {
                s = counts(outcome.item(at)); // places taken or given back meanwhile
                runner.backoff().pause(attempt);
            } else if (!outcome.codes().contains("ConditionalCheckFailed")) {
                throw runner.refusalOf(tx, outcome);
            } else {
                s = read(); // the head changed under us (someone left the line): read again
            }
        }
        return promoted;
    }

    /** The counts after {@code n} were promoted; read again while places are free (someone may have joined meanwhile). */
    private Counts after(Counts before, int n) {
        Counts after = new Counts(true, before.free() - n, before.waiting() - n, before.item());
        return after.free() > 0 ? read() : after;
    }
}
