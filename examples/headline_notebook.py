#!/usr/bin/env python3
"""Which Anpact members export most to the US, and how have Freightliner's exports moved?

A researcher's script against a running tradegraph server (`npm start`), with nothing but
pandas and matplotlib (Debian: apt-get install python3-pandas python3-matplotlib):

    python3 examples/headline_notebook.py [--server http://127.0.0.1:4000] [--out tradegraph-output]

It fetches the headline ranking as a flat, cited CSV from GET /export.csv straight into pandas,
a time series over POST /graphql, plots the series (one line per scope, one marker per source),
and writes every source it used as CSL-JSON and BibTeX with today's retrieval date.
"""

import argparse
import datetime
import json
import os
import sys
import urllib.parse
import urllib.request

import matplotlib

matplotlib.use("Agg")  # write files; no display needed
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

RANKING = """{
  ranking(input: { membersOf: "anpact", membersAsOf: "2026", metric: "exports",
                   period: "2026-01", destination: "US" }) {
    rows { rank subject { id name } value unit coverage broaderThanAsked
           statistics { value source { id } } }
    notes
  }
}"""

SERIES = """query ($subject: ID!, $metric: String!) {
  statistics(subjects: [$subject], metric: $metric) {
    value unit qualifier stated
    period { label start granularity }
    destination { name } sector { name }
    reportedChangePercent computedChange { percent }
    source { id title publisher published url language }
  }
}"""


def graphql(server, query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(
        f"{server}/graphql", data=body, headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.load(response)
    if answer.get("errors"):
        raise SystemExit("the API refused the query: " + "; ".join(e["message"] for e in answer["errors"]))
    return answer["data"]


def ranking_frame(server):
    """The headline ranking, one row per (member, statistic), each with its source's columns."""
    url = f"{server}/export.csv?" + urllib.parse.urlencode({"query": RANKING})
    return pd.read_csv(url)


def series_frame(server, subject, metric):
    data = graphql(server, SERIES, {"subject": subject, "metric": metric})
    rows = []
    for stat in data["statistics"]:
        rows.append(
            {
                "period": stat["period"]["label"],
                "start": pd.Timestamp(stat["period"]["start"]),
                "granularity": stat["period"]["granularity"],
                "value": stat["value"],
                "unit": stat["unit"],
                "qualifier": stat["qualifier"],
                "stated": stat["stated"],
                "scope": " · ".join(
                    filter(
                        None,
                        [
                            f"to {stat['destination']['name']}" if stat["destination"] else "all destinations",
                            stat["sector"]["name"] if stat["sector"] else None,
                        ],
                    )
                ),
                "reported_change_percent": stat["reportedChangePercent"],
                "computed_change_percent": (stat["computedChange"] or {}).get("percent"),
                "source_id": stat["source"]["id"],
                "source_publisher": stat["source"]["publisher"],
                "source_title": stat["source"]["title"],
                "source_published": stat["source"]["published"],
                "source_url": stat["source"]["url"],
                "source_language": stat["source"]["language"],
            }
        )
    return pd.DataFrame(rows)


def plot_series(frame, subject, metric, path):
    """Monthly figures of the most common unit: a line per scope, a marker per source, side by side."""
    unit = frame["unit"].mode().iloc[0]
    monthly = frame[(frame["granularity"] == "month") & (frame["unit"] == unit)].sort_values("start")
    markers = ["o", "s", "D", "^", "v", "P", "X", "*"]
    sources = list(dict.fromkeys(monthly["source_publisher"]))
    fig, ax = plt.subplots(figsize=(9, 4.5), dpi=120)
    for scope, group in monthly.groupby("scope"):
        ax.plot(group["start"], group["value"], color="0.75", linewidth=1, zorder=1)
        for index, source in enumerate(sources):
            points = group[group["source_publisher"] == source]
            if points.empty:
                continue
            shift = pd.Timedelta(days=6 * (index - (len(sources) - 1) / 2))
            ax.scatter(points["start"] + shift, points["value"], marker=markers[index % len(markers)],
                       label=f"{source} ({scope})", zorder=2)
    ax.set_title(f"{subject}: {metric} per month ({unit}), one marker per source")
    ax.set_ylabel(unit)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def date_parts(date):
    return {"date-parts": [[int(part) for part in date.split("-")]]}


def write_citations(sources, out, retrieved):
    """Every source used, as CSL-JSON (Zotero, Pandoc) and BibTeX, with the retrieval date."""
    csl = []
    bib = []
    for source in sources:
        item = {
            "id": source["id"],
            "type": "article-newspaper",
            "title": source["title"],
            "container-title": source["publisher"],
            "publisher": source["publisher"],
            "URL": source["url"],
            "accessed": date_parts(retrieved),
        }
        if source.get("published"):
            item["issued"] = date_parts(source["published"])
        csl.append(item)
        escaped = {k: str(v).replace("&", r"\&").replace("%", r"\%").replace("_", r"\_")
                   for k, v in source.items() if v}
        fields = [f"  title = {{{escaped['title']}}}", f"  organization = {{{escaped['publisher']}}}"]
        if source.get("published"):
            fields.append(f"  date = {{{source['published']}}}")
        fields += [f"  url = {{{source['url']}}}", f"  urldate = {{{retrieved}}}"]
        bib.append("@online{" + source["id"] + ",\n" + ",\n".join(fields) + "\n}\n")
    with open(os.path.join(out, "citations.json"), "w", encoding="utf-8") as file:
        json.dump(csl, file, ensure_ascii=False, indent=2)
    with open(os.path.join(out, "citations.bib"), "w", encoding="utf-8") as file:
        file.write("\n".join(bib))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", default="http://127.0.0.1:4000")
    parser.add_argument("--out", default="tradegraph-output")
    parser.add_argument("--subject", default="freightliner")
    parser.add_argument("--metric", default="exports")
    args = parser.parse_args()
    server = args.server.rstrip("/")
    os.makedirs(args.out, exist_ok=True)
    retrieved = datetime.date.today().isoformat()

    ranking = ranking_frame(server)
    ranking.to_csv(os.path.join(args.out, "ranking.csv"), index=False)
    print("Which ANPACT members export most to the US? (January 2026)")
    for rank, rows in ranking.groupby("rows.rank", sort=True):
        first = rows.iloc[0]
        sources = ", ".join(dict.fromkeys(rows["rows.statistics.source.publisher"]))
        caveat = " — all destinations, NOT a US figure" if first["rows.broaderThanAsked"] else ""
        print(f"{rank}. {first['rows.subject.name']}: {int(first['rows.value']):,} {first['rows.unit']}"
              f" ({first['rows.coverage']}){caveat}; sources: {sources}")
    for note in str(ranking["notes"].iloc[0]).split(" | "):
        print(f"note: {note}")

    series = series_frame(server, args.subject, args.metric)
    series.to_csv(os.path.join(args.out, "series.csv"), index=False)
    plot_series(series, args.subject, args.metric, os.path.join(args.out, "series.png"))
    january = series[series["period"] == "2026-01"]
    for _, row in january.iterrows():
        print(f"{args.subject} {args.metric} 2026-01: {int(row['value']):,} {row['unit']} per {row['source_publisher']}")

    sources = {}
    for _, row in series.iterrows():
        sources[row["source_id"]] = {
            "id": row["source_id"], "title": row["source_title"], "publisher": row["source_publisher"],
            "published": row["source_published"] if isinstance(row["source_published"], str) else None,
            "url": row["source_url"],
        }
    for _, row in ranking.iterrows():
        published = row["rows.statistics.source.published"]
        sources.setdefault(row["rows.statistics.source.id"], {
            "id": row["rows.statistics.source.id"], "title": row["rows.statistics.source.title"],
            "publisher": row["rows.statistics.source.publisher"],
            "published": published if isinstance(published, str) else None,
            "url": row["rows.statistics.source.url"],
        })
    unique = list(sources.values())
    write_citations(unique, args.out, retrieved)
    print(f"wrote ranking.csv, series.csv, series.png, citations.json and citations.bib "
          f"({len(unique)} sources, retrieved {retrieved}) to {args.out}")


if __name__ == "__main__":
    try:
        main()
    except urllib.error.URLError as error:
        sys.exit(f"cannot reach the server: {error.reason} (start it with `npm start`)")
