// LivretZip — zip archives for Livret, through libzip (`CZip`), with no knowledge of what they hold.
//
// - `ZipEcriture` writes reproducible archives (sorted entries, fixed time, deflate 9),
//   in memory or atomically to a file.
// - `ZipLecture` reads untrusted archives in memory, defensively (dangerous names, links,
//   doubles, bombs, truncation), and extracts them inside one folder only.
// - `ZipNoms` holds the entry-name rules they share; `ErreurPaquet` is the one error type,
//   with a French message.
//
// Used by the badge bundles (LivretBadges), and meant for any other zip-based format
// (spreadsheets). Depends on nothing of Livret.
