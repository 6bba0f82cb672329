package kr.seoullearn.figures.port;

import java.time.Instant;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.domain.FigureRow;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * How other contexts count what they change: inside the very transaction of the state change
 * (docs/adr/0015), so a figure is never counted for a change that did not happen, nor twice.
 */
public interface FigureWrites {

    /** Adds {@code delta} to the figures of the day of {@code at}. */
    void count(Transaction tx, TenantId tenant, Instant at, FigureDelta delta);

    /** Adds the change's de-identified row to its month's extract. */
    void row(Transaction tx, FigureRow row);
}
