/**
 * The course catalogue and the providers behind it, in plain Java (no AWS types): providers
 * with the levels they serve, their access link and active state; donated seats per tenant;
 * courses; and the words of course titles as the search understands them ({@link
 * kr.seoullearn.shared.catalog.TitleWords}, {@link kr.seoullearn.shared.catalog.SearchTerms}).
 * The port is {@link kr.seoullearn.shared.catalog.Catalogue}; the DynamoDB adapter is
 * {@code kr.seoullearn.shared.aws.DynamoCatalogue} (docs/adr/0008-catalogue-search.md).
 */
package kr.seoullearn.shared.catalog;
