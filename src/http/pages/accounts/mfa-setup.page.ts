import type { FastifyInstance, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { beginTotpEnrolment, confirmTotpEnrolment } from '../../../domain/accounts/enrol-totp.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, safeNext, useCaseContext } from './request-context.js';

// Two-factor enrolment: the secret as text and as an otpauth:// QR code (a data: URL image, allowed by the CSP),
// then a first code from the app to confirm.

export const mfaSetupPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const render = async (request: FastifyRequest, errors?: { field: string; message: string }[]) => {
    const { secret, uri } = await beginTotpEnrolment({ ...useCaseContext(request, deps), dataKeys: deps.services.dataKeys });
    const qr = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
    const q = { ...(request.query as Record<string, string>), ...bodyOf(request) };
    return {
      pageTitle: request.t('accounts:mfa.title'),
      secretGroups: secret.match(/.{1,4}/g)?.join(' '),
      qr,
      next: safeNext(q.next),
      recovered: q.recovered === '1',
      ...(errors ? { errors } : {}),
    };
  };

  app.get('/account/mfa/setup', { config: { policy: 'account.mfa_setup' } }, async (request, reply) => reply.view('pages/accounts/mfa-setup.njk', await render(request)));

  app.post('/account/mfa/setup', { config: { policy: 'account.mfa_setup', rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = bodyOf(request);
    if (!request.session) return reply.redirect('/login', 303);
    const ok = await confirmTotpEnrolment({ ...useCaseContext(request, deps), dataKeys: deps.services.dataKeys, sessionIdHash: request.session.idHash }, { code: body.code ?? '' });
    if (!ok) {
      reply.status(400);
      return reply.view('pages/accounts/mfa-setup.njk', await render(request, [{ field: 'code', message: request.t('accounts:totp.invalid') }]));
    }
    const next = safeNext(body.next, '/staff');
    return reply.redirect(body.recovered === '1' ? `${next}${next.includes('?') ? '&' : '?'}recovered=1` : next, 303);
  });
};
