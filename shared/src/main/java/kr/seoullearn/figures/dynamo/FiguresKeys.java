package kr.seoullearn.figures.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;

/** The figures' keys (docs/data-model.md, "Programme figures"; docs/adr/0015). */
final class FiguresKeys {
    private FiguresKeys() {}

    /** A month of a tenant's figures, one Query: {@code T#<tenant>#FIG#<yyyy-MM>}. */
    static String month(TenantId tenant, YearMonth month) {
        return Keys.tenant(tenant, "FIG", month.toString());
    }

    /** One of a day's figure shards: {@code T#<tenant>#FIG#<yyyy-MM> / <yyyy-MM-dd>#<shard>}. */
    static ItemKey day(TenantId tenant, LocalDate day, int shard) {
        return ItemKey.of(month(tenant, YearMonth.from(day)), day + "#" + shard);
    }

    /** The sort key after every shard of {@code day} (the end of a range of days). */
    static String afterDay(LocalDate day) {
        return day + "#\uffff";
    }

    /** A month of a tenant's de-identified extract rows: {@code T#<tenant>#ROWS#<yyyy-MM>}. */
    static String rows(TenantId tenant, YearMonth month) {
        return Keys.tenant(tenant, "ROWS", month.toString());
    }

    /** One row, in time order: {@code T#<tenant>#ROWS#<yyyy-MM> / <instant>#<pseudonym>#<random>}. */
    static ItemKey row(TenantId tenant, LocalDate day, Instant at, String pseudonym, String random) {
        return ItemKey.of(rows(tenant, YearMonth.from(day)), at + "#" + pseudonym + "#" + random);
    }
}
