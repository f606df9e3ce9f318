import { Router, type Response } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/deps';
import { CSV_PATH, type CsvLinks } from '../app/report/csv-link';
import { reportAccess, viewReport } from '../app/report/view-report';
import { checkReportPeriod, reportCsv } from '../domain/aftercare/report';
import { nlAftercare, reportFigureLabel } from '../i18n/nl/aftercare';
import { nlReport } from '../i18n/nl/report';

const querySchema = z.object({ t: z.string().min(1).max(5000) }).passthrough();

/** A refusal a person reads in their browser: Dutch, no detail about why (expired, forged or off the roster). */
function refuse(res: Response, status: number): void {
  res.status(status).type('text/plain; charset=utf-8').set('Cache-Control', 'no-store').send(nlReport.csvFileRefused);
}

/**
 * GET /rapportage.csv?t=… : the CSV export behind the card's signed link (decisions.md §44). The link
 * is checked (signature, expiry), then the roster again (the member still holds a report role for
 * every location in it), and the export is audited like the card. Aggregated figures only.
 */
export function reportCsvRouter(deps: AppDeps, links: CsvLinks): Router {
  const router = Router();
  router.get(CSV_PATH, async (req, res, next) => {
    try {
      const q = querySchema.safeParse(req.query);
      if (!q.success) return refuse(res, 400);
      const v = links.verify(q.data.t, deps.clock.now());
      if (!v.ok) {
        deps.log.warn({ reason: v.reason }, 'security: rapportage CSV link refused');
        return refuse(res, v.reason === 'expired' ? 410 : 403);
      }
      const c = v.claims;
      const access = reportAccess(deps, c.m);
      if (!access.ok || !c.l.every((l) => access.member.locations.includes(l)) || !checkReportPeriod(c.f, c.t).ok) {
        deps.log.warn({ actorId: c.m }, 'security: rapportage CSV refused (roster changed or claims out of range)');
        return refuse(res, 403);
      }
      const view = await viewReport(deps, access.member, c.l, { from: c.f, to: c.t, firstDay: c.d1, lastDay: c.d2 }, 'csv');
      const names = new Map(view.locations.map((l) => [l.id, l.name]));
      const sections = [
        ...view.perLocation.map((p) => ({ locationLabel: names.get(p.locationId) ?? p.locationId, period: c, figures: p.figures })),
        ...(view.perLocation.length > 1 ? [{ locationLabel: nlAftercare.report.allLocations, period: c, figures: view.total }] : []),
      ].map((s) => ({ ...s, period: { from: c.d1, to: c.d2 } }));
      const body = reportCsv(sections, nlAftercare.report.csvHeader, reportFigureLabel);
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .set('Cache-Control', 'no-store')
        .set('Content-Disposition', `attachment; filename="rapportage-${c.d1}-${c.d2}.csv"`)
        .send(`\uFEFF${body}`);
    } catch (e) {
      next(e);
    }
  });
  return router;
}
