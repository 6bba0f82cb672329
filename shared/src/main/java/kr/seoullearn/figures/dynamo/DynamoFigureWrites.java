package kr.seoullearn.figures.dynamo;

import java.time.Instant;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.domain.FigureRow;
import kr.seoullearn.figures.domain.Pseudonyms;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The figures' writes that other contexts add to their transactions (internal conditions: none);
 * the extract row names the learner by their keyed pseudonym.
 */
final class DynamoFigureWrites implements FigureWrites {
    private final String table;
    private final Pseudonyms pseudonyms;

    DynamoFigureWrites(String table, Pseudonyms pseudonyms) {
        this.table = table;
        this.pseudonyms = pseudonyms;
    }

    @Override
    public void count(Transaction tx, TenantId tenant, Instant at, FigureDelta delta) {
        tx.add(FigureItems.count(table, tenant, at, delta));
    }

    @Override
    public void row(Transaction tx, FigureRow r) {
        tx.add(FigureItems.row(table, r, pseudonyms.of(r.tenant(), r.userId())));
    }
}
