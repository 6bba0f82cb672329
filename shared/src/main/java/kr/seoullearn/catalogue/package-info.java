/**
 * The course catalogue and the providers behind it, in plain Java (no AWS types): providers
 * with the levels they serve, their access link and active state; donated seats per tenant;
 * courses; and the words of course titles as the search understands them ({@link
 * kr.seoullearn.catalogue.domain.TitleWords}, {@link kr.seoullearn.catalogue.domain.SearchTerms}).
 * The ports are {@link kr.seoullearn.catalogue.port.Catalogue} (public reads),
 * {@code CatalogueAdmin} (the operator's changes) and {@code CatalogueSeeding} (bulk writes);
 * the DynamoDB adapters behind them are wired by {@code kr.seoullearn.catalogue.dynamo.CatalogueStorage}
 * (docs/adr/0008-catalogue-search.md).
 */
package kr.seoullearn.catalogue;

import kr.seoullearn.catalogue.domain.SearchTerms;
import kr.seoullearn.catalogue.domain.TitleWords;
import kr.seoullearn.catalogue.port.Catalogue;
