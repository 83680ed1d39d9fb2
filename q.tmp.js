const { Client } = require('pg');
(async () => {
  const c = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/bb_bench' });
  await c.connect();
  const names = (await c.query("SELECT name FROM tracks ORDER BY md5(id || 'words') LIMIT 400")).rows.map(r => r.name);
  const words = names.map(n => n.split(' ')).filter(w => w.length >= 2).map(w => w[0] + ' ' + w[1]).slice(0, 200);
  const res = [];
  for (const w of words) {
    const t = performance.now();
    const r = await fetch('http://127.0.0.1:3960/v1/search?type=track&limit=20&q=' + encodeURIComponent(w), { headers: { authorization: 'Bearer ' + process.env.TOKEN } });
    await r.text();
    res.push([performance.now() - t, w]);
  }
  res.sort((a, b) => b[0] - a[0]);
  console.log(res.slice(0, 12).map(([t, w]) => `${t.toFixed(0)}ms ${w}`).join('\n'));
  const cnt = await c.query(`SELECT count(*) FROM tracks WHERE search_vector @@ to_tsquery('simple', bb_normalize($1))`, [res[0][1] + ':*']);
  console.log('matches for', res[0][1], cnt.rows[0].count);
  await c.end();
})();
