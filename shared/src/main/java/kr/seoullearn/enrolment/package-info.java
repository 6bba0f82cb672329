/**
 * Enrolment with providers (docs/product.md, "Catalogue and provider access"): the rules an
 * enrolment must meet ({@link kr.seoullearn.enrolment.domain.EnrolmentRules}), a provider's
 * seats and first-come first-served waitlist in a tenant
 * ({@link kr.seoullearn.enrolment.domain.SeatCounts}), and the port that keeps them
 * ({@link kr.seoullearn.enrolment.port.EnrolmentLedger}). The invariants — seats never
 * below zero or over, the pick limit, one enrolment per provider, the waitlist order — are
 * kept by the ledger inside DynamoDB (conditions and transactions), never by reading first.
 */
package kr.seoullearn.enrolment;

import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.domain.EnrolmentRules;
import kr.seoullearn.enrolment.domain.SeatCounts;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
