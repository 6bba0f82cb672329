package kr.seoullearn.laptops.port;

import java.util.List;
import kr.seoullearn.laptops.domain.StockCounts;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Each district's laptop stock, and nothing else of the ledger: what the dashboard's laptop
 * gauges read, without building the ledger's queue and transactions at start.
 */
public interface DistrictStock {

    /** The stock counts of every district of the tenant (1 Query of the districts index). */
    List<StockCounts> districts(TenantId tenant);
}
