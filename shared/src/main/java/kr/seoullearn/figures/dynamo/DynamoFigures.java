package kr.seoullearn.figures.dynamo;

import java.time.Instant;
import java.util.Collection;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.domain.FigureRow;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The figures' writes as bare TransactWriteItems, for the ledgers that still build their
 * transactions by hand. They go once every context counts through
 * {@link kr.seoullearn.figures.port.FigureWrites} ({@link FiguresStorage}); write no new
 * callers.
 */
public final class DynamoFigures {
    private DynamoFigures() {}

    /** The update to add to a state change's transaction: {@code ADD} each figure of the delta on the day of {@code at}. */
    public static TransactWriteItem count(String table, TenantId tenant, Instant at, FigureDelta delta) {
        return FigureItems.count(table, tenant, at, delta);
    }

    /** The de-identified row of one state change, to put in the same transaction as the change. */
    public static TransactWriteItem row(String table, TenantId tenant, Instant at, String userId, String event, String status,
                                        String level, String district, Collection<String> categories, String provider) {
        return FigureItems.row(table, new FigureRow(tenant, at, userId, event, status, level, district, categories, provider));
    }
}
