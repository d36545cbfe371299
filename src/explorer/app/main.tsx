import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CiteProvider } from './components/cite';
import { EntitySearch } from './components/entity-search';
import { entityHref, Link, navigate, useLocation } from './router';
import { EntityView } from './views/entity';
import { PathsView } from './views/paths';
import { HEADLINE, RankingView, type RankingForm } from './views/ranking';
import { SearchView } from './views/search';
import './styles.css';

function Page() {
  const { pathname, search } = useLocation();
  const parts = pathname
    .replace(/^\/explore\/?/, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  let view;
  let section = 'search';
  if (parts[0] === 'paths') {
    section = 'paths';
    view = <PathsView from={search.get('from') ?? ''} to={search.get('to') ?? ''} />;
  } else if (parts[0] === 'rankings') {
    section = 'rankings';
    const form: RankingForm = {
      association: search.get('association') ?? HEADLINE.association,
      asOf: search.get('asOf') ?? HEADLINE.asOf,
      metric: search.get('metric') ?? HEADLINE.metric,
      period: search.get('period') ?? HEADLINE.period,
      destination: search.get('destination') ?? HEADLINE.destination,
    };
    view = <RankingView form={form} asked={search.has('association')} />;
  } else if (parts.length >= 2 && parts[1]) {
    section = 'entity';
    view = <EntityView key={parts[1]} id={parts[1]} metric={search.get('metric')} />;
  } else {
    view = <SearchView text={search.get('q') ?? ''} />;
  }
  const current = (name: string) => (section === name ? { 'aria-current': 'page' as const } : {});
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link href="/explore" className="brand">
          tradegraph <span>explorer</span>
        </Link>
        <div className="top-search">
          <EntitySearch
            label="Search"
            placeholder="Company, association, sector, policy… (e.g. anpact)"
            initial={search.get('q') ?? ''}
            name="q"
            onPick={(entity) => navigate(entityHref(entity))}
            onSubmit={(text) => navigate(`/explore?q=${encodeURIComponent(text)}`)}
          />
        </div>
        <nav aria-label="Views">
          <Link href="/explore" {...current('search')}>
            Search
          </Link>
          <Link href="/explore/paths" {...current('paths')}>
            Paths
          </Link>
          <Link href="/explore/rankings" {...current('rankings')}>
            Rankings
          </Link>
          <a href="/">Playground</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {view}
      </main>
      <footer className="foot muted small">
        Every relationship and figure cites its source. Data through the public GraphQL API at{' '}
        <code>/graphql</code>; any answer as CSV at <code>/export.csv?query=…</code>.
      </footer>
    </>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <CiteProvider>
        <Page />
      </CiteProvider>
    </StrictMode>,
  );
}
