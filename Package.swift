// swift-tools-version:6.1
//
// Livret — suivi des apprenants, preuves de compétences et comptes rendus
// pour les structures d'inclusion numérique.

import PackageDescription

let package = Package(
    name: "Livret",
    defaultLocalization: "fr",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "livret", targets: ["livret"]),
        .executable(name: "livret-bench", targets: ["LivretBench"]),
        .library(name: "LivretCore", targets: ["LivretCore"]),
        .library(name: "LivretStore", targets: ["LivretStore"]),
        .library(name: "LivretZip", targets: ["LivretZip"]),
        .library(name: "LivretBadges", targets: ["LivretBadges"]),
        .library(name: "LivretExports", targets: ["LivretExports"]),
        .library(name: "LivretTerminal", targets: ["LivretTerminal"]),
        .library(name: "LivretEspace", targets: ["LivretEspace"]),
        .library(name: "LivretReseau", targets: ["LivretReseau"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The learner's space (issue 21): a small local web server. No traits: neither
        // swift-configuration nor the full-Foundation extras are used.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Networks of structures (issue 22): the network's store on a PostgreSQL server.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Domain types and rules. No I/O: everything arrives as values or bytes.
        .target(name: "LivretCore", dependencies: ["LivretProgrammeLineaire"]),

        // Integer linear programs (GLPK): the audit of masked report cells. Knows nothing of reports.
        .target(name: "LivretProgrammeLineaire", dependencies: ["CGLPK"]),

        // The référentiels shipped with Livret, embedded in the binary so the tool
        // works from any folder. The data itself lives in the top-level Referentiels/.
        .target(
            name: "LivretReferentiels",
            dependencies: ["LivretCore"],
            path: "Referentiels",
            exclude: ["README.md"],
            resources: [
                .embedInCode("aptic/aptic.json"),
                .embedInCode("aptic/variantes/aptic-roubaix-ateliers.json"),
                .embedInCode("pix/pix.json"),
                .embedInCode("correspondances/aptic-pix.json"),
                .embedInCode("correspondances/aptic-thematiques.json"),
                .embedInCode("parcours/femmes-et-numerique.json"),
                .embedInCode("parcours/initiation-smartphone.json"),
            ]
        ),

        // The only code that knows SQL.
        .target(
            name: "LivretStore",
            dependencies: [
                "LivretCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),

        // A network's store (members, extracts received, their records): a SQLite file or a
        // PostgreSQL server, behind one protocol. The only other code that knows SQL.
        .target(
            name: "LivretReseau",
            dependencies: [
                "LivretCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // The deterministic demo base (`livret demo`) and the synthetic national-scale generator.
        .target(
            name: "LivretDemo",
            dependencies: ["LivretCore", "LivretStore"]
        ),

        // Benchmark: national-scale synthetic data, timings of the tracking queries.
        .executableTarget(
            name: "LivretBench",
            dependencies: ["LivretCore", "LivretStore", "LivretDemo", "LivretReferentiels", "LivretBadges", "LivretServices", "LivretTUI", "LivretTerminal",
                           "LivretExports", "CXlsxWriter", "LivretEspace", "LivretReseau",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "Logging", package: "swift-log")],
            path: "Sources/livret-bench"
        ),

        // Zip archives (libzip): reproducible writing, defensive reading and extraction.
        // Knows nothing of badges; any zip-based format (bundles, spreadsheets) goes through it.
        .target(name: "LivretZip", dependencies: ["CZip"]),

        // Open Badges 3.0: keys, VC-JWT signing and verification, images (SVG, PNG drawn by librsvg), zip bundles (LivretZip).
        .target(
            name: "LivretBadges",
            dependencies: [
                "LivretCore",
                "LivretZip",
                "CZlib",
                "CRsvg",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // What Livret writes for people: the CV numérique (HTML, JSON Resume), reports, QR codes (CQRencode),
        // spreadsheets (CXlsxWriter).
        .target(
            name: "LivretExports",
            dependencies: ["LivretCore", "CQRencode", "CXlsxWriter"]
        ),

        // What the command line and the terminal UI both do: where files live, who writes,
        // issuing and packaging badges, exporting the CV; French errors for the user.
        .target(
            name: "LivretServices",
            dependencies: ["LivretCore", "LivretReferentiels", "LivretStore", "LivretBadges", "LivretExports", "LivretReseau", "LivretZip",
                           .product(name: "Crypto", package: "swift-crypto")]
        ),

        // The formateur's terminal UI: screens (Model / Update / View) on the in-house engine,
        // every read and write through LivretStore and LivretServices.
        .target(
            name: "LivretTUI",
            dependencies: ["LivretCore", "LivretStore", "LivretServices", "LivretExports", "LivretDemo", "LivretTerminal"]
        ),

        // The learner's own space (`livret espace`): a local web application on Hummingbird. Pages,
        // sessions opened by a one-time code, CSRF, secure headers; every read and write through LivretServices.
        .target(
            name: "LivretEspace",
            dependencies: ["LivretCore", "LivretStore", "LivretServices", "LivretExports", "LivretBadges",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "Logging", package: "swift-log")]
        ),

        // GLPK, through the system library (apt: libglpk-dev; Debian ships no pkg-config file for it).
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),

        // libzip, through the system library (apt: libzip-dev), as GRDB does for SQLite.
        .systemLibrary(
            name: "CZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),

        // libqrencode, through the system library (apt: libqrencode-dev): the QR codes of the printed CV.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),

        // libxlsxwriter, through the system library (apt: libxlsxwriter-dev): reports as real XLSX workbooks.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),

        // librsvg and cairo, through the system library (apt: librsvg2-dev): badge images drawn as PNG.
        .systemLibrary(
            name: "CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]
        ),

        // zlib, through the system library (apt: zlib1g-dev): GZIP of the W3C Bitstring Status List
        // and the CRC-32 of baked PNG chunks.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        // The in-house terminal UI engine: cell buffer, widgets, diff rendering, key decoding,
        // ownership of the tty. No domain knowledge.
        .target(name: "LivretTerminal", dependencies: ["CLargeur"]),

        // wcwidth and setlocale, for measuring characters in terminal columns.
        .target(name: "CLargeur"),

        // The command line.
        .executableTarget(
            name: "livret",
            dependencies: [
                "LivretCore",
                "LivretReferentiels",
                "LivretStore",
                "LivretDemo",
                "LivretBadges",
                "LivretExports",
                "LivretServices",
                "LivretTUI",
                "LivretTerminal",
                "LivretEspace",
                "LivretReseau",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // What the test targets share: temporary folders, the demo base, fixed day and author,
        // the seeded generator, golden files (`Golden.verifier`, re-recorded by LIVRET_INSTANTANES).
        .target(
            name: "LivretTestSupport",
            dependencies: ["LivretCore", "LivretReferentiels", "LivretStore", "LivretDemo", "LivretZip"],
            path: "Tests/LivretTestSupport"
        ),

        .testTarget(name: "LivretCoreTests", dependencies: ["LivretCore", "LivretReferentiels", "LivretTestSupport"]),
        .testTarget(
            name: "LivretStoreTests",
            dependencies: ["LivretStore", "LivretReferentiels", "LivretTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Attendus"]
        ),
        .testTarget(name: "LivretZipTests", dependencies: ["LivretZip", "LivretTestSupport"]),
        .testTarget(name: "LivretProgrammeLineaireTests", dependencies: ["LivretProgrammeLineaire"]),
        .testTarget(name: "LivretServicesTests", dependencies: ["LivretServices", "LivretStore", "LivretCore", "LivretTestSupport"]),
        .testTarget(name: "LivretBadgesTests", dependencies: ["LivretBadges", "LivretZip", "LivretReferentiels", "LivretTestSupport"]),
        .testTarget(name: "LivretExportsTests", dependencies: ["LivretExports", "LivretDemo", "LivretReferentiels", "LivretTestSupport"],
                    exclude: ["Attendus"]),
        .testTarget(name: "LivretDemoTests", dependencies: ["LivretDemo", "LivretReferentiels", "LivretTestSupport"]),
        .testTarget(
            name: "LivretCLITests",
            dependencies: ["livret", "LivretStore", "LivretBadges", "LivretZip", "LivretTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Attendus"]
        ),
        .testTarget(
            name: "LivretEspaceTests",
            dependencies: ["LivretEspace", "LivretServices", "LivretStore", "LivretDemo", "LivretReferentiels", "LivretTestSupport",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        .testTarget(
            name: "LivretReseauTests",
            dependencies: ["LivretReseau", "LivretServices", "LivretStore", "LivretDemo", "LivretReferentiels", "LivretBadges", "LivretZip",
                           "LivretTestSupport"]
        ),
        .testTarget(name: "LivretTerminalTests", dependencies: ["LivretTerminal", "LivretTestSupport"]),
        .testTarget(
            name: "LivretTUITests",
            dependencies: ["LivretTUI", "LivretDemo", "LivretReferentiels", "LivretStore", "LivretTestSupport"],
            exclude: ["Instantanes"]
        ),
    ]
)
