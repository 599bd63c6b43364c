/**
 * The public survey page `/s/{token}` (no sign-in; the signed, unguessable token is the key).
 * `GET /s/{token}?score=N` is the one-click link of the email: it shows the page with that score
 * picked and records nothing, since mail scanners follow links; the answer is the page's form,
 * `POST /s/{token}` (score and comment), sent with one press. Server-rendered, no script (the
 * app's CSP holds), small bodies, a rate limit per client address on answers.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../core/errors.js';
import { clientAddress } from '../http/client.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { page } from '../mail/public-routes.js';
import { answerByToken, maxCommentLength, scoreRange, surveyPage, type SurveyPageView } from './service.js';

const publicSurveyBodyBytes = 8 * 1024;
/** Answers one client address may give in ten minutes. */
const maxSurveyAnswersPer10Minutes = 30;

const publicRoute = { security: [] as Record<string, string[]>[] };
const tokenParam = z.object({
  token: z
    .string()
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' }, description: 'The signed token from the survey email or chat' }),
});
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const styles =
  '<style>.scores{display:flex;flex-wrap:wrap;gap:.35rem;margin:1rem 0;padding:0;list-style:none}.scores a,.scores label{display:inline-block;min-width:2.2rem;padding:.45rem .3rem;border:1px solid #1f2328;border-radius:6px;text-align:center;color:#1f2328;text-decoration:none}.scores a[aria-current=true],.scores input:checked+span{font-weight:700;text-decoration:underline}.scores input{position:absolute;opacity:0}.scores label:focus-within{outline:3px solid #0969da}textarea{width:100%;min-height:6rem;font:inherit;box-sizing:border-box}.legend{color:#57606a;font-size:.9rem}.error{color:#b42318}</style>';

function surveyHtml(token: string, view: SurveyPageView, notice?: { error?: string; thanks?: boolean; picked?: number }): string {
  const [lo, hi] = scoreRange[view.request.kind];
  const current = view.response?.score;
  const checked = notice?.picked ?? current;
  const legend = view.request.kind === 'nps' ? '0 = not at all likely, 10 = extremely likely' : '1 = very unhappy, 5 = very happy';
  const action = `/s/${escape(encodeURIComponent(token))}`;
  const radios = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)
    .map((s) => `<li><label><input type="radio" name="score" value="${s}"${s === checked ? ' checked' : ''} required><span>${s}</span></label></li>`)
    .join('');
  const ask = current === undefined ? 'Pick a score' : view.request.kind === 'nps' ? 'What is the main reason for your score?' : 'What made you choose this score?';
  const parts = [
    styles,
    notice?.error ? `<p class="error" role="alert">${escape(notice.error)}</p>` : '',
    notice?.thanks ? '<p role="status"><strong>Thank you for your answer.</strong> You can change it below while the survey is open.</p>' : '',
    notice?.picked !== undefined
      ? `<p role="status">You picked <strong>${notice.picked}</strong>: press Send to record it${current !== undefined ? ` (your recorded score is ${current})` : ''}.</p>`
      : current !== undefined && !notice?.thanks
        ? `<p role="status">Thank you: your score <strong>${current}</strong> is recorded.</p>`
        : '',
    `<p>${escape(view.question)}</p>`,
    `<form method="post" action="${action}"><fieldset style="border:0;padding:0;margin:0"><legend class="legend">${escape(legend)}</legend><ul class="scores">${radios}</ul></fieldset>`,
    `<p><label for="comment">${escape(ask)} <span class="legend">(optional)</span></label><br><textarea id="comment" name="comment" maxlength="${maxCommentLength}">${escape(view.response?.comment ?? '')}</textarea></p>`,
    `<button type="submit">Send</button></form>`,
  ];
  return page(view.request.kind === 'nps' ? 'A quick question' : 'How did we do?', parts.join(''));
}

function errorPage(c: Context, error: unknown) {
  if (!(error instanceof AppError) || error.status >= 500) throw error;
  const title = error.status === 404 ? 'Link not valid' : error.status === 429 ? 'Please wait' : error.status === 409 ? 'Survey closed' : 'Not possible';
  return c.html(page(title, `<p>${escape(error.message)}</p>`), error.status as 404);
}

export function registerSurveyPages(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const { database } = deps;
  const answers = new Map<string, { count: number; since: number }>();
  app.use('/s/*', bodyLimit({ maxSize: publicSurveyBodyBytes, onError: (c) => c.html(page('Too large', `<p>The form sent more than ${publicSurveyBodyBytes} bytes.</p>`), 413) }));
  app.use('/s/*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    c.header('x-robots-tag', 'noindex');
  });
  const limited = (c: Context) => {
    const who = clientAddress(c, deps.config);
    const now = Date.now();
    const entry = answers.get(who);
    if (!entry || now - entry.since > 10 * 60_000) {
      if (answers.size > 10_000) answers.clear();
      answers.set(who, { count: 1, since: now });
      return false;
    }
    return ++entry.count > maxSurveyAnswersPer10Minutes;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/s/{token}',
      operationId: 'publicSurveyPage',
      tags: ['surveys'],
      summary: 'The survey page; with `score` (the one-click link of the email) that score is picked on the page, and recorded only when the page is sent (POST)',
      ...publicRoute,
      request: {
        params: tokenParam,
        query: z.object({ score: z.string().max(3).optional().openapi({ description: 'A score to pick on the page: 1–5 (CSAT) or 0–10 (NPS)' }) }),
      },
      responses: {
        200: html('The page'),
        400: html('The score is out of range'),
        404: html('The link is not valid'),
        409: html('The survey has closed'),
        429: html('Too many answers from this address'),
      },
    }),
    async (c) => {
      const { token } = c.req.valid('param');
      const { score } = c.req.valid('query');
      try {
        const view = await surveyPage(database.db, token);
        if (view.expired && !view.response) throw new AppError('conflict', 'This survey has closed: answers are taken for 30 days.');
        if (score === undefined) return c.html(surveyHtml(token, view), 200);
        // A GET records nothing (a mail scanner following every link must not answer): the score is picked, the form sends it.
        const [lo, hi] = scoreRange[view.request.kind];
        if (!/^\d{1,2}$/.test(score) || Number(score) < lo || Number(score) > hi) throw new AppError('invalid_input', 'The score in this link is not valid.');
        return c.html(surveyHtml(token, view, { picked: Number(score) }), 200);
      } catch (error) {
        return errorPage(c, error);
      }
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/s/{token}',
      operationId: 'publicSurveyAnswer',
      tags: ['surveys'],
      summary: 'Answer a survey from its page: a score and an optional comment (a later answer replaces the earlier one while the survey is open)',
      ...publicRoute,
      request: {
        params: tokenParam,
        body: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': { schema: z.object({ score: z.string().max(3).optional(), comment: z.string().max(maxCommentLength).optional() }).openapi('SurveyAnswerForm') },
          },
        },
      },
      responses: {
        200: html('Recorded'),
        400: html('No score, or out of range'),
        404: html('The link is not valid'),
        409: html('The survey has closed'),
        413: html('Body too large'),
        429: html('Too many answers from this address'),
      },
    }),
    async (c) => {
      const { token } = c.req.valid('param');
      const form = c.req.valid('form');
      try {
        if (limited(c)) throw new AppError('rate_limited', 'Too many answers from your address. Please try again in a few minutes.');
        if (!form.score || !/^\d{1,2}$/.test(form.score)) {
          const view = await surveyPage(database.db, token);
          return c.html(surveyHtml(token, view, { error: 'Please pick a score.' }), 400);
        }
        await answerByToken(database, token, { score: Number(form.score), comment: form.comment ?? null });
        return c.html(surveyHtml(token, await surveyPage(database.db, token), { thanks: true }), 200);
      } catch (error) {
        if (error instanceof AppError && error.status === 400) {
          const view = await surveyPage(database.db, token);
          return c.html(surveyHtml(token, view, { error: error.message }), 400);
        }
        return errorPage(c, error);
      }
    },
  );
}
