package kr.seoullearn.figures.dynamo;

import java.time.Instant;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.domain.FigureRow;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.tenant.TenantId;

/** The figures' writes that other contexts add to their transactions. */
final class DynamoFigureWrites implements FigureWrites {
    private final String table;

    DynamoFigureWrites(String table) {
        this.table = table;
    }

    @Override
    public void count(Transaction tx, TenantId tenant, Instant at, FigureDelta delta) {
        tx.add(DynamoFigures.count(table, tenant, at, delta));
    }

    @Override
    public void row(Transaction tx, FigureRow r) {
        tx.add(DynamoFigures.row(table, r.tenant(), r.at(), r.userId(), r.event(), r.status(), r.level(), r.district(),
                r.categories(), r.provider()));
    }
}
