/** Generator sizes for a graph small enough to generate (and import) in a test, in a blink. */
export const TINY_SIZES = {
  statistics: 2_000,
  companies: 40,
  associations: 3,
  plants: 10,
  people: 30,
  policies: 5,
  agencies: 3,
  chapters: 3,
  headingsPerChapter: 2,
  subheadingsPerHeading: 2,
  regionCountries: 2,
  regionsPerCountry: 3,
  probeMembers: 8,
};
