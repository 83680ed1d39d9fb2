import { createHash, randomBytes } from 'node:crypto';

/** A cookie-keeping HTTP client that walks the server-rendered pages as a browser would. */
export class PageClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<{ status: number; location: string | null; text: string; headers: Headers }> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(new URL(path, this.baseUrl), {
      ...init,
      redirect: 'manual',
      headers: { accept: 'text/html', ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
    return { status: response.status, location: response.headers.get('location'), text: await response.text(), headers: response.headers };
  }

  /** Submits the page's form (hidden fields included) with `fields` filled in. */
  async submit(pageHtml: string, fields: Record<string, string>, action?: string): Promise<Awaited<ReturnType<PageClient['fetch']>>> {
    const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(pageHtml);
    if (!form) throw new Error('no form on the page');
    const body = new URLSearchParams();
    for (const [, name, value] of form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      body.set(name, decodeEntities(value));
    }
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    return this.fetch(action ?? decodeEntities(form[1]), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  }
}

function decodeEntities(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A form POST to one of the token service's endpoints; `basic` authenticates the client with HTTP Basic. */
export async function formPost(
  baseUrl: string,
  path: string,
  params: Record<string, string>,
  basic?: { id: string; secret: string },
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(basic ? { authorization: `Basic ${Buffer.from(`${basic.id}:${basic.secret}`).toString('base64')}` } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** POST /api/token. */
export const tokenRequest = (baseUrl: string, params: Record<string, string>, basic?: { id: string; secret: string }) => formPost(baseUrl, '/api/token', params, basic);
