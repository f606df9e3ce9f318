/**
 * Posts an example HG case to the locally running bot (`npm run sample-case`), signed like the
 * police/ZSM system would. Options: --location <id>, --url <base>, --evening (intake at 21:30).
 */
import { randomUUID } from 'node:crypto';
import { signBody } from '../src/http/signature';
import { devEnv } from './dev-env';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const env = devEnv();
  const base = arg('url') ?? `http://127.0.0.1:${env.PORT}`;
  const body = {
    externalId: `VOORBEELD-${randomUUID().slice(0, 8)}`,
    locationId: arg('location') ?? 'midden-nederland',
    intakeAt: new Date().toISOString(),
    offenceCategory: 'mishandeling',
    hgFlag: true,
    children: { involved: true, ages: [13, 9] },
    persons: [
      { role: 'verdachte', age: 38 },
      { role: 'slachtoffer', age: 35 },
      { role: 'kind', age: 13 },
      { role: 'kind', age: 9 },
    ],
    summary: 'Voorbeeld: buren bellen 112 na geschreeuw; slachtoffer met blauwe plek op arm; kinderen waren thuis. Verdachte aangehouden.',
    weaponMentioned: false,
    victimContactSafe: 'onbekend',
    custody: 'in_verzekering',
  };
  const raw = JSON.stringify(body);
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${base}/api/cases`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-zsm-timestamp': String(ts),
      'x-zsm-signature': signBody(env.INTAKE_HMAC_SECRET as string, ts, raw),
    },
    body: raw,
  });
  const text = await res.text();
  process.stdout.write(`${res.status} ${text}\n`);
  if (!res.ok) process.exit(1);
}

main().catch((e: unknown) => {
  process.stderr.write(`sample-case failed: ${e instanceof Error ? e.message : String(e)} (is the bot running? npm start)\n`);
  process.exit(1);
});
