// Draws the "Usage" section of an app's dashboard page: fetches the app's usage.json (same session)
// and charts requests, 429s and other errors per slot with uPlot, then fills the per-endpoint table.
// Served as it is, same-origin (see usage-assets.ts); uPlot is loaded by the script tag before this one.
(function () {
  'use strict';
  const section = document.getElementById('usage');
  if (!section) return;
  const status = document.getElementById('usage-status');
  const chartBox = document.getElementById('usage-chart');
  const table = document.getElementById('usage-endpoints');
  const number = new Intl.NumberFormat();

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  function fillTable(endpoints) {
    const body = table.tBodies[0];
    body.replaceChildren();
    for (const e of endpoints) {
      const row = document.createElement('tr');
      cell(row, e.route);
      cell(row, number.format(e.requests));
      cell(row, number.format(e.limited));
      cell(row, number.format(e.errors));
      body.appendChild(row);
    }
    table.hidden = endpoints.length === 0;
  }

  function drawChart(report) {
    const text = getComputedStyle(section).color;
    const grid = { stroke: 'rgba(128, 128, 128, 0.2)', width: 1 };
    const axis = { stroke: text, grid: grid, ticks: grid };
    const width = () => Math.max(240, chartBox.clientWidth || section.clientWidth);
    const chart = new uPlot(
      {
        width: width(),
        height: 220,
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(5, max)] } },
        axes: [axis, Object.assign({ size: 50 }, axis)],
        series: [
          { label: 'Time' },
          { label: 'Requests', stroke: '#1d6b46', fill: 'rgba(29, 107, 70, 0.12)', width: 1.5 },
          { label: '429', stroke: '#b00020', width: 1.5 },
          { label: 'Errors', stroke: '#c77700', width: 1, dash: [4, 3] },
        ],
      },
      [report.series.t, report.series.requests, report.series.limited, report.series.errors],
      chartBox,
    );
    window.addEventListener('resize', () => chart.setSize({ width: width(), height: 220 }));
  }

  function render(report) {
    const t = report.totals;
    status.textContent = t.requests
      ? `Last 24 hours: ${number.format(t.requests)} requests, ${number.format(t.limited)} rate limited (429), ${number.format(t.errors)} other errors.`
      : 'No API calls in the last 24 hours.';
    drawChart(report);
    fillTable(report.endpoints);
  }

  fetch(section.dataset.src, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then(render)
    .catch((error) => {
      status.textContent = `Usage could not be loaded (${error.message}).`;
    });
})();
