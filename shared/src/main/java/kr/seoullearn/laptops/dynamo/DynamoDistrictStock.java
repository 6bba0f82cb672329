package kr.seoullearn.laptops.dynamo;

import java.util.List;
import kr.seoullearn.laptops.domain.StockCounts;
import kr.seoullearn.laptops.port.DistrictStock;
import kr.seoullearn.platform.tenant.TenantId;

/** The laptop gauges through {@link LaptopReads} alone. */
final class DynamoDistrictStock implements DistrictStock {
    private final LaptopReads reads;

    DynamoDistrictStock(LaptopReads reads) {
        this.reads = reads;
    }

    @Override
    public List<StockCounts> districts(TenantId tenant) {
        return reads.districts(tenant);
    }
}
