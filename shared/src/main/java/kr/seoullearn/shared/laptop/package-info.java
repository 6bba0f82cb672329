/**
 * Laptops on loan (PRODUCT.md, "Laptops"): a learner's request and its states
 * ({@link kr.seoullearn.shared.laptop.LaptopStatus}, {@link kr.seoullearn.shared.laptop.LaptopRules}),
 * a district's stock and queue ({@link kr.seoullearn.shared.laptop.StockCounts}), the audit
 * trail ({@link kr.seoullearn.shared.laptop.AuditEntry}) and the ports that keep them
 * ({@link kr.seoullearn.shared.laptop.LaptopLedger}, {@link kr.seoullearn.shared.laptop.OfficerDistricts}).
 * The invariants — stock never below zero, one active request or loan per learner, the queue
 * served first come first served — are kept by the ledger inside DynamoDB (conditions and
 * transactions), never by reading first (docs/adr/0010-laptop-queue-and-officer-districts.md).
 */
package kr.seoullearn.shared.laptop;
