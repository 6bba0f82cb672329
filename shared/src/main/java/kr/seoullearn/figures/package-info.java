/**
 * Programme figures (docs/adr/0015-figures-in-the-same-transaction.md): counts per
 * tenant and day that the ledgers add to inside the transaction that changes the state they
 * count ({@link kr.seoullearn.figures.domain.FigureDelta}), so a retry that changes nothing
 * counts nothing, and the dashboard reads a few items whatever the number of learners.
 */
package kr.seoullearn.figures;

import kr.seoullearn.figures.domain.FigureDelta;
