import { html, SafeHtml } from '../common/http/html';
import { assetUrl } from './usage-assets';
import { REPORT_HOURS, SLOT_SECONDS } from './usage.service';

/**
 * The "Usage" section of an app's dashboard page. The numbers come from `usage.json` and are drawn
 * by usage-chart.js with uPlot, both same-origin files: the page itself stays free of inline script.
 */
export function usageSection(appId: string): SafeHtml {
  return html`<h2>Usage</h2>
<section id="usage" data-src="/dashboard/apps/${appId}/usage.json" aria-describedby="usage-about">
<p id="usage-about" class="muted">API calls made with this app’s tokens, per ${SLOT_SECONDS / 60} minutes over the last ${REPORT_HOURS} hours: all requests, those refused with 429 (rate limited) and other errors. Counts reach this page within about 10 seconds.</p>
<p id="usage-status" role="status">Loading usage…</p>
<div id="usage-chart"></div>
<table id="usage-endpoints" hidden>
<caption>Per endpoint, last ${REPORT_HOURS} hours</caption>
<thead><tr><th scope="col">Endpoint</th><th scope="col">Requests</th><th scope="col">429</th><th scope="col">Errors</th></tr></thead>
<tbody></tbody>
</table>
<noscript><p class="muted">The chart needs JavaScript; the numbers are in <a href="/dashboard/apps/${appId}/usage.json">usage.json</a>.</p></noscript>
</section>
<link rel="stylesheet" href="${assetUrl('uPlot.min.css')}">
<link rel="stylesheet" href="${assetUrl('usage.css')}">
<script src="${assetUrl('uPlot.iife.min.js')}" defer></script>
<script src="${assetUrl('usage-chart.js')}" defer></script>`;
}
