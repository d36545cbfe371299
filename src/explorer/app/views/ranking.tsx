import { useEffect, useState, type FormEvent } from 'react';
import { FORM_CHOICES_QUERY, graphql, RANKING_QUERY, type FormChoices, type Ranking } from '../api';
import { SourceRef } from '../components/cite';
import { CsvButton } from '../components/csv-button';
import { formatNumber } from '../kinds';
import { entityHref, Link, navigate } from '../router';
import { scopeOf } from '../components/series-scope';
import { Figure } from './entity';

export interface RankingForm {
  readonly association: string;
  readonly asOf: string;
  readonly metric: string;
  readonly period: string;
  readonly destination: string;
}

/** The README's headline question, the form's defaults. */
export const HEADLINE: RankingForm = {
  association: 'anpact',
  asOf: '2026',
  metric: 'exports',
  period: '2026-01',
  destination: 'US',
};

export const rankingHref = (form: RankingForm): string =>
  `/explore/rankings?${new URLSearchParams({ ...form }).toString()}`;

/** /explore/rankings?association=…: which members rank highest by a metric, as the API answers it. */
export function RankingView({ form, asked }: { form: RankingForm; asked: boolean }) {
  const [draft, setDraft] = useState(form);
  const [choices, setChoices] = useState<FormChoices | null>(null);
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const formKey = JSON.stringify(form);
  useEffect(() => setDraft(form), [formKey]);
  useEffect(() => {
    graphql<FormChoices>(FORM_CHOICES_QUERY)
      .then(setChoices)
      .catch(() => setChoices(null));
  }, []);
  useEffect(() => {
    setRanking(null);
    setError(null);
    if (!asked) return;
    graphql<{ ranking: Ranking }>(RANKING_QUERY, {
      input: {
        membersOf: form.association,
        ...(form.asOf ? { membersAsOf: form.asOf } : {}),
        metric: form.metric,
        period: form.period,
        ...(form.destination ? { destination: form.destination } : {}),
      },
    })
      .then((data) => setRanking(data.ranking))
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  }, [asked, form.association, form.asOf, form.metric, form.period, form.destination]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    navigate(rankingHref(draft));
  };
  const field = (name: keyof RankingForm) => ({
    name,
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  });

  return (
    <section aria-labelledby="ranking-title">
      <h1 id="ranking-title">Rankings</h1>
      <form className="card ranking-form" onSubmit={submit}>
        <label>
          <span className="label">Members of</span>
          <select {...field('association')}>
            {(
              choices?.associations.edges ?? [{ node: { id: draft.association, name: draft.association } }]
            ).map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">Members as of</span>
          <input {...field('asOf')} placeholder="2026" size={8} />
        </label>
        <label>
          <span className="label">Metric</span>
          <select {...field('metric')}>
            {(choices?.metrics ?? [{ name: draft.metric, description: '' }]).map((metric) => (
              <option key={metric.name} value={metric.name} title={metric.description}>
                {metric.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">Period</span>
          <input {...field('period')} placeholder="2026-01" size={10} />
        </label>
        <label>
          <span className="label">Destination</span>
          <input {...field('destination')} placeholder="US" size={6} />
        </label>
        <button type="submit">Rank</button>
      </form>
      {error ? <p className="error">{error}</p> : null}
      {asked && !ranking && !error ? <p className="muted">Ranking…</p> : null}
      {ranking ? <RankingResult ranking={ranking} form={form} /> : null}
    </section>
  );
}

function RankingResult({ ranking, form }: { ranking: Ranking; form: RankingForm }) {
  return (
    <>
      <div className="card">
        <div className="section-head">
          <h2>
            {ranking.metric}, {ranking.period}
            {ranking.destination ? ` to ${ranking.destination}` : ''}: {ranking.rows.length} ranked
          </h2>
          <CsvButton
            data={() => ({ ranking: { rows: ranking.rows } })}
            filename={`ranking-${form.association}-${form.metric}-${form.period}.csv`}
          />
        </div>
        <table className="data-table ranking-table">
          <thead>
            <tr>
              <th className="num">rank</th>
              <th>member</th>
              <th className="num">value</th>
              <th>covers</th>
              <th>sources</th>
            </tr>
          </thead>
          <tbody>
            {ranking.rows.map((row) => (
              <tr key={row.subject?.id ?? row.rank}>
                <td className="num">{row.rank}</td>
                <td>{row.subject ? <Link href={entityHref(row.subject)}>{row.subject.name}</Link> : '—'}</td>
                <td className="num">
                  {row.qualifier === 'EXACT'
                    ? formatNumber(row.value)
                    : (row.statistics[0]?.stated ?? formatNumber(row.value))}{' '}
                  <span className="muted">{row.unit}</span>
                  {row.qualifier === 'EXACT' ? null : (
                    <span className="flag">{row.qualifier.toLowerCase().replace('_', ' ')}</span>
                  )}
                </td>
                <td>
                  {row.coverage}{' '}
                  {row.broaderThanAsked ? (
                    <span
                      className="flag"
                      title="The figure covers all destinations: it is not a figure for the destination asked"
                    >
                      broader than asked
                    </span>
                  ) : null}
                  {row.sourcesDisagree ? <span className="flag">sources disagree</span> : null}
                  {row.rankUncertain ? <span className="flag">rank uncertain</span> : null}
                  {row.note ? <div className="muted small">{row.note}</div> : null}
                </td>
                <td>
                  <ul className="claims">
                    {row.statistics.map((stat) => (
                      <li key={stat.id}>
                        {stat.qualifier === 'EXACT' ? formatNumber(stat.value) : stat.stated} ·{' '}
                        <SourceRef source={stat.source} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {ranking.notes.length > 0 ? (
          <div className="notes">
            <h3>Notes</h3>
            <ul>
              {ranking.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {ranking.context.length > 0 ? (
        <div className="card">
          <div className="section-head">
            <h2>Context</h2>
            <CsvButton
              data={() => ({ context: ranking.context })}
              filename={`ranking-context-${form.period}.csv`}
            />
          </div>
          <table className="data-table context-table">
            <thead>
              <tr>
                <th>subject</th>
                <th>metric</th>
                <th className="num">value</th>
                <th>covers</th>
                <th>source</th>
              </tr>
            </thead>
            <tbody>
              {ranking.context.map((stat) => (
                <tr key={stat.id}>
                  <td>
                    {stat.subject ? <Link href={entityHref(stat.subject)}>{stat.subject.name}</Link> : ''}
                  </td>
                  <td>{stat.metric}</td>
                  <td className="num">
                    <Figure stat={stat} />
                  </td>
                  <td>{scopeOf(stat)}</td>
                  <td>
                    <SourceRef source={stat.source} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
