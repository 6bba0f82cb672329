package kr.seoullearn.figures.dynamo;

import java.time.Instant;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The figures' writes as bare TransactWriteItems, for the ledgers that still build their
 * transactions by hand. They go once every context counts through
 * {@link kr.seoullearn.figures.port.FigureWrites} ({@link FiguresStorage}); write no new
 * callers. (The extract rows' bridge is gone: a row needs the pseudonym key, which only
 * {@link kr.seoullearn.figures.port.FigureWrites} carries.)
 */
public final class DynamoFigures {
    private DynamoFigures() {}

    /** The update to add to a state change's transaction: {@code ADD} each figure of the delta on the day of {@code at}. */
    public static TransactWriteItem count(String table, TenantId tenant, Instant at, FigureDelta delta) {
        return FigureItems.count(table, tenant, at, delta);
    }
}
