import type { Command } from 'commander';
import { findFactConflicts, findStatisticConflicts } from '../queries/conflicts.js';
import { factText } from '../domain/facts.js';
import { findMembersAt } from '../queries/members.js';
import { findRoles, findShortestPaths } from '../queries/paths.js';
import { rank } from '../queries/ranking.js';
import { findStatistics } from '../queries/statistics.js';
import type { Statistic } from '../domain/statistic.js';
import { coverageOf, statedFigure } from '../domain/statistic.js';
import { NODE_KINDS, isNodeKind, type NodeKind } from '../domain/kinds.js';
import type { GraphStore } from '../store/graph-store.js';
import { checkMetric, checkPeriod, requireNode, searchNodes, shownNode, UsageError } from './checks.js';
import { withStore } from './with-store.js';

type Print = (text: string) => void;

const describeStatistic = (s: Statistic): string => {
  const change =
    s.changePercent === null
      ? ''
      : ` (${s.changePercent > 0 ? '+' : ''}${s.changePercent}% vs ${s.changeComparedTo ?? '?'})`;
  const inferred =
    s.periodBasis === 'stated'
      ? ''
      : ` (period inferred from the ${s.periodBasis === 'article-date' ? 'article’s date' : 'article’s context'})`;
  return `${s.subjectId} ${s.metric} ${s.period}${inferred}: ${statedFigure(s)} ${s.unit}, ${coverageOf(s)}${change} [${s.sourceId}]`;
};

/** Where the questions get their store and put their answers: the configured store and stdout, or a caller's. */
export interface QuestionIo {
  readonly withStore: <T>(work: (store: GraphStore) => Promise<T>) => Promise<T>;
  readonly write: (text: string) => void;
}

const PROCESS_IO: QuestionIo = { withStore, write: (text) => process.stdout.write(text) };

/** Read-only questions from the command line; `--json` prints the raw answer for scripts. */
export function queryCommands(program: Command, io: QuestionIo = PROCESS_IO): void {
  const run = (
    handler: (store: GraphStore, print: Print, ...args: string[]) => Promise<unknown>,
  ): ((...args: unknown[]) => Promise<void>) => {
    return async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const json = Boolean((command.optsWithGlobals() as { json?: boolean }).json);
      const positional = args
        .slice(0, -2)
        .flatMap((arg) => (Array.isArray(arg) ? arg.map(String) : [String(arg)]));
      await io.withStore(async (store) => {
        const lines: string[] = [];
        const answer = await handler(store, (line) => lines.push(line), ...positional);
        io.write(json ? `${JSON.stringify(answer, null, 2)}\n` : `${lines.join('\n')}\n`);
      });
    };
  };
  const opts = (args: unknown[]): Record<string, string | boolean | undefined> =>
    (args[args.length - 1] as Command).opts();

  program.option('--json', 'print answers as JSON');

  program
    .command('members <association>')
    .description('members of an association, with the sources that state each membership')
    .option(
      '--as-of <date>',
      'members at this date (2024, 2026-01): a claim for it, else the claims before and after',
    )
    .option('--source <id>', 'only the claims of one source')
    .action((...args: unknown[]) => {
      const o = opts(args);
      return run(async (store, print, association = '') => {
        await requireNode(store, association, ['Association'], 'association');
        const { members, excluded } = await findMembersAt(store, [association], {
          ...(typeof o.asOf === 'string' ? { asOf: o.asOf } : {}),
          ...(typeof o.source === 'string' ? { sourceId: o.source } : {}),
        });
        for (const m of members) {
          print(
            `${m.member.id}\t${String(m.member.properties.name)}\t${m.claims.map((c) => `${c.sourceId}@${c.asOf ?? '?'}`).join(', ')}`,
          );
        }
        print(`${members.length} member(s)`);
        for (const m of members) if (m.note !== null) print(`note: ${m.note}`);
        for (const note of excluded) print(`note: ${note}`);
        return typeof o.asOf === 'string' ? { members, excluded } : members;
      })(...args);
    });

  program
    .command('rank <association>')
    .description('rank the members of an association by a metric in a period')
    .requiredOption('--metric <metric>', 'e.g. exports, production')
    .requiredOption('--period <period>', 'e.g. 2026-01, 2025')
    .option('--destination <country>', 'e.g. US')
    .option('--members-as-of <date>', 'rank the members at this date (2024, 2026-01)')
    .action((...args: unknown[]) => {
      const o = opts(args);
      return run(async (store, print, association = '') => {
        checkMetric(String(o.metric));
        checkPeriod(String(o.period), 'period');
        if (typeof o.membersAsOf === 'string') checkPeriod(o.membersAsOf, 'members-as-of');
        await requireNode(store, association, ['Association'], 'association');
        if (typeof o.destination === 'string') await requireNode(store, o.destination, [], 'destination');
        // The API's ranking, with its defaults: the context is the figures' origin countries.
        const ranking = await rank(store, {
          membersOf: association,
          ...(typeof o.membersAsOf === 'string' ? { membersAsOf: o.membersAsOf } : {}),
          metric: String(o.metric),
          period: String(o.period),
          ...(typeof o.destination === 'string' ? { destination: o.destination } : {}),
        });
        for (const row of ranking.rows) {
          const flags = [
            row.broaderThanAsked ? 'covers all destinations, not only the one asked' : '',
            row.sourcesDisagree ? 'sources disagree' : '',
          ]
            .filter(Boolean)
            .join('; ');
          print(
            `${row.rank}. ${row.subjectId}\t${statedFigure(row)} ${row.unit}\t${row.coverage}\t[${row.statistics.map((s) => s.sourceId).join(', ')}]${flags ? `\t(${flags})` : ''}`,
          );
        }
        if (ranking.rows.length === 0) {
          print(`no member of ${association} has ${String(o.metric)} figures for ${String(o.period)}`);
        }
        for (const note of ranking.notes) print(`note: ${note}`);
        for (const s of ranking.context) print(`context: ${describeStatistic(s)}`);
        return ranking;
      })(...args);
    });

  program
    .command('stats <subject>')
    .description('statistics measuring an entity')
    .option('--metric <metric>')
    .option('--period <period>', 'exactly this period')
    .option('--within <period>', 'any period inside this one')
    .option('--destination <country>')
    .option('--totals-only', 'only figures covering all destinations')
    .action((...args: unknown[]) => {
      const o = opts(args);
      return run(async (store, print, subject = '') => {
        checkMetric(typeof o.metric === 'string' ? o.metric : undefined);
        checkPeriod(typeof o.period === 'string' ? o.period : undefined, 'period');
        checkPeriod(typeof o.within === 'string' ? o.within : undefined, 'within');
        await requireNode(store, subject, [], 'subject');
        if (typeof o.destination === 'string') await requireNode(store, o.destination, [], 'destination');
        const statistics = await findStatistics(store, {
          subjectIds: [subject],
          ...(typeof o.metric === 'string' ? { metric: o.metric } : {}),
          ...(typeof o.period === 'string' ? { period: o.period } : {}),
          ...(typeof o.within === 'string' ? { within: o.within } : {}),
          ...(typeof o.destination === 'string' ? { destination: o.destination } : {}),
          totalsOnly: o.totalsOnly === true,
        });
        statistics.forEach((s) => print(describeStatistic(s)));
        if (statistics.length === 0) print(`no statistics of ${subject} match`);
        return statistics;
      })(...args);
    });

  program
    .command('conflicts')
    .description(
      'pairs of figures from different sources for the same subject, metric, period and scope that differ, then pairs of dates (opened, founded, startDate, endDate) two sources give differently',
    )
    .option('--subject <ids>', 'comma-separated subjects (all when left out)')
    .option('--metric <metric>')
    .action((...args: unknown[]) => {
      const o = opts(args);
      return run(async (store, print) => {
        const conflicts = await findStatisticConflicts(store, {
          ...(typeof o.subject === 'string' ? { subjectIds: o.subject.split(',').filter(Boolean) } : {}),
          ...(typeof o.metric === 'string' ? { metric: o.metric } : {}),
        });
        for (const c of conflicts) {
          print(
            `${c.kind}\t${c.a.subjectId} ${c.a.metric} ${c.a.period}${c.a.destinationId ? ` to ${c.a.destinationId}` : ''}: ${statedFigure(c.a)} [${c.a.sourceId}] vs ${statedFigure(c.b)} [${c.b.sourceId}] ${c.a.unit}`,
          );
        }
        // Dated facts have no metric: with --metric, only figures are compared.
        const facts =
          typeof o.metric === 'string'
            ? []
            : await findFactConflicts(store, {
                ...(typeof o.subject === 'string'
                  ? { subjectIds: o.subject.split(',').filter(Boolean) }
                  : {}),
              });
        for (const c of facts) {
          print(`${c.kind}\t${c.entity.id} ${c.field}: ${factText(c.a)} vs ${factText(c.b)}`);
        }
        print(`${conflicts.length + facts.length} conflict(s)`);
        // JSON: the figures' pairs, then the dates' (which have entity and field instead of statistics).
        return [
          ...conflicts,
          ...facts.map(({ entity, ...fact }) => ({ ...fact, entity: { id: entity.id, kind: entity.kind } })),
        ];
      })(...args);
    });

  program
    .command('who <person>')
    .description('a person’s roles and organisations, with sources')
    .action(
      run(async (store, print, person = '') => {
        await requireNode(store, person, ['Person'], 'person');
        const roles = await findRoles(store, person);
        for (const r of roles)
          print(
            `${r.role ?? '(role not stated)'} at ${String(r.organisation.properties.name)} [${r.sourceId}]`,
          );
        return roles;
      }),
    );

  program
    .command('show <id>')
    .description('one entity, statistic or source by id')
    .action(
      run(async (store, print, id = '') => {
        const node = shownNode(await requireNode(store, id));
        print(JSON.stringify(node, null, 2));
        return node;
      }),
    );

  program
    .command('search <text...>')
    .description('find entities and sources by name, alias or id, ignoring case and accents, best first')
    .option('--kind <kinds>', `only these kinds, comma-separated (${NODE_KINDS.join(', ')})`)
    .option('--first <n>', 'how many results (default 20)')
    .action((...args: unknown[]) => {
      const o = opts(args);
      return run(async (store, print, ...words) => {
        const kinds = typeof o.kind === 'string' ? o.kind.split(',').filter(Boolean) : [];
        const wrong = kinds.filter((kind) => !isNodeKind(kind));
        if (wrong.length > 0) {
          throw new UsageError(`--kind: ${wrong.join(', ')} is not a kind (kinds: ${NODE_KINDS.join(', ')})`);
        }
        const first = typeof o.first === 'string' ? Number(o.first) : undefined;
        if (first !== undefined && (!Number.isInteger(first) || first < 1)) {
          throw new UsageError('--first: give a whole number of results, 1 or more');
        }
        const hits = await searchNodes(store, words.join(' '), {
          ...(kinds.length ? { kinds: kinds as NodeKind[] } : {}),
          ...(first ? { first } : {}),
        });
        for (const hit of hits) print(`${hit.node.id}\t${hit.node.kind}\t${hit.node.name}\t(${hit.score})`);
        print(`${hits.length} result(s)`);
        return hits;
      })(...args);
    });

  program
    .command('path <from> <to>')
    .description('the shortest relationship paths between two entities, each edge with its source')
    .action(
      run(async (store, print, from = '', to = '') => {
        await requireNode(store, from, [], 'node');
        await requireNode(store, to, [], 'node');
        const paths = await findShortestPaths(store, from, to);
        for (const path of paths) {
          // Paths ignore direction: show each step in path order, with its arrow as stored.
          const steps = path.edges.map((e, i) => {
            const label = `${e.type} ${String(e.properties.source)}`;
            return e.startId === path.nodes[i]?.id
              ? `${e.startId} -[${label}]-> ${e.endId}`
              : `${e.endId} <-[${label}]- ${e.startId}`;
          });
          print(steps.join('\n  '));
        }
        if (paths.length === 0) print(`no path between ${from} and ${to}`);
        return paths;
      }),
    );
}
