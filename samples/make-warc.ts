/**
 * Builds samples/warc/pages.warc.gz from the HTML pages in samples/warc/src/.
 *
 *   npx tsx samples/make-warc.ts
 *
 * Layout of the output (each record gzipped separately, as crawlers do):
 *   1. warcinfo
 *   2. for each page: a `request` record (to be skipped by readers) followed
 *      by an HTTP `response` record carrying the HTML
 *   3. one `metadata` record (also to be skipped)
 *
 * The capture dates are fixed and derived from each file name, so the output
 * is reproducible apart from the random WARC-Record-IDs.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { WARCRecord, WARCSerializer } from "warcio";

const here = dirname(fileURLToPath(import.meta.url));
const srcDir = join(here, "warc", "src");
const outFile = join(here, "warc", "pages.warc.gz");
const warcVersion = "WARC/1.1";

/** Fictional hosts for the pages, by file name. */
const HOSTS: Record<string, string> = {
  "2016-11-09-putin-congratulates-trump.html": "https://volgareview.example/russia/2016/11/09/putin-congratulates-trump",
  "2017-10-24-russia-vetoes-syria-inquiry.html": "https://turtlebayreport.example/security-council/2017/10/24/russia-veto-jim",
  "2018-11-29-trump-cancels-putin-meeting.html": "https://southernconetimes.example/g20/2018/11/29/trump-cancels-putin-meeting",
};

const enc = new TextEncoder();

function* bytes(s: string | Uint8Array): Iterable<Uint8Array> {
  yield typeof s === "string" ? enc.encode(s) : s;
}

async function serialize(record: WARCRecord): Promise<Uint8Array> {
  return WARCSerializer.serialize(record, { gzip: true });
}

async function main(): Promise<void> {
  const parts: Uint8Array[] = [];

  const info = WARCRecord.createWARCInfo(
    { filename: "pages.warc.gz", warcVersion, date: "2018-11-30T00:00:00Z" },
    {
      software: "detente samples/make-warc.ts (warcio)",
      description: "Sample crawl for the Détente project: original articles written for the project.",
      format: "WARC File Format 1.1",
    },
  );
  parts.push(await serialize(info));

  const files = readdirSync(srcDir).filter((f) => f.endsWith(".html")).sort();
  if (files.length === 0) throw new Error(`no HTML files in ${srcDir}`);

  let lastUrl = "";
  for (const file of files) {
    const url = HOSTS[file] ?? `https://samples.detente.example/${file.replace(/\.html$/, "")}`;
    const day = file.slice(0, 10); // YYYY-MM-DD prefix
    const date = `${day}T23:30:00Z`;
    const host = new URL(url).host;

    const request = WARCRecord.create(
      {
        url,
        date,
        type: "request",
        warcVersion,
        statusline: `GET ${new URL(url).pathname} HTTP/1.1`,
        httpHeaders: { Host: host, "User-Agent": "detente-sample-crawler/0.1", Accept: "text/html" },
      },
      bytes(""),
    );
    parts.push(await serialize(request));

    const html = readFileSync(join(srcDir, file));
    const response = WARCRecord.create(
      {
        url,
        date,
        type: "response",
        warcVersion,
        statusline: "HTTP/1.1 200 OK",
        httpHeaders: {
          "Content-Type": "text/html; charset=utf-8",
          "Content-Length": String(html.byteLength),
          Server: "nginx",
        },
      },
      bytes(new Uint8Array(html)),
    );
    parts.push(await serialize(response));
    lastUrl = url;
  }

  const metadata = WARCRecord.create(
    {
      url: lastUrl,
      date: "2018-11-30T00:00:00Z",
      type: "metadata",
      warcVersion,
      warcHeaders: { "Content-Type": "application/warc-fields" },
    },
    bytes("via: https://samples.detente.example/\nhopsFromSeed: L\nfetchTimeMs: 412\n"),
  );
  parts.push(await serialize(metadata));

  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.byteLength;
  }
  writeFileSync(outFile, out);
  console.log(`wrote ${outFile}: ${files.length} responses, ${parts.length} records, ${total} bytes`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
