import { useEffect, useState } from 'react';
import { graphql, SEARCH_QUERY, type SearchHit } from '../api';
import { KIND_STYLE } from '../kinds';
import { entityHref, Link } from '../router';

/** /explore?q=…: the API's search, entities first; sources link to their documents. */
export function SearchView({ text }: { text: string }) {
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setHits(null);
    setError(null);
    if (text.trim().length < 2) return;
    graphql<{ search: SearchHit[] }>(SEARCH_QUERY, { text: text.trim(), first: 40 })
      .then((data) => setHits(data.search))
      .catch((failure: unknown) => setError(String(failure instanceof Error ? failure.message : failure)));
  }, [text]);

  if (text.trim().length < 2) return <Welcome />;
  if (error) return <p className="error">{error}</p>;
  if (!hits) return <p className="muted">Searching…</p>;
  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title">
        Results for “{text}” <span className="muted">({hits.length})</span>
      </h1>
      {hits.length === 0 ? <p>Nothing found. Try a Spanish name, an acronym or part of a word.</p> : null}
      <ol className="results">
        {hits.map((hit) => (
          <li key={hit.node.id}>
            {hit.node.kind ? (
              <>
                <span className="badge" style={{ background: KIND_STYLE[hit.node.kind].color }}>
                  {hit.node.kind}
                </span>
                <Link href={entityHref({ id: hit.node.id, kind: hit.node.kind })} className="result-name">
                  {hit.node.name}
                </Link>
                {hit.node.aliases?.length ? (
                  <span className="muted"> · {hit.node.aliases.join(', ')}</span>
                ) : null}
                {hit.node.description ? <p className="small">{hit.node.description}</p> : null}
              </>
            ) : (
              <>
                <span className="badge" style={{ background: KIND_STYLE.Source.color }}>
                  Source
                </span>
                <span className="result-name">{hit.node.title}</span>
                <span className="muted"> · {hit.node.publisher}</span>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Welcome() {
  return (
    <section className="welcome">
      <h1>Explore the US–Mexico trade graph</h1>
      <p>
        Companies, plants, associations, sectors, policies and the figures that measure them, every
        relationship and figure with the source that states it. Search above (Spanish names, acronyms and
        accents welcome), or start from one of these:
      </p>
      <ul className="starts">
        <li>
          <Link href="/explore/association/anpact">ANPACT</Link>, the heavy-vehicle makers’ association, and
          its members
        </li>
        <li>
          <Link href="/explore/company/freightliner">Freightliner</Link>: its exports over time, per source
        </li>
        <li>
          <Link href="/explore/paths?from=daimay&to=usmca">How Daimay relates to USMCA</Link> and{' '}
          <Link href="/explore/paths?from=kenworth&to=paccar">Kenworth to PACCAR</Link>
        </li>
        <li>
          <Link href="/explore/rankings">Which ANPACT members export most to the US?</Link>
        </li>
      </ul>
    </section>
  );
}
