package kr.seoullearn.figures.port;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The port the dashboard and the reports read the programme's figures through. Every read
 * costs a bounded number of calls whatever the number of learners (docs/adr/0015).
 */
public interface ProgrammeFigures {

    /** The counts of each day in the range (inclusive) that has any, by figure name. */
    Map<LocalDate, Map<String, Long>> days(TenantId tenant, LocalDate from, LocalDate to);

    /** Seats per provider in the tenant now. */
    List<ProviderSeatsNow> seats(TenantId tenant);

    /** Laptops per district of the tenant now. */
    List<DistrictLaptopsNow> laptops(TenantId tenant);

    /**
     * Hands the de-identified rows of a month to {@code each}, oldest first, one page of at most
     * {@link #ROWS_PER_PAGE} at a time: a month is never held in memory whole.
     */
    void eachRow(TenantId tenant, YearMonth month, Consumer<ExtractRow> each);

    /** The most rows one page of {@link #eachRow} reads (a Query's Limit). */
    int ROWS_PER_PAGE = 250;

    record ProviderSeatsNow(String providerId, String nameKo, String nameEn, long seats, long used, long waiting) {
        public long free() {
            return Math.max(0, seats - used);
        }
    }

    record DistrictLaptopsNow(String district, long inStock, long reserved, long loaned, long waiting, long requested) {}

    /**
     * One event of a learner's record, with nothing that names them: a pseudonym (not the
     * account id), the kind of event, its status and date, and the level, district, categories
     * and provider it concerns where known.
     */
    record ExtractRow(String date, String pseudonym, String event, String status, String level, String district,
                      String categories, String provider) {}
}
