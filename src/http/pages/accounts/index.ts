import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';
import { apiTokenRoutes } from '../../api/v1/accounts/api-tokens.route.js';
import { apiTokenPages } from './api-tokens.page.js';
import { dashboardPage } from './dashboard.page.js';
import { delegationPages } from './delegations.page.js';
import { loginPages } from './login.page.js';
import { mfaSetupPages } from './mfa-setup.page.js';
import { passwordResetPages } from './password-reset.page.js';
import { installDraftRecovery } from './recover-draft.hook.js';
import { signupPages } from './signup.page.js';

/** The accounts module: sign-in, sign-up, password reset, two-factor, dashboard, API tokens, delegations. */
export const accountPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  installDraftRecovery(app, deps);
  for (const pages of [loginPages, signupPages, passwordResetPages, mfaSetupPages, dashboardPage, apiTokenPages, delegationPages, apiTokenRoutes]) await pages(app, deps);
};
