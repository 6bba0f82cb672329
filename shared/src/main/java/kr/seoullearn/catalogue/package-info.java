/**
 * The course catalogue and the providers behind it, in plain Java (no AWS types): providers
 * with the levels they serve, their access link and active state; donated seats per tenant;
 * courses; and the words of course titles as the search understands them ({@link
 * kr.seoullearn.catalogue.domain.TitleWords}, {@link kr.seoullearn.catalogue.domain.SearchTerms}).
 * The port is {@link kr.seoullearn.catalogue.port.Catalogue}; the DynamoDB adapter is
 * {@code kr.seoullearn.catalogue.dynamo.DynamoCatalogue} (docs/adr/0008-catalogue-search.md).
 */
package kr.seoullearn.catalogue;

import kr.seoullearn.catalogue.domain.SearchTerms;
import kr.seoullearn.catalogue.domain.TitleWords;
import kr.seoullearn.catalogue.port.Catalogue;
