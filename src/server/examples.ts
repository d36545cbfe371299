/** Example operations preloaded in the playground (one tab each) and run by the test suite. */
export interface ExampleOperation {
  readonly name: string;
  readonly description: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

export const HEADLINE_QUERY = `# Which Anpact members export most to the US? (January 2026)
# Each row says what its figure covers: makers' sources give no destination split,
# so their figures cover all destinations and are marked broaderThanAsked.
# The context shows how much of Mexico's exports went to the US that month.
query AnpactMembersExportingToUS {
  ranking(input: { membersOf: "anpact", membersAsOf: "2026", metric: "exports", period: "2026-01", destination: "US" }) {
    rows {
      rank
      subject { id name }
      value
      unit
      coverage
      broaderThanAsked
      sourcesDisagree
      statistics { id value coverage source { title publisher published url } }
    }
    context { subject { id } metric value unit coverage reportedChangePercent source { title } }
    notes
  }
}
`;

export const EXAMPLES: readonly ExampleOperation[] = [
  {
    name: 'Headline ranking',
    description: 'Anpact members ranked by exports, with US context.',
    query: HEADLINE_QUERY,
  },
  {
    name: 'January 2026 exports',
    description: "How did Mexico's heavy-vehicle exports change in January 2026?",
    query: `# Mexico's heavy-vehicle exports in January 2026: total and US split, with the change
# each source reports and the change computed from stored January 2025 figures.
query MexicoExportsJanuary2026 {
  statistics(subjects: ["MX"], metric: "exports", period: "2026-01") {
    id
    value
    unit
    coverage
    destination { id name }
    reportedChangePercent
    changeComparedTo
    computedChange { percent comparedTo { value source { title } } }
    source { title publisher url }
  }
}
`,
  },
  {
    name: 'Daimay to the USMCA',
    description: 'How is Daimay connected to the USMCA review?',
    query: `# Shortest relationship paths between Daimay and the USMCA; every edge cites its source.
query DaimayToUSMCA {
  paths(from: "daimay", to: "usmca", maxLength: 6, first: 5) {
    length
    nodes { id name kind }
    edges { type fromId toId asOf source { title url } }
  }
}
`,
  },
  {
    name: 'Anpact members',
    description: 'Members of Anpact, per the January 2026 source, with every source that states each.',
    query: `query AnpactMembers {
  association(id: "anpact") {
    name
    nameEs
    members(asOf: "2026") {
      node { id name }
      claims { asOf source { title published } }
    }
  }
}
`,
  },
  {
    name: 'Search',
    description: 'Find entities by name, alias or id, ignoring case and accents.',
    query: `query Search {
  search(text: "Asociación Nacional de Productores", first: 5) {
    score
    node { id ... on Entity { kind name aliases } }
  }
}
`,
  },
  {
    name: 'Who is Alejandro Osorio',
    description: 'A person, their roles and the sources that give them.',
    query: `query WhoIsOsorio {
  person(id: "alejandro-osorio") {
    name
    roles { node { name } claims { role asOf source { title } } }
  }
}
`,
  },
  {
    name: 'Freightliner time series',
    description: 'Freightliner production in Mexico, every period a source gives.',
    query: `query FreightlinerProduction {
  company(id: "freightliner") {
    name
    statistics(metric: "production") { period { label granularity } value unit coverage source { publisher } }
  }
}
`,
  },
];
