import type { FastifyInstance } from 'fastify';
import { DEFAULT_LANGUAGE, isLanguage, type Language, translatorFor } from '../../locales/index.js';

const fromAcceptLanguage = (header: string | undefined): Language | undefined => {
  if (!header) return undefined;
  const first = header.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return isLanguage(first) ? first : undefined;
};

/**
 * Japanese first. `?lang=en` switches and is remembered in a cookie; the API also honours Accept-Language.
 * A signed-in user's saved preference is applied by the identity plugin.
 */
export const installLanguage = (app: FastifyInstance): void => {
  app.decorateRequest('lang', DEFAULT_LANGUAGE);
  app.decorateRequest('t', undefined as never);
  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const requested = query?.lang;
    let lang: Language = DEFAULT_LANGUAGE;
    if (isLanguage(requested)) {
      lang = requested;
      reply.setCookie('lang', requested, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
    } else if (isLanguage(request.cookies.lang)) {
      lang = request.cookies.lang;
    } else if (request.url.startsWith('/api/')) {
      lang = fromAcceptLanguage(request.headers['accept-language']) ?? DEFAULT_LANGUAGE;
    }
    request.lang = lang;
    request.t = translatorFor(lang);
  });
};

export const setRequestLanguage = (request: { lang: Language; t: unknown }, lang: Language): void => {
  request.lang = lang;
  request.t = translatorFor(lang);
};
