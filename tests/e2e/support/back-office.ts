import { readFileSync } from 'node:fs';
import https from 'node:https';

/**
 * What reached the back office: tests read training mode's Dataverse stand-in through its
 * Web API, over https trusting only its own certificate, as any Dataverse client would. The
 * browser host writes the stand-in's address, certificate and an integration application's
 * token (Dataverse refuses any other) to CIVICDESK_STAND_IN_FILE.
 */
function standIn(): { url: string; ca: string; token: string } {
  const file = process.env.CIVICDESK_STAND_IN_FILE;
  if (!file) throw new Error('CIVICDESK_STAND_IN_FILE is not set: run the e2e tests through playwright.config.ts');
  return JSON.parse(readFileSync(file, 'utf8')) as { url: string; ca: string; token: string };
}

export async function readRows(path: string): Promise<Record<string, unknown>[]> {
  const { url, ca, token } = standIn();
  const rows: Record<string, unknown>[] = [];
  let next: string | null = `${url}/api/data/v9.2/${path}`;
  while (next) {
    const body = await new Promise<string>((resolve, reject) => {
      const request = https.get(next as string, { ca, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'OData-Version': '4.0' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`${response.statusCode} ${Buffer.concat(chunks).toString('utf8')}`))));
      });
      request.on('error', reject);
    });
    const page = JSON.parse(body) as { value: Record<string, unknown>[]; '@odata.nextLink'?: string };
    rows.push(...page.value);
    next = page['@odata.nextLink'] ?? null;
  }
  return rows;
}

const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The cases with this title, each with its attachments (annotations that hold a document). */
export async function casesTitled(title: string): Promise<{ id: string; attachments: string[] }[]> {
  const incidents = await readRows(`incidents?$select=incidentid,title&$filter=title eq ${encodeURIComponent(quoted(title))}`);
  return Promise.all(
    incidents.map(async (incident) => {
      const id = String(incident.incidentid);
      const notes = await readRows(`annotations?$select=filename,isdocument&$filter=_objectid_value eq ${id}`);
      return { id, attachments: notes.filter((note) => note.isdocument === true).map((note) => String(note.filename)) };
    }),
  );
}

/** How many times each of these case ids is in the back office. */
export async function timesStored(ids: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map(ids.map((id) => [id.toLowerCase(), 0]));
  const wanted = new Set(counts.keys());
  for (const incident of await readRows('incidents?$select=incidentid')) {
    const id = String(incident.incidentid).toLowerCase();
    if (wanted.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
