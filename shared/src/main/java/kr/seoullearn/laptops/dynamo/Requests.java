package kr.seoullearn.laptops.dynamo;

import static kr.seoullearn.laptops.dynamo.LaptopItems.FALSE;
import static kr.seoullearn.laptops.dynamo.LaptopItems.s;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.domain.FigureRow;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.LaptopRefusal;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopRules;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.port.LaptopLedger.NewRequest;
import kr.seoullearn.laptops.port.LaptopLedger.Placed;
import kr.seoullearn.platform.dynamo.TicketQueue;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A learner's new request: approved at once when a unit is free and nobody waits, else queued
 * ({@link TicketQueue}). In the same transaction: the learner's one active request (their
 * marker), the request, its audit entries and the figures.
 */
final class Requests {
    private static final Log LOG = Log.of(Requests.class);

    private final String table;
    private final LaptopQueues queues;
    private final FigureWrites figures;
    private final BiFunction<TenantId, String, Optional<LaptopRequest>> find;

    Requests(String table, LaptopQueues queues, FigureWrites figures, BiFunction<TenantId, String, Optional<LaptopRequest>> find) {
        this.table = table;
        this.queues = queues;
        this.figures = figures;
        this.find = find;
    }

    Placed request(NewRequest r) {
        TicketQueue queue = queues.of(r.tenant(), r.district(), r.now());
        return queue.admit("request", new Arrival(r, queue));
    }

    private final class Arrival implements TicketQueue.Arrival<Placed> {
        private final NewRequest r;
        private final TicketQueue queue;
        private int marker;

        Arrival(NewRequest r, TicketQueue queue) {
            this.r = r;
            this.queue = queue;
        }

        private LaptopRequest request(Long ticket) {
            boolean direct = ticket == null;
            return new LaptopRequest(r.tenant(), r.requestId(), r.userId(), r.district(),
                    direct ? LaptopStatus.APPROVED : LaptopStatus.REQUESTED, ticket, r.pickupCode(), r.now(),
                    direct ? r.now() : null, null, null, null, null, null, 1, null, null, 0, null);
        }

        @Override
        public void writes(Transaction tx, Long ticket) {
            boolean direct = ticket == null;
            LaptopRequest req = request(ticket);
            marker = tx.add(holdMarker());
            tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(LaptopItems.requestItem(req))
                    .conditionExpression("attribute_not_exists(PK)")).build());
            tx.add(requestRef());
            Actor learner = new Actor(r.userId(), Actor.Kind.LEARNER);
            tx.add(LaptopItems.putAudit(table, LaptopItems.statusAudit(req, null, LaptopStatus.REQUESTED, learner, null, r.now()),
                    r.tenant(), direct ? 0 : 1));
            if (direct) {
                tx.add(LaptopItems.putAudit(table, LaptopItems.statusAudit(req, LaptopStatus.REQUESTED, LaptopStatus.APPROVED,
                        Actor.SYSTEM, null, r.now().plusNanos(1_000)), r.tenant(), 1));
            }
            FigureDelta delta = FigureDelta.of(Figure.LAPTOPS, 1, LaptopStatus.REQUESTED.name(), r.district());
            if (direct) {
                delta.add(Figure.LAPTOPS, 1, LaptopStatus.APPROVED.name(), r.district());
            } else {
                delta.add(Figure.LAPTOPS_QUEUED, 1, r.district());
            }
            figures.count(tx, r.tenant(), r.now(), delta);
            figures.row(tx, FigureRow.of(r.tenant(), r.now(), r.userId(), "LAPTOP", req.status().name()).district(r.district()));
        }

        /**
         * The learner's own reference to this request, kept after it closes (the marker moves on to
         * the next one): how the export finds every request the person ever made, by key.
         */
        private TransactWriteItem requestRef() {
            Map<String, AttributeValue> item = new HashMap<>(LaptopKeys.requestRef(r.tenant(), r.userId(), r.now(), r.requestId()).attributes());
            item.put("type", s("LAPTOP_REQUEST_REF"));
            item.put("requestId", s(r.requestId()));
            item.put("requestedAt", s(r.now().toString()));
            return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)")).build();
        }

        /**
         * The learner's one active request: taken only when they hold none. Its failure is judged
         * from the marker as it was (a retry of the same request, or another one active).
         */
        private TransactWriteItem holdMarker() {
            Map<String, AttributeValue> item = new HashMap<>(LaptopKeys.marker(r.tenant(), r.userId()).attributes());
            item.put("type", s("LAPTOP_MARKER"));
            item.put("requestId", s(r.requestId()));
            item.put("active", AttributeValue.fromBool(true));
            if (r.idempotencyKey() != null) {
                item.put("idempotencyKey", s(r.idempotencyKey()));
            }
            return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR active = :false")
                    .expressionAttributeValues(Map.of(":false", FALSE))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
        }

        @Override
        public Map<String, AttributeValue> entry(long ticket) {
            return LaptopItems.queueEntry(request(ticket));
        }

        @Override
        public Placed admitted(Long ticket) {
            LOG.info(ticket == null ? "laptop approved on request" : "laptop request queued", "tenant", r.tenant().value(),
                    "district", r.district());
            return new Placed(request(ticket), ticket == null ? 0 : LaptopRules.position(queue.ahead(ticket)), false);
        }

        @Override
        public Placed refused(Transaction tx, TransactionRunner.Outcome outcome, TransactionRunner runner) {
            if (outcome.failed(marker)) {
                return replayOrRefuse(outcome.item(marker));
            }
            throw runner.refusalOf(tx, outcome);
        }

        /**
         * The learner already has an active request: the same one again when it is a retry (same
         * Idempotency-Key). The request id is fresh per call, so "ours" means an earlier attempt of
         * this very call committed; DynamoDB recognises the SDK's own retries by their
         * ClientRequestToken, but the Idempotency-Key replay needs this check anyway, and it covers both.
         */
        private Placed replayOrRefuse(Map<String, AttributeValue> marker) {
            String requestId = marker == null || !marker.containsKey("requestId") ? null : marker.get("requestId").s();
            LaptopRequest existing = requestId == null ? null : find.apply(r.tenant(), requestId).orElse(null);
            if (existing == null) {
                throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
            }
            String key = marker.containsKey("idempotencyKey") ? marker.get("idempotencyKey").s() : null;
            boolean ours = existing.requestId().equals(r.requestId());
            if (ours || r.idempotencyKey() != null && r.idempotencyKey().equals(key)) {
                int position = existing.status() == LaptopStatus.REQUESTED && existing.ticket() != null
                        ? LaptopRules.position(queues.of(r.tenant(), existing.district(), r.now()).ahead(existing.ticket())) : 0;
                return new Placed(existing, position, !ours);
            }
            throw new ProblemException(LaptopRefusal.LAPTOP_REQUEST_ACTIVE,
                    Map.of("requestId", existing.requestId(), "requestStatus", existing.status().name()));
        }
    }
}
