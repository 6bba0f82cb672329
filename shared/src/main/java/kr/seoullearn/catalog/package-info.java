/**
 * The course catalogue and the providers behind it, in plain Java (no AWS types): providers
 * with the levels they serve, their access link and active state; donated seats per tenant;
 * courses; and the words of course titles as the search understands them ({@link
 * kr.seoullearn.catalog.domain.TitleWords}, {@link kr.seoullearn.catalog.domain.SearchTerms}).
 * The ports are {@link kr.seoullearn.catalog.port.Catalog} (public reads),
 * {@code CatalogAdmin} (the operator's changes) and {@code CatalogSeeding} (bulk writes);
 * the DynamoDB adapters behind them are wired by {@code kr.seoullearn.catalog.dynamo.CatalogStorage}
 * (docs/adr/0008-catalogue-search.md).
 */
package kr.seoullearn.catalog;

import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.catalog.domain.TitleWords;
import kr.seoullearn.catalog.port.Catalog;
