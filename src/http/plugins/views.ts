import type { FastifyInstance, FastifyReply } from 'fastify';
import { isStaff } from '../../domain/access/actor.js';
import type { AppDeps } from '../app.js';
import { createTemplateEnvironment } from '../render.js';

export const installViews = (app: FastifyInstance, _deps: AppDeps): void => {
  const env = createTemplateEnvironment();
  app.decorateReply('view', async function view(this: FastifyReply, template: string, data: Record<string, unknown> = {}) {
    const request = this.request;
    const csrfToken = this.generateCsrf();
    const html = env.render(template, {
      lang: request.lang,
      t: request.t,
      actor: request.actor,
      isStaff: isStaff(request.actor),
      csrfToken,
      currentPath: request.url.split('?')[0],
      ...data,
    });
    return this.type('text/html; charset=utf-8').send(html);
  });
};
