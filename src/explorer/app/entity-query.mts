/**
 * The entity page's first request, apart from api.ts so that the build's config can put it into
 * index.html too (vite.config.mts starts it before the page's scripts have loaded).
 */
export const SOURCE_FIELDS = 'id title publisher published url language';
export const REF = 'id name kind';

export const ENTITY_QUERY = `query Entity($id: ID!) {
  entity(id: $id) {
    ${REF} aliases description wikidata
    ... on Company { companyType }
    ... on Plant { facilityType opened openedFacts { value sourceId } products }
    ... on Policy { policyType startDate startDateFacts { value sourceId } endDate endDateFacts { value sourceId } }
    ... on Region { regionType }
    ... on Sector { hsCodes naicsCodes }
    ... on Association { founded foundedFacts { value sourceId } nameEn nameEs }
    relations { type direction node { ${REF} } claims { asOf note role since until source { ${SOURCE_FIELDS} } } }
  }
}`;
