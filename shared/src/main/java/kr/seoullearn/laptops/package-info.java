/**
 * Laptops on loan (docs/product.md, "Laptops"): a learner's request and its states
 * ({@link kr.seoullearn.laptops.domain.LaptopStatus}, {@link kr.seoullearn.laptops.domain.LaptopRules}),
 * a district's stock and queue ({@link kr.seoullearn.laptops.domain.StockCounts}), the audit
 * trail ({@link kr.seoullearn.laptops.domain.AuditEntry}) and the ports that keep them
 * ({@link kr.seoullearn.laptops.port.LaptopLedger}, {@link kr.seoullearn.laptops.port.OfficerDistricts}).
 * The invariants — stock never below zero, one active request or loan per learner, the queue
 * served first come first served — are kept by the ledger inside DynamoDB (conditions and
 * transactions), never by reading first (docs/adr/0010-laptop-queue-and-officer-districts.md).
 */
package kr.seoullearn.laptops;

import kr.seoullearn.laptops.domain.AuditEntry;
import kr.seoullearn.laptops.domain.LaptopRules;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.domain.StockCounts;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.laptops.port.OfficerDistricts;
