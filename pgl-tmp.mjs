const { PGlite } = await import('@electric-sql/pglite');
const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
const extra = process.argv.slice(3);
const t1=performance.now();
const db = await PGlite.create({dataDir: process.argv[2], extensions: {pg_trgm}, startParams: [...PGlite.defaultStartParams, ...extra]});
const t2=performance.now();
console.log(extra.join(' '),'create',t2-t1|0, (await db.query('show shared_buffers')).rows[0]);
await db.close();
