// Prepared once per test run: the migrated template every test file's fresh database is copied from
// (a PGlite tarball under .tmp/, or the jinzai_test_template database when TEST_DATABASE_URL is set).
export default async function setup(): Promise<void> {
  const { prepareTemplateDatabase } = await import('./test-database.js');
  await prepareTemplateDatabase();
}
